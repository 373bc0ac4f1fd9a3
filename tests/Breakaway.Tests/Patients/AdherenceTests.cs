using Breakaway.Web.Domain;
using Breakaway.Web.Sessions;

namespace Breakaway.Tests.Patients;

/// <summary>Adherence arithmetic against hand-counted calendars (November 2026: the 2nd is a Monday).</summary>
public sealed class AdherenceTests
{
    private static DateOnly Nov(int day) => new(2026, 11, day);

    private static HashSet<DateOnly> Days(params int[] days) => [.. days.Select(Nov)];

    [Fact]
    public void FixedDays_CountsDueDaysDone_AndExtrasSeparately()
    {
        // Mon-Sat from Mon 2nd; window 2nd-15th, today the 16th. Due: 12 days. Sessions: 2,3,4 (due), 8 (Sunday: extra), 10,11.
        var spans = new[] { new ScheduleSpan(Nov(2), null, WeekDays.MondayToSaturday, null) };

        var result = Adherence.Compute(spans, Days(2, 3, 4, 8, 10, 11), Nov(2), Nov(15), Nov(16));

        Assert.Equal(12, result.Prescribed);
        Assert.Equal(5, result.Completed);
        Assert.Equal(1, result.Extra);
        Assert.Equal(42, result.Percent);
        Assert.Equal(DayState.Missed, result.Days.Single(d => d.Date == Nov(5)).State);
        Assert.Equal(DayState.Extra, result.Days.Single(d => d.Date == Nov(8)).State);
        Assert.Equal(DayState.Rest, result.Days.Single(d => d.Date == Nov(15)).State);
    }

    [Fact]
    public void Today_CountsOnlyOnceDone()
    {
        var spans = new[] { new ScheduleSpan(Nov(2), null, WeekDays.Every, null) };

        var morning = Adherence.Compute(spans, Days(2, 3), Nov(2), Nov(4), Nov(4));
        var evening = Adherence.Compute(spans, Days(2, 3, 4), Nov(2), Nov(4), Nov(4));

        Assert.Equal((2, 2), (morning.Prescribed, morning.Completed));
        Assert.Equal(DayState.Due, morning.Days[^1].State);
        Assert.Equal((3, 3), (evening.Prescribed, evening.Completed));
    }

    [Fact]
    public void ProgramChangeMidWeek_UsesEachVersionForItsOwnDays()
    {
        // Mon/Wed/Fri until Wed 4th, then every day from Thu 5th. Window Mon 2nd - Sun 8th, today Mon 9th.
        var spans = ScheduleSpan.FromVersions(
        [
            (Nov(2), null, WeekDays.Monday | WeekDays.Wednesday | WeekDays.Friday, null),
            (Nov(5), null, WeekDays.Every, null),
        ]);

        var result = Adherence.Compute(spans, Days(2, 3, 5, 6, 7), Nov(2), Nov(8), Nov(9));

        // Due: Mon 2, Wed 4 (old), then Thu 5 - Sun 8 (new) = 6. Done: 2, 5, 6, 7 = 4. Tue 3 was not due: extra.
        Assert.Equal(6, result.Prescribed);
        Assert.Equal(4, result.Completed);
        Assert.Equal(1, result.Extra);
    }

    [Fact]
    public void TimesAWeek_PartialWeekIsScaled_AndExtraSessionsDoNotCount()
    {
        // 3 times a week from Thursday 5th. Week 1 has 4 days: 3 x 4/7 = 1.7, rounds to 2. Week 2 (9th-15th): 3.
        var spans = new[] { new ScheduleSpan(Nov(5), null, WeekDays.None, 3) };

        var result = Adherence.Compute(spans, Days(5, 6, 7, 9, 12), Nov(2), Nov(15), Nov(16));

        // Week 1: 3 sessions, target 2: 2 count, 1 extra. Week 2: 2 of 3.
        Assert.Equal(5, result.Prescribed);
        Assert.Equal(4, result.Completed);
        Assert.Equal(1, result.Extra);
        Assert.Equal(DayState.NoProgram, result.Days.Single(d => d.Date == Nov(2)).State);
    }

    [Fact]
    public void TimesAWeek_WeekUnderWay_CountsOnlyWhatIsDone()
    {
        var spans = new[] { new ScheduleSpan(Nov(2), null, WeekDays.None, 3) };

        var result = Adherence.Compute(spans, Days(16, 17), Nov(16), Nov(22), Nov(18));

        Assert.Equal((2, 2), (result.Prescribed, result.Completed));
    }

    [Fact]
    public void NothingPrescribed_HasNoPercentage()
    {
        var result = Adherence.Compute([], Days(), Nov(2), Nov(8), Nov(9));

        Assert.Null(result.Percent);
        Assert.All(result.Days, d => Assert.Equal(DayState.NoProgram, d.State));
    }

    [Fact]
    public void Spans_EndAtTheNextVersionOrTheirEndDate()
    {
        var spans = ScheduleSpan.FromVersions(
        [
            (Nov(2), Nov(20), WeekDays.Every, null),
            (Nov(9), Nov(12), WeekDays.Monday, null),
        ]);

        Assert.Equal([new ScheduleSpan(Nov(2), Nov(8), WeekDays.Every, null), new ScheduleSpan(Nov(9), Nov(12), WeekDays.Monday, null)], spans);
    }
}
