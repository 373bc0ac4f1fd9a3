using Breakaway.Web.Domain;

namespace Breakaway.Tests.Programs;

public sealed class ProgramScheduleTests
{
    private static DateOnly Nov(int day) => new(2026, 11, day);

    private static readonly WeekDays MonWedFri = WeekDays.Monday | WeekDays.Wednesday | WeekDays.Friday;

    [Fact]
    public void EffectiveFrom_IsTheLaterOfStartAndPublishDay()
    {
        Assert.Equal(Nov(10), ProgramVersion.EffectiveFrom(Nov(3), Nov(10)));
        Assert.Equal(Nov(17), ProgramVersion.EffectiveFrom(Nov(17), Nov(10)));
        Assert.Equal(Nov(10), ProgramVersion.EffectiveFrom(Nov(10), Nov(10)));
    }

    [Fact]
    public void Schedule_OfAVersionPublishedAfterItsStart_BeginsOnThePublishDay()
    {
        var version = new ProgramVersion { StartDate = Nov(2), EndDate = Nov(20), Days = MonWedFri };

        var schedule = version.Schedule(Nov(4));

        Assert.Equal(new ProgramSchedule(Nov(4), Nov(20), MonWedFri, null), schedule);
        Assert.False(schedule.IsDueOn(Nov(2)));
        Assert.True(schedule.IsDueOn(Nov(4)));
    }

    [Fact]
    public void IsDueOn_FixedDays_OnlyThoseWeekdaysInsideTheRange()
    {
        var schedule = new ProgramSchedule(Nov(2), Nov(13), MonWedFri, null);

        // Monday 2nd to Sunday 15th.
        var due = Enumerable.Range(2, 14).Select(Nov).Where(schedule.IsDueOn).ToList();

        Assert.Equal([Nov(2), Nov(4), Nov(6), Nov(9), Nov(11), Nov(13)], due);
    }

    [Fact]
    public void IsDueOn_TimesAWeek_EveryActiveDay()
    {
        var schedule = new ProgramSchedule(Nov(4), Nov(10), WeekDays.None, 3);

        var due = Enumerable.Range(2, 14).Select(Nov).Where(schedule.IsDueOn).ToList();

        Assert.Equal(Enumerable.Range(4, 7).Select(Nov), due);
    }

    [Fact]
    public void IsDueOn_NoScheduleSet_NeverDue()
    {
        Assert.False(new ProgramSchedule(Nov(2), null, WeekDays.None, null).IsDueOn(Nov(3)));
    }

    [Fact]
    public void NextDueDay_SkipsRestDays_AndLooksTwoWeeksAhead()
    {
        var schedule = new ProgramSchedule(Nov(2), null, MonWedFri, null);

        Assert.Equal(Nov(9), schedule.NextDueDay(Nov(7)));
        Assert.Equal(Nov(2), new ProgramSchedule(Nov(2), null, WeekDays.None, 3).NextDueDay(Nov(1)));
        Assert.Null(new ProgramSchedule(Nov(30), null, MonWedFri, null).NextDueDay(Nov(1)));
        Assert.Null(new ProgramSchedule(Nov(2), Nov(6), MonWedFri, null).NextDueDay(Nov(7)));
    }

    [Theory]
    [InlineData(3, 7, 3)]
    [InlineData(3, 4, 2)]
    [InlineData(3, 1, 0)]
    [InlineData(7, 3, 3)]
    [InlineData(1, 4, 1)]
    public void WeeklyTarget_ScalesAPartWeek_HalfRoundsUp(int timesPerWeek, int activeDays, int expected)
    {
        Assert.Equal(expected, new ProgramSchedule(Nov(2), null, WeekDays.None, timesPerWeek).WeeklyTarget(activeDays));
    }
}
