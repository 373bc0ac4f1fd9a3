using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Domain;

namespace Breakaway.Web.Measures;

/// <summary>Settings of outcome measures (<c>Measures:*</c>).</summary>
public sealed class MeasureOptions
{
    public const string Section = "Measures";

    /// <summary>A measure still unanswered this many days after it became due is "overdue" on the dashboard.</summary>
    [Range(1, 60)]
    public int OverdueDays { get; set; } = 3;
}

/// <summary>The days a plan asks for answers, from its settings alone: a pure function, tested without a database.</summary>
public sealed record PlanTimes(DateOnly Start, bool AtStart, int? EveryWeeks, bool AtDischarge, DateOnly? Discharge)
{
    public static PlanTimes Of(MeasurePlan plan) => new(plan.StartDate, plan.AtStart, plan.EveryWeeks, plan.AtDischarge, plan.DischargeDate);

    /// <summary>Every occasion up to <paramref name="until"/>, in order: the start, each repeat (not past discharge), discharge.</summary>
    public IEnumerable<DateOnly> Occasions(DateOnly until)
    {
        var days = new SortedSet<DateOnly>();
        if (AtStart)
        {
            days.Add(Start);
        }

        if (EveryWeeks is > 0 and var weeks)
        {
            for (var day = Start.AddDays(7 * weeks); day <= until && (Discharge is null || day < Discharge); day = day.AddDays(7 * weeks))
            {
                days.Add(day);
            }
        }

        if (AtDischarge && Discharge is { } discharge)
        {
            days.Add(discharge);
        }

        return days.Where(d => d <= until);
    }

    /// <summary>
    /// The occasion the patient should answer today: the latest one on or before today, if it has no completed round.
    /// An older occasion that was missed is not asked for any more once a newer one is due.
    /// </summary>
    public DateOnly? Due(DateOnly today, IReadOnlySet<DateOnly> completed) =>
        Occasions(today).LastOrDefault() is var latest && latest != default && !completed.Contains(latest) ? latest : null;

    /// <summary>The next occasion after <paramref name="today"/>, looking a year ahead.</summary>
    public DateOnly? Next(DateOnly today) => Occasions(today.AddYears(1)).Where(d => d > today).Select(d => (DateOnly?)d).FirstOrDefault();

    /// <summary>In words for staff: "at the start, every 2 weeks, at discharge (3 March)".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (AtStart)
        {
            parts.Add("at the start");
        }

        if (EveryWeeks is { } weeks)
        {
            parts.Add(weeks == 1 ? "every week" : $"every {weeks} weeks");
        }

        if (AtDischarge)
        {
            parts.Add(Discharge is { } d ? $"at discharge ({d:d MMMM yyyy})" : "at discharge (no date yet)");
        }

        return string.Join(", ", parts) + $", from {Start:d MMMM yyyy}";
    }
}

/// <summary>One completed round of a measure.</summary>
public sealed record ScorePoint(DateOnly Day, DateTime CompletedUtc, double Score);

/// <summary>A measure's results for one patient: baseline, latest and the change judged against the MCID.</summary>
public sealed record MeasureTrend(MeasureDefinition Measure, IReadOnlyList<ScorePoint> Points)
{
    public ScorePoint? Baseline => Points.Count == 0 ? null : Points[0];

    public ScorePoint? Latest => Points.Count == 0 ? null : Points[^1];

    /// <summary>Null until there is something to compare: two rounds, or one of a measure that itself asks about change.</summary>
    public double? Change => Points.Count switch
    {
        0 => null,
        1 when Measure.ChangeFrom == ChangeFrom.Baseline => null,
        _ => Measure.Change(Baseline!.Score, Latest!.Score),
    };

    public ChangeJudgement? Judgement => Change is { } change ? Measure.Judge(change) : null;

    public bool WorseByMcid => Judgement == ChangeJudgement.Worse;

    public string ForPatient => Change is { } change ? Measure.DescribeForPatient(change)
        : Points.Count == 1 ? "This is your first answer. Next time you will see how it compares." : "No answers yet.";

    public string ForStaff => Change is not { } change ? (Points.Count == 1 ? "Baseline only" : "No answers")
        : Judgement switch
        {
            ChangeJudgement.Better => $"Better by {MeasureDefinition.Number(Math.Abs(change))} (MCID {MeasureDefinition.Number(Measure.Mcid)})",
            ChangeJudgement.Worse => $"Worse by {MeasureDefinition.Number(Math.Abs(change))} (MCID {MeasureDefinition.Number(Measure.Mcid)})",
            _ => $"Change {MeasureDefinition.WithSign(change)}, under the MCID of {MeasureDefinition.Number(Measure.Mcid)}",
        };
}
