using System.Globalization;
using System.Text;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.Dashboard;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>A patient's sessions as CSV (UTF-8, header row, one line per exercise log). Audit-logged.</summary>
public sealed class SessionsModel(BreakawayDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.Patients.Where(p => p.Id == id).Select(p => p.User.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        var rows = await db.ExerciseLogs
            .Where(l => l.SessionLog.PatientId == id)
            .OrderBy(l => l.SessionLog.Date).ThenBy(l => l.SessionLogId).ThenBy(l => l.Id)
            .Select(l => new
            {
                l.SessionLog.Date,
                l.SessionLog.LoggedUtc,
                Version = l.SessionLog.ProgramVersion.Number,
                Exercise = db.Exercises.Where(e => e.Id == l.ExerciseId).Select(e => e.Name).First(),
                l.Prescribed,
                l.SetsCompleted,
                l.RepsPerSet,
                l.Pain,
                l.Difficulty,
                l.StopCueText,
                l.Note,
            })
            .ToListAsync(cancellationToken);

        var csv = new StringBuilder();
        csv.Append(CsvExport.Row(["date", "logged_utc", "program_version", "exercise", "prescribed_sets", "prescribed_reps", "prescribed_hold_seconds", "per_side", "sets_done", "reps_per_set", "pain", "difficulty", "stop_cue", "note"]));
        foreach (var r in rows)
        {
            csv.Append(CsvExport.Row(
            [
                r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.LoggedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                CsvExport.Number(r.Version), r.Exercise, CsvExport.Number(r.Prescribed.Sets), CsvExport.Number(r.Prescribed.Reps), CsvExport.Number(r.Prescribed.HoldSeconds),
                r.Prescribed.PerSide ? "yes" : "no", CsvExport.Number(r.SetsCompleted), CsvExport.Number(r.RepsPerSet), CsvExport.Number(r.Pain),
                r.Difficulty?.ToString(), r.StopCueText, r.Note,
            ]));
        }

        await audit.ViewedAsync(AuditActions.SessionsExported, id, detail: $"{rows.Count} rows");
        return File(CsvExport.Utf8(csv), "text/csv; charset=utf-8", $"patient-{id}-sessions.csv");
    }
}
