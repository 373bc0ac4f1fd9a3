using Breakaway.Tests.Support;
using Breakaway.Web.Measures;

namespace Breakaway.Tests.Measures;

/// <summary>Each shipped measure, scored against worked examples written out here, and the MCID judgement both ways.</summary>
public sealed class MeasureScoringTests
{
    private static readonly MeasureSet Shipped = MeasureSet.Load(RepoPaths.Content);

    private static MeasureDefinition Measure(string slug) => Shipped.Find(slug) ?? throw new InvalidOperationException($"content/measures/{slug}.yaml did not load");

    [Fact]
    public void Psfs_ThreeActivities_ScoresTheMean_AndJudgesTheChangeAgainstTwoPoints()
    {
        var psfs = Measure("psfs");
        string[] activities = ["Climbing the stairs at home", "Lifting my toddler", "Walking for 20 minutes"];

        // Baseline: 3, 5 and 4 out of 10 -> (3 + 5 + 4) / 3 = 4.0.
        var baseline = psfs.Score([3, 5, 4]);
        // Two weeks later: 6, 7 and 8 -> 21 / 3 = 7.0, three points better.
        var better = psfs.Score([6, 7, 8]);
        // Or 4, 4 and 3 -> 11 / 3 = 3.67, shown as 3.7: 0.3 worse, under the MCID.
        var same = psfs.Score([4, 4, 3]);
        // Or 2, 2 and 2 -> 2.0: two points worse, exactly the MCID.
        var worse = psfs.Score([2, 2, 2]);

        Assert.Equal(MeasureKind.Activities, psfs.Kind);
        Assert.Equal(3, psfs.QuestionsFor(activities).Count);
        Assert.Contains("Lifting my toddler", psfs.QuestionsFor(activities)[1], StringComparison.Ordinal);
        Assert.Equal(4.0, baseline);
        Assert.Equal(7.0, better);
        Assert.Equal(3.7, same);
        Assert.Equal(2.0, worse);
        Assert.Equal(3.0, psfs.Change(baseline, better));
        Assert.Equal(ChangeJudgement.Better, psfs.Judge(psfs.Change(baseline, better)));
        Assert.Equal(ChangeJudgement.NoMeaningfulChange, psfs.Judge(psfs.Change(baseline, same)));
        Assert.Equal(ChangeJudgement.Worse, psfs.Judge(psfs.Change(baseline, worse)));
        Assert.Equal("Better than when you started by 3 points.", psfs.DescribeForPatient(3.0));
    }

    [Fact]
    public void Nprs_LowerIsBetter_ADropOfTwoIsBetter_ARiseOfTwoIsWorse()
    {
        var nprs = Measure("nprs");

        var baseline = nprs.Score([7]);
        var later = nprs.Score([4]);

        Assert.Equal(7.0, baseline);
        Assert.Equal(-3.0, nprs.Change(baseline, later));
        Assert.Equal(ChangeJudgement.Better, nprs.Judge(-3));
        Assert.Equal(ChangeJudgement.Better, nprs.Judge(-2));
        Assert.Equal(ChangeJudgement.NoMeaningfulChange, nprs.Judge(-1));
        Assert.Equal(ChangeJudgement.NoMeaningfulChange, nprs.Judge(1.5));
        Assert.Equal(ChangeJudgement.Worse, nprs.Judge(2));
        Assert.Equal("Better than when you started by 3 points.", nprs.DescribeForPatient(-3));
        Assert.StartsWith("Worse than when you started by 2 points.", nprs.DescribeForPatient(2), StringComparison.Ordinal);
        Assert.Equal("No pain at all", nprs.Label(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => nprs.Score([11]));
    }

    [Fact]
    public void Groc_IsItselfAChange_JudgedFromZero_InBothDirections()
    {
        var groc = Measure("groc");

        var moderatelyBetter = groc.Score([4]);
        var aLittleWorse = groc.Score([-2]);
        var hardlyBetter = groc.Score([1]);

        Assert.Equal(15, groc.Values.Count());
        Assert.Equal(4.0, moderatelyBetter);
        // The change is the rating itself, whatever the first answer was.
        Assert.Equal(4.0, groc.Change(baseline: -1, latest: moderatelyBetter));
        Assert.Equal(ChangeJudgement.Better, groc.Judge(groc.Change(0, moderatelyBetter)));
        Assert.Equal(ChangeJudgement.Worse, groc.Judge(groc.Change(0, aLittleWorse)));
        Assert.Equal(ChangeJudgement.NoMeaningfulChange, groc.Judge(groc.Change(0, hardlyBetter)));
        Assert.Equal(ChangeJudgement.Better, new MeasureTrend(groc, [new(new(2026, 12, 1), DateTime.UtcNow, 4)]).Judgement);
    }

    [Fact]
    public void Trend_NeedsTwoRounds_AndFlagsWorseByTheMcid()
    {
        var psfs = Measure("psfs");
        var day = new DateOnly(2026, 11, 25);
        var at = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

        var one = new MeasureTrend(psfs, [new(day, at, 6)]);
        var worse = new MeasureTrend(psfs, [new(day, at, 6), new(day.AddDays(14), at.AddDays(14), 3.5)]);

        Assert.Null(one.Change);
        Assert.False(one.WorseByMcid);
        Assert.Equal(-2.5, worse.Change);
        Assert.True(worse.WorseByMcid);
        Assert.Equal("Worse by 2.5 (MCID 2)", worse.ForStaff);
    }

    [Fact]
    public void Plan_EveryTwoWeeks_AsksAtTheStartAndEveryFourteenDays_AndAMissedRoundGivesWayToTheNext()
    {
        var start = new DateOnly(2026, 11, 25);
        var plan = new PlanTimes(start, AtStart: true, EveryWeeks: 2, AtDischarge: false, Discharge: null);

        Assert.Equal([start, start.AddDays(14), start.AddDays(28)], plan.Occasions(start.AddDays(30)));
        Assert.Equal(start, plan.Due(start, new HashSet<DateOnly>()));
        Assert.Null(plan.Due(start.AddDays(5), new HashSet<DateOnly> { start }));
        Assert.Equal(start.AddDays(14), plan.Due(start.AddDays(15), new HashSet<DateOnly> { start }));
        Assert.Equal(start.AddDays(28), plan.Due(start.AddDays(29), new HashSet<DateOnly>()));
        Assert.Equal(start.AddDays(14), plan.Next(start));
    }

    [Fact]
    public void Signals_WorseAndOverdue_FromPlansAndRounds()
    {
        var start = new DateOnly(2026, 11, 1);
        var at = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        var plan = new PlanTimes(start, true, 2, false, null);
        PlanWithRounds[] worse = [new(1, "psfs", plan, [new(start, at, 6), new(start.AddDays(14), at.AddDays(14), 3)])];
        PlanWithRounds[] overdue = [new(1, "nprs", plan, [new(start, at, 5)])];

        var worseSignal = MeasureSignals.For(worse, start.AddDays(15), Shipped.Find, overdueDays: 3);
        var notYetOverdue = MeasureSignals.For(overdue, start.AddDays(16), Shipped.Find, overdueDays: 3);
        var overdueSignal = MeasureSignals.For(overdue, start.AddDays(17), Shipped.Find, overdueDays: 3);

        Assert.True(worseSignal!.WorseByMcid);
        Assert.False(worseSignal.Overdue);
        Assert.Null(notYetOverdue);
        Assert.True(overdueSignal!.Overdue);
        Assert.Equal(start.AddDays(14), overdueSignal.OverdueSince);
    }
}
