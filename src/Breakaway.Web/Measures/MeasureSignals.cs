namespace Breakaway.Web.Measures;

/// <summary>A patient's running plan with its completed rounds, as the dashboard's query reads it.</summary>
public sealed record PlanWithRounds(int PlanId, string MeasureSlug, PlanTimes Times, IReadOnlyList<ScorePoint> Rounds);

/// <summary>The dashboard's two measure rules, as a pure function of plans, answers and today.</summary>
public static class MeasureSignals
{
    /// <summary>
    /// Worse: some measure's latest round is worse than its baseline by at least the MCID (rounds of every plan of the
    /// same measure count together). Overdue: some plan's due occasion is at least <paramref name="overdueDays"/> old
    /// and unanswered. Null when neither holds; measures no longer defined are ignored.
    /// </summary>
    public static MeasureSignal? For(IReadOnlyList<PlanWithRounds> plans, DateOnly today, Func<string, MeasureDefinition?> find, int overdueDays)
    {
        DateTime? worseSince = null;
        foreach (var bySlug in plans.GroupBy(p => p.MeasureSlug))
        {
            if (find(bySlug.Key) is not { } measure)
            {
                continue;
            }

            var trend = new MeasureTrend(measure, [.. bySlug.SelectMany(p => p.Rounds).OrderBy(r => r.CompletedUtc)]);
            if (trend.WorseByMcid && (worseSince is null || trend.Latest!.CompletedUtc > worseSince))
            {
                worseSince = trend.Latest!.CompletedUtc;
            }
        }

        DateOnly? overdueSince = null;
        foreach (var plan in plans.Where(p => find(p.MeasureSlug) is not null))
        {
            var completed = plan.Rounds.Select(r => r.Day).ToHashSet();
            if (plan.Times.Due(today, completed) is { } day && day <= today.AddDays(-overdueDays) && (overdueSince is null || day < overdueSince))
            {
                overdueSince = day;
            }
        }

        return worseSince is null && overdueSince is null ? null : new MeasureSignal(worseSince is not null, worseSince, overdueSince is not null, overdueSince);
    }
}
