using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Measures;

/// <summary>A measure waiting for the patient today, and the round already begun, if any.</summary>
public sealed record DueMeasure(MeasurePlan Plan, MeasureDefinition Measure, DateOnly Day, MeasureResponse? Started);

/// <summary>What the dashboard needs per patient: a measure worse by at least its MCID, a measure overdue.</summary>
public sealed record MeasureSignal(bool WorseByMcid, DateTime? WorseSinceUtc, bool Overdue, DateOnly? OverdueSince);

/// <summary>Reads plans and answers; shared by /my, the patient page, the dashboard and the exports.</summary>
public sealed class MeasureService(BreakawayDbContext db, MeasureCatalog catalog, ClinicClock clock)
{
    /// <summary>Measures the patient should answer today, in plan order; plans of measures no longer defined are left out.</summary>
    public async Task<IReadOnlyList<DueMeasure>> DueAsync(int patientId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var plans = await db.MeasurePlans.Where(p => p.PatientId == patientId && p.StoppedUtc == null && p.StartDate <= today)
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return [];
        }

        var planIds = plans.Select(p => p.Id).ToList();
        var responses = await db.MeasureResponses.Where(r => planIds.Contains(r.PlanId)).ToListAsync(cancellationToken);
        var due = new List<DueMeasure>();
        foreach (var plan in plans)
        {
            if (catalog.Find(plan.MeasureSlug) is not { } measure)
            {
                continue;
            }

            var mine = responses.Where(r => r.PlanId == plan.Id).ToList();
            var completed = mine.Where(r => r.CompletedUtc != null).Select(r => r.DueDate).ToHashSet();
            if (PlanTimes.Of(plan).Due(today, completed) is { } day)
            {
                due.Add(new DueMeasure(plan, measure, day, mine.FirstOrDefault(r => r.DueDate == day)));
            }
        }

        return due;
    }

    /// <summary>Every measure the patient has answered at least once (or has a plan for), with its completed rounds in order.</summary>
    public async Task<IReadOnlyList<MeasureTrend>> TrendsAsync(int patientId, CancellationToken cancellationToken = default)
    {
        var rows = await db.MeasureResponses.Where(r => r.PatientId == patientId && r.CompletedUtc != null && r.Score != null)
            .OrderBy(r => r.CompletedUtc)
            .Select(r => new { r.MeasureSlug, r.DueDate, CompletedUtc = r.CompletedUtc!.Value, Score = r.Score!.Value })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.MeasureSlug)
            .Select(g => (Measure: catalog.Find(g.Key), Points: g.Select(r => new ScorePoint(r.DueDate, r.CompletedUtc, r.Score)).ToList()))
            .Where(t => t.Measure is not null)
            .OrderBy(t => t.Measure!.Name, StringComparer.Ordinal)
            .Select(t => new MeasureTrend(t.Measure!, t.Points))];
    }

    /// <summary>The activities the patient named in their first round of an activities measure, if any.</summary>
    public Task<List<string>?> FirstActivitiesAsync(int patientId, string slug, CancellationToken cancellationToken = default) =>
        db.MeasureResponses.Where(r => r.PatientId == patientId && r.MeasureSlug == slug && r.CompletedUtc != null)
            .OrderBy(r => r.CompletedUtc).Select(r => r.Activities).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stages copies of a template's plans for a patient, starting on <paramref name="today"/>; a measure the patient already
    /// has a running plan for is skipped. The caller's SaveChanges commits them with the new program.
    /// </summary>
    public static async Task StageTemplatePlansAsync(BreakawayDbContext db, int templateId, int patientId, DateOnly today, DateTime nowUtc, string? userId)
    {
        // One query: the template's plans whose measure the patient is not already answering.
        var plans = await db.MeasurePlans.Where(p => p.TemplateId == templateId && p.StoppedUtc == null
                && !db.MeasurePlans.Any(q => q.PatientId == patientId && q.StoppedUtc == null && q.MeasureSlug == p.MeasureSlug))
            .ToListAsync();
        foreach (var plan in plans)
        {
            db.MeasurePlans.Add(new MeasurePlan
            {
                PatientId = patientId,
                MeasureSlug = plan.MeasureSlug,
                AtStart = plan.AtStart,
                EveryWeeks = plan.EveryWeeks,
                AtDischarge = plan.AtDischarge,
                StartDate = today,
                CreatedUtc = nowUtc,
                CreatedByUserId = userId,
            });
        }
    }
}
