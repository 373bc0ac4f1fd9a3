using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Sessions;

namespace Breakaway.Web.Pages.My;

/// <summary>The patient's progress over the last four weeks: adherence calendar, this week, pain per exercise.</summary>
public sealed class ProgressModel(BreakawayDbContext db, PatientProgram patientProgram, ClinicClock clock) : PatientPageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public AdherenceResult Adherence { get; private set; } = new(0, 0, 0, []);
    public int WeekDone { get; private set; }
    public int WeekTarget { get; private set; }
    public IReadOnlyList<PainSeries> Pain { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var patientId = PatientId;

        To = clock.Today();
        var monday = ClinicClock.MondayOf(To);
        From = monday.AddDays(-21); // Four whole weeks, Monday first, ending with this one.
        var spans = await patientProgram.SpansAsync(patientId, cancellationToken);
        var sessions = await db.SessionLogs.Where(s => s.PatientId == patientId && s.Date >= From && s.Date <= To)
            .Select(s => s.Date).Distinct().ToListAsync(cancellationToken);
        Adherence = Breakaway.Web.Sessions.Adherence.Compute(spans, sessions.ToHashSet(), From, To.AddDays(6 - (To.DayNumber - monday.DayNumber)), To);

        var current = await patientProgram.CurrentVersionAsync(patientId, cancellationToken);
        WeekTarget = current?.SessionsPerWeek ?? 0;
        WeekDone = sessions.Count(d => d >= monday);

        var logs = await db.ExerciseLogs
            .Where(l => l.SessionLog.PatientId == patientId && l.SessionLog.Date >= From && l.Pain != null)
            .Select(l => new { l.ExerciseId, l.SessionLog.Date, Pain = l.Pain!.Value })
            .ToListAsync(cancellationToken);
        var names = await db.Exercises.Where(e => logs.Select(l => l.ExerciseId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        Pain = [.. logs.GroupBy(l => l.ExerciseId)
            .Select(g => new PainSeries(names[g.Key], [.. g.GroupBy(l => l.Date).OrderBy(d => d.Key).Select(d => new SvgCharts.Point(d.Key, d.Max(l => l.Pain)))]))
            .OrderBy(s => s.Exercise, StringComparer.Ordinal)];
        // The short log asks pain once for the whole session: that line comes first.
        var sessionPain = await db.SessionLogs.Where(s => s.PatientId == patientId && s.Date >= From && s.Pain != null)
            .Select(s => new { s.Date, Pain = s.Pain!.Value }).ToListAsync(cancellationToken);
        if (sessionPain.Count > 0)
        {
            Pain = [new PainSeries("The whole session", [.. sessionPain.GroupBy(s => s.Date).OrderBy(d => d.Key).Select(d => new SvgCharts.Point(d.Key, d.Max(s => s.Pain)))]), .. Pain];
        }

        return Page();
    }

    public static string Label(DayState state) => state switch
    {
        DayState.Done => "Done",
        DayState.Missed => "Missed",
        DayState.Extra => "Extra",
        DayState.Due => "To do",
        DayState.Rest => "Rest",
        _ => "",
    };

    public sealed record PainSeries(string Exercise, IReadOnlyList<SvgCharts.Point> Points);
}
