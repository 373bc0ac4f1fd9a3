using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.My;

/// <summary>One of the patient's own sessions. Another patient's session id answers 404, never 403, so ids reveal nothing.</summary>
public sealed class SessionModel(BreakawayDbContext db, ClinicClock clock) : PageModel
{
    public long Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Time { get; private set; } = string.Empty;
    public bool IsToday { get; private set; }
    public IReadOnlyList<string> Reasons { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var patientId = User.PatientId();
        var session = await db.SessionLogs.Where(s => s.Id == id && s.PatientId == patientId)
            .Select(s => new { s.Id, s.Date, s.LoggedUtc })
            .SingleOrDefaultAsync();
        if (session is null)
        {
            return NotFound();
        }

        Id = session.Id;
        Date = session.Date;
        IsToday = session.Date == clock.Today();
        Time = clock.LocalTime(session.LoggedUtc);
        Rows = await db.ExerciseLogs.Where(l => l.SessionLogId == id)
            .Join(db.ProgramExercises, l => l.ProgramExerciseId, p => p.Id, (l, p) => new { l, p.Order })
            .Join(db.Exercises, x => x.l.ExerciseId, e => e.Id, (x, e) => new { x.l, x.Order, e.Name })
            .OrderBy(x => x.Order)
            .Select(x => new Row(x.Name, x.l.SetsCompleted, x.l.RepsPerSet, x.l.Pain, x.l.StopCueText, x.l.Note))
            .ToListAsync();
        var flag = await db.RedFlags.Where(f => f.SessionLogId == id).Select(f => f.Reasons).FirstOrDefaultAsync();
        Reasons = flag is null ? [] : flag.Split("; ");
        return Page();
    }

    /// <summary>Patients may delete only their own session of today; its red flag goes with it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        var patientId = User.PatientId();
        var today = clock.Today();
        var deleted = await db.SessionLogs.Where(s => s.Id == id && s.PatientId == patientId && s.Date == today).ExecuteDeleteAsync();
        return deleted == 0 ? NotFound() : RedirectToPage("/My/Index");
    }

    public sealed record Row(string Name, int Sets, int Reps, int? Pain, string? StopCue, string? Note);
}
