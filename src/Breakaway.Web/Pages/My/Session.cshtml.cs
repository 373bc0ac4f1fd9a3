using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.My;

/// <summary>
/// One of the patient's own sessions. Another patient's session id answers 404, never 403, so ids reveal nothing.
/// A session that raised a red flag stays in the record: it cannot be deleted, and while the flag is open it cannot be
/// changed either; the patient adds a note instead, which the therapist sees.
/// </summary>
public sealed class SessionModel(BreakawayDbContext db, ClinicClock clock, AuditLog audit) : PatientPageModel
{
    public const int NoteLength = 500;

    public long Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Time { get; private set; } = string.Empty;
    public bool IsToday { get; private set; }
    public int? SessionPain { get; private set; }
    public Difficulty? SessionDifficulty { get; private set; }
    public string? SessionNote { get; private set; }
    public bool HasFlag { get; private set; }
    public bool FlagOpen { get; private set; }
    public IReadOnlyList<string> Reasons { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<NoteRow> Notes { get; private set; } = [];

    /// <summary>The "are you sure?" step of deleting: shown by GET ?handler=Delete, so it works without JavaScript.</summary>
    public bool ConfirmingDelete { get; private set; }

    /// <summary>Why a delete was refused, shown at the top of the page.</summary>
    public string? Refusal { get; private set; }

    public bool CanChange => IsToday && !FlagOpen;
    public bool CanDelete => IsToday && !HasFlag;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDeleteAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!IsToday)
        {
            return NotFound();
        }

        if (!CanDelete)
        {
            return Refused();
        }

        ConfirmingDelete = true;
        return Page();
    }

    /// <summary>Patients may delete only their own session of today, and never one that raised a red flag. Audited.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        var patientId = PatientId;
        var today = clock.Today();
        var session = await db.SessionLogs.AsTracking().SingleOrDefaultAsync(s => s.Id == id && s.PatientId == patientId && s.Date == today);
        if (session is null)
        {
            return NotFound();
        }

        if (await db.RedFlags.AnyAsync(f => f.SessionLogId == id))
        {
            await LoadAsync(id);
            return Refused();
        }

        db.SessionLogs.Remove(session);
        audit.Add(AuditActions.SessionDeleted, session.PatientId, detail: $"session {id}");
        await db.SaveChangesAsync();
        return RedirectToPage("/My/Index");
    }

    /// <summary>A note on any of the patient's own sessions, e.g. "I meant pain 2, not 8". Audited without its text.</summary>
    public async Task<IActionResult> OnPostNoteAsync(long id, string? note)
    {
        var patientId = PatientId;
        if (!await db.SessionLogs.AnyAsync(s => s.Id == id && s.PatientId == patientId))
        {
            return NotFound();
        }

        var text = note?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("note", "Write your note first.");
        }
        else if (text.Length > NoteLength)
        {
            ModelState.AddModelError("note", $"Please keep your note under {NoteLength} characters.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        db.SessionNotes.Add(new SessionNote { SessionLogId = id, WrittenUtc = clock.UtcNow(), Text = text! });
        audit.Add(AuditActions.SessionNoteAdded, patientId, detail: $"session {id}");
        await db.SaveChangesAsync();
        return RedirectToPage("/My/Session", null, new { id }, "notes");
    }

    private PageResult Refused()
    {
        Refusal = "This session told your therapist about a warning sign, so it stays in your record and cannot be deleted. If something in it is wrong, add a note below: your therapist will see it.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        var patientId = PatientId;
        var session = await db.SessionLogs.Where(s => s.Id == id && s.PatientId == patientId)
            .Select(s => new { s.Id, s.Date, s.LoggedUtc, s.Pain, s.Difficulty, s.Note })
            .SingleOrDefaultAsync();
        if (session is null)
        {
            return false;
        }

        Id = session.Id;
        Date = session.Date;
        SessionPain = session.Pain;
        SessionDifficulty = session.Difficulty;
        SessionNote = session.Note;
        IsToday = session.Date == clock.Today();
        Time = clock.LocalTime(session.LoggedUtc);
        Rows = await db.ExerciseLogs.Where(l => l.SessionLogId == id)
            .Join(db.ProgramExercises, l => l.ProgramExerciseId, p => p.Id, (l, p) => new { l, p.Order })
            .Join(db.Exercises, x => x.l.ExerciseId, e => e.Id, (x, e) => new { x.l, x.Order, e.Name })
            .OrderBy(x => x.Order)
            .Select(x => new Row(x.Name, x.l.SetsCompleted, x.l.RepsPerSet, x.l.Pain, x.l.StopCueText, x.l.Note))
            .ToListAsync();
        var flags = await db.RedFlags.Where(f => f.SessionLogId == id).OrderBy(f => f.Id).Select(f => new { f.Reasons, f.AcknowledgedUtc }).ToListAsync();
        HasFlag = flags.Count > 0;
        FlagOpen = flags.Any(f => f.AcknowledgedUtc is null);
        Reasons = flags.Count == 0 ? [] : flags[^1].Reasons.Split("; ");
        var notes = await db.SessionNotes.Where(n => n.SessionLogId == id).OrderBy(n => n.Id).Select(n => new { n.WrittenUtc, n.Text }).ToListAsync();
        Notes = [.. notes.Select(n => new NoteRow(clock.ToClinicDay(n.WrittenUtc), clock.LocalTime(n.WrittenUtc), n.Text))];
        return true;
    }

    public sealed record Row(string Name, int Sets, int Reps, int? Pain, string? StopCue, string? Note);

    public sealed record NoteRow(DateOnly Date, string Time, string Text);
}
