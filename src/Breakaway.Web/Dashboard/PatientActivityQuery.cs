using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Dashboard;

/// <summary>Loads what the dashboard ranks, for every patient at once, in five queries whatever the number of patients.</summary>
public sealed class PatientActivityQuery(BreakawayDbContext db, ClinicClock clock, Measures.MeasureCatalog measures, Microsoft.Extensions.Options.IOptions<Measures.MeasureOptions> measureOptions)
{
    public Task<IReadOnlyList<PatientActivity>> LoadAsync(int? onlyPatientId = null, CancellationToken cancellationToken = default) =>
        LoadAsync(onlyPatientId is { } id ? [id] : null, cancellationToken);

    /// <summary>These patients (null: everyone).</summary>
    public async Task<IReadOnlyList<PatientActivity>> LoadAsync(IReadOnlyCollection<int>? only, CancellationToken cancellationToken = default)
    {
        var since = clock.Today().AddDays(-28);
        // Filters composed only when there are ids, so the single-patient refresh after a save uses the indexes.
        var ids = only?.ToList();
        var patients = await (ids is null ? db.Patients : db.Patients.Where(p => ids.Contains(p.Id)))
            .Select(p => new
            {
                p.Id,
                p.User.DisplayName,
                // Outcome measures ride along in the same command (AsSingleQuery), so the page's command count stays put.
                Plans = db.MeasurePlans.Where(m => m.PatientId == p.Id && m.StoppedUtc == null).Select(m => new
                {
                    m.Id, m.MeasureSlug, m.StartDate, m.AtStart, m.EveryWeeks, m.AtDischarge, m.DischargeDate,
                    Rounds = db.MeasureResponses.Where(r => r.PlanId == m.Id && r.CompletedUtc != null && r.Score != null)
                        .Select(r => new { r.DueDate, CompletedUtc = r.CompletedUtc!.Value, Score = r.Score!.Value }).ToList(),
                }).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        var published = db.ProgramVersions.Where(v => v.PublishedUtc != null && v.Program.PatientId != null && v.Program.ArchivedUtc == null);
        var versions = await (ids is null ? published : published.Where(v => ids.Contains(v.Program.PatientId!.Value)))
            .Select(v => new { PatientId = v.Program.PatientId!.Value, v.Program.Title, v.StartDate, v.EndDate, v.Days, v.TimesPerWeek, v.PublishedUtc })
            .ToListAsync(cancellationToken);

        var recent = db.SessionLogs.Where(s => s.Date >= since);
        var sessions = await (ids is null ? recent : recent.Where(s => ids.Contains(s.PatientId)))
            .Select(s => new
            {
                s.PatientId,
                s.Date,
                s.LoggedUtc,
                // The one pain answer of the short log when there is one; else the exercises' own answers.
                Pain = s.Pain != null ? (double?)s.Pain : s.Exercises.Where(e => e.Pain != null).Average(e => (double?)e.Pain),
                StopCue = s.Exercises.Any(e => e.StopCueId != null || e.StopCueText != null),
                StopCueText = s.Exercises.Where(e => e.StopCueText != null).Select(e => e.StopCueText).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var unacknowledged = db.RedFlags.Where(f => f.AcknowledgedUtc == null);
        var open = await (ids is null ? unacknowledged : unacknowledged.Where(f => ids.Contains(f.PatientId)))
            .Select(f => new { f.PatientId, f.Id, f.RaisedUtc, f.Reasons })
            .ToListAsync(cancellationToken);
        // Open flags are few; the newest one's words become the dashboard's reason.
        var flags = open.GroupBy(f => f.PatientId).ToDictionary(g => g.Key, g => g.MaxBy(f => (f.RaisedUtc, f.Id))!);

        var versionsByPatient = versions.ToLookup(v => v.PatientId);
        var sessionsByPatient = sessions.ToLookup(s => s.PatientId);
        return [.. patients.Select(p =>
        {
            var mine = versionsByPatient[p.Id].ToList();
            var spans = ScheduleSpan.FromVersions(mine.Select(v =>
                (ProgramVersion.EffectiveFrom(v.StartDate, clock.ToClinicDay(v.PublishedUtc!.Value)), v.EndDate, v.Days, v.TimesPerWeek)));
            var title = mine.OrderByDescending(v => v.PublishedUtc).Select(v => v.Title).FirstOrDefault();
            return new PatientActivity(p.Id, p.DisplayName, title, spans,
                [.. sessionsByPatient[p.Id].Select(s => new SessionSummary(s.Date, s.LoggedUtc, s.Pain, s.StopCue, s.StopCueText))],
                flags.TryGetValue(p.Id, out var flag) ? flag.RaisedUtc : null,
                Measures.MeasureSignals.For(
                    [.. p.Plans.Select(m => new Measures.PlanWithRounds(m.Id, m.MeasureSlug, new Measures.PlanTimes(m.StartDate, m.AtStart, m.EveryWeeks, m.AtDischarge, m.DischargeDate),
                        [.. m.Rounds.Select(r => new Measures.ScorePoint(r.DueDate, r.CompletedUtc, r.Score))]))],
                    clock.Today(), measures.Find, measureOptions.Value.OverdueDays),
                flag?.Reasons);
        })];
    }
}
