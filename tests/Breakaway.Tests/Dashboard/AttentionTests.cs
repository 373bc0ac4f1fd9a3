using Breakaway.Web.Domain;
using Breakaway.Web.Dashboard;
using Breakaway.Web.Sessions;

namespace Breakaway.Tests.Dashboard;

/// <summary>Attention ranking against fixtures. "Today" is Wednesday 25 November 2026; programs run Monday to Saturday from 2 November.</summary>
public sealed class AttentionTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly ScheduleSpan[] MonToSat = [new(new DateOnly(2026, 11, 2), null, WeekDays.MondayToSaturday, null)];

    /// <summary>Sessions on every due day of the last <paramref name="days"/> days, with the pain the function gives for days ago.</summary>
    private static List<SessionSummary> Daily(int days, Func<int, double> painDaysAgo, int skipLast = 0, Func<int, bool>? stopCue = null)
    {
        var sessions = new List<SessionSummary>();
        for (var ago = days; ago >= 1 + skipLast; ago--)
        {
            var date = Today.AddDays(-ago);
            if (date.DayOfWeek != DayOfWeek.Sunday)
            {
                sessions.Add(new SessionSummary(date, date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), painDaysAgo(ago), stopCue?.Invoke(ago) ?? false));
            }
        }

        return sessions;
    }

    private static PatientActivity Patient(int id, string name, List<SessionSummary> sessions, DateTime? flag = null, ScheduleSpan[]? spans = null) =>
        new(id, name, "Program", spans ?? MonToSat, sessions, flag);

    [Fact]
    public void PainAverages_DoNotDependOnTheOrderTheSessionsAreRead()
    {
        // Six sessions of the last seven days whose mean is 4.725: summed as doubles in this order it is
        // 4.7250000000000005, in the reverse order 4.725, and rounded to two places 4.73 against 4.72. The dashboard
        // line (one patient's sessions) and a from-scratch ranking (everyone's) read them in different orders.
        double[] pains = [7.0, 2.8, 4.4, 2.8, 8.6, 2.75];
        var sessions = pains.Select((pain, i) => new SessionSummary(Today.AddDays(-1 - i), Today.AddDays(-1 - i).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), pain, false)).ToList();
        var options = new DashboardOptions();

        var forward = AttentionRules.Assess(Patient(1, "Forward", sessions), Today, options);
        var backward = AttentionRules.Assess(Patient(1, "Forward", [.. Enumerable.Reverse(sessions)]), Today, options);

        Assert.Equal(forward.PainLast7, backward.PainLast7);
        Assert.Equal(4.72, forward.PainLast7); // 4.725 exactly, to even.
        Assert.Equal(forward.PainTrend, backward.PainTrend);
    }

    [Fact]
    public void Rank_PutsEachGroupInOrder_AndTheMostRecentEventFirstWithinAGroup()
    {
        var patients = new[]
        {
            Patient(1, "On track", Daily(20, _ => 2)),
            // Mondays only, last seen Monday 16th: 1 of 2 due days in 14 days (50%, not low), but 9 days quiet.
            Patient(2, "Quiet", Daily(20, _ => 2, skipLast: 8), spans: [new(new DateOnly(2026, 11, 2), null, WeekDays.Monday, null)]),
            Patient(3, "Low adherence", [.. Daily(20, _ => 2).Where((_, i) => i % 3 == 0)]),
            Patient(4, "Stop cue", Daily(20, _ => 2, stopCue: ago => ago == 2)),
            Patient(5, "Rising", Daily(20, ago => ago <= 6 ? 5 : 2.5)),
            Patient(6, "Older flag", Daily(20, _ => 2), flag: new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc)),
            Patient(7, "Newer flag", Daily(20, _ => 2), flag: new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc)),
        };

        var ranked = AttentionRules.Rank(patients, Today, new DashboardOptions());

        Assert.Equal(["Newer flag", "Older flag", "Rising", "Stop cue", "Low adherence", "Quiet", "On track"], ranked.Select(r => r.Name));
        Assert.Equal(
            [AttentionGroup.RedFlag, AttentionGroup.RedFlag, AttentionGroup.RisingPain, AttentionGroup.StopCue, AttentionGroup.LowAdherence, AttentionGroup.Quiet, AttentionGroup.OnTrack],
            ranked.Select(r => r.Group));
    }

    [Theory]
    [InlineData(4.4, 2.5, false)] // 1.9 points: not rising
    [InlineData(4.5, 2.5, true)] // 2 points: rising
    public void RisingPain_NeedsTwoPointsByDefault(double last7, double previous7, bool rising)
    {
        var row = AttentionRules.Assess(Patient(1, "P", Daily(14, ago => ago <= 6 ? last7 : previous7)), Today, new DashboardOptions());

        Assert.Equal(rising, row.RisingPain);
        Assert.Equal(last7, row.PainLast7);
        Assert.Equal(previous7, row.PainPrevious7);
    }

    [Fact]
    public void Thresholds_AreConfigurable()
    {
        var patient = Patient(1, "P", Daily(14, ago => ago <= 6 ? 3.5 : 2.5));

        Assert.False(AttentionRules.Assess(patient, Today, new DashboardOptions()).RisingPain);
        Assert.True(AttentionRules.Assess(patient, Today, new DashboardOptions { RisingPainPoints = 1 }).RisingPain);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void NoLogForSevenDays_IsQuiet(int daysSinceLast, bool quiet)
    {
        var row = AttentionRules.Assess(Patient(1, "P", Daily(20, _ => 2, skipLast: daysSinceLast - 1)), Today, new DashboardOptions());

        Assert.Equal(quiet, row.Quiet);
        Assert.Equal(Today.AddDays(-daysSinceLast), row.LastSession);
    }

    [Fact]
    public void Adherence_IsComputedOverSevenAndTwentyEightDays()
    {
        // Due days in the last 7 days before today (18-24 Nov, Sunday 22 off): 6; all done. Today is not yet done.
        var row = AttentionRules.Assess(Patient(1, "P", Daily(7, _ => 2)), Today, new DashboardOptions());

        Assert.Equal(100, row.Adherence7);
        // 28 days: 29 Oct - 25 Nov, program from 2 Nov: due 2-24 Nov less Sundays = 20; done 6 -> 30%.
        Assert.Equal(30, row.Adherence28);
        // 14 days (12-25 Nov): 11 due days before today, 6 done = 55%: not low.
        Assert.False(row.LowAdherence);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(8, true)]
    public void ProgramWithNoLogsYet_IsQuietOnlyAfterAWeek(int daysSinceStart, bool quiet)
    {
        var row = AttentionRules.Assess(Patient(1, "P", [], spans: [new(Today.AddDays(-daysSinceStart + 1), null, WeekDays.Every, null)]), Today, new DashboardOptions());

        Assert.Equal(quiet, row.Quiet);
    }

    [Fact]
    public void PatientWithoutAProgram_IsNotQuietOrLow()
    {
        var row = AttentionRules.Assess(Patient(1, "P", [], spans: []), Today, new DashboardOptions());

        Assert.Equal(AttentionGroup.OnTrack, row.Group);
        Assert.Null(row.Adherence7);
    }
}
