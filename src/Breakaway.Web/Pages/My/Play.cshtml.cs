using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Drawings;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.My;

/// <summary>
/// The guided session: one exercise per screen with timers (wwwroot/js/player.js), then a one-screen log. Without
/// JavaScript the same page is a plain form: the exercises one after another and the short log at the end. The form
/// posts to <see cref="IndexModel"/>, so a session is stored by one handler whichever way it was logged.
/// </summary>
public sealed class PlayModel(BreakawayDbContext db, PatientProgram patientProgram, ClinicClock clock) : PatientPageModel
{
    /// <summary>The form's fields, named as <see cref="IndexModel"/> binds them.</summary>
    public IndexModel.SessionInput Input { get; private set; } = new();

    public IReadOnlyList<PlayerExercise> Exercises { get; private set; } = [];

    public string ProgramTitle { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    /// <summary>Where the player keeps the session in progress on the phone: one patient, one program version.</summary>
    public string StorageKey { get; private set; } = string.Empty;

    /// <summary>Idempotency keys of today's stored sessions: a kept session whose key is here was saved already.</summary>
    public IReadOnlyList<Guid> StoredToday { get; private set; } = [];

    public string? LoggedTodayAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var patientId = PatientId;
        var version = await patientProgram.CurrentVersionAsync(patientId, cancellationToken);
        if (version is null)
        {
            return RedirectToPage("/My/Index");
        }

        Today = clock.Today();
        ProgramTitle = version.Program.Title;
        StorageKey = $"breakaway.session.{patientId}.{version.Id}";
        Input = IndexModel.SessionInput.For(version);
        Input.AnotherToday = true; // Starting the player is the patient's "yes, another session" already.
        Exercises = [.. version.Exercises.OrderBy(e => e.Order).Select((e, i) => PlayerExercise.From(e, i))];
        var today = await db.SessionLogs.Where(s => s.PatientId == patientId && s.Date == Today).OrderBy(s => s.LoggedUtc)
            .Select(s => new { s.IdempotencyKey, s.LoggedUtc }).ToListAsync(cancellationToken);
        StoredToday = [.. today.Select(s => s.IdempotencyKey)];
        LoggedTodayAt = today.Count == 0 ? null : clock.LocalTime(today[^1].LoggedUtc);
        return Page();
    }

    /// <summary>One exercise as the player shows it, with its drawing.</summary>
    public sealed record PlayerExercise(
        int Index,
        int ProgramExerciseId,
        string Name,
        string DoseText,
        string RestText,
        Dose Dose,
        string SideName,
        string? Resistance,
        string? TherapistNote,
        string StartingPosition,
        ExerciseDrawing? Drawing,
        IReadOnlyList<string> Steps,
        IReadOnlyList<string> FormCues,
        IReadOnlyList<StopCue> StopCues)
    {
        public static PlayerExercise From(ProgramExercise item, int index) => new(
            index,
            item.Id,
            item.Exercise.Name,
            item.Dose.Describe(item.Exercise.SideName, item.Exercise.HoldAt),
            item.Dose.Sets > 1 ? item.Dose.DescribeRest() : string.Empty,
            item.Dose,
            item.Exercise.SideName,
            item.Resistance,
            item.Note,
            item.Exercise.StartingPosition,
            item.Exercise.Drawing,
            item.Exercise.Steps,
            item.Exercise.FormCues,
            [.. item.Exercise.StopCues.OrderBy(c => c.Order)]);
    }
}
