using Breakaway.Web.Domain;

namespace Breakaway.Web.Sessions;

/// <summary>
/// A schedule in force for a run of days: one program version, from the day it took effect until the next one
/// took over. Whether a day is due is the domain's <see cref="ProgramSchedule"/>; this adds only the cut-over.
/// </summary>
public sealed record ScheduleSpan(DateOnly From, DateOnly? To, WeekDays Days, int? TimesPerWeek) : ProgramSchedule(From, To, Days, TimesPerWeek)
{

    /// <summary>
    /// The spans of a patient's published versions: each version rules from its start date (or the day it was
    /// published, if later: <see cref="ProgramVersion.EffectiveFrom"/>) until the day before the next version takes over, or its own end date.
    /// </summary>
    public static IReadOnlyList<ScheduleSpan> FromVersions(IEnumerable<(DateOnly EffectiveFrom, DateOnly? EndDate, WeekDays Days, int? TimesPerWeek)> versions)
    {
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
        var spans = new List<ScheduleSpan>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var v = ordered[i];
            DateOnly? to = i + 1 < ordered.Count ? ordered[i + 1].EffectiveFrom.AddDays(-1) : null;
            if (v.EndDate is { } end && (to is null || end < to))
            {
                to = end;
            }

            if (to is null || to >= v.EffectiveFrom)
            {
                spans.Add(new ScheduleSpan(v.EffectiveFrom, to, v.Days, v.TimesPerWeek));
            }
        }

        return spans;
    }
}

public enum DayState
{
    /// <summary>No program in force.</summary>
    NoProgram,
    Rest,
    /// <summary>Due today or later, not done yet.</summary>
    Due,
    Done,
    Missed,
    /// <summary>A session on a day that was not due.</summary>
    Extra,
}

public sealed record AdherenceDay(DateOnly Date, DayState State);

public sealed record AdherenceResult(int Prescribed, int Completed, int Extra, IReadOnlyList<AdherenceDay> Days)
{
    /// <summary>Completed as a share of prescribed, 0-100; null when nothing was prescribed.</summary>
    public int? Percent => Prescribed == 0 ? null : (int)Math.Round(100.0 * Completed / Prescribed, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Adherence: prescribed sessions against sessions done, over a window of clinic days.
/// Fixed-day schedules: a day is prescribed when it is a chosen day; it is done when any session was logged
/// on it; a session on another day is an extra and does not count towards adherence. Times-a-week schedules:
/// per Monday-Sunday week, the prescribed count is the weekly target, scaled down for days outside the window
/// or the program (half rounds up), and each day with a session counts once, up to that target; a week still
/// under way counts only what is done. Today counts as prescribed only once it is done, so the morning does
/// not read as a miss.
/// </summary>
public static class Adherence
{
    public static AdherenceResult Compute(IReadOnlyList<ScheduleSpan> spans, IReadOnlySet<DateOnly> sessionDays, DateOnly from, DateOnly to, DateOnly today)
    {
        var days = new List<AdherenceDay>();
        int prescribed = 0, completed = 0, extra = 0;

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var span = spans.LastOrDefault(s => s.IsActiveOn(day));
            var logged = sessionDays.Contains(day);
            if (span is null)
            {
                days.Add(new(day, logged ? DayState.Extra : DayState.NoProgram));
                extra += logged ? 1 : 0;
                continue;
            }

            if (span.IsTimesAWeek)
            {
                continue; // Times a week: settled per week below.
            }

            var due = span.IsDueOn(day);
            var state = (due, logged) switch
            {
                (true, true) => DayState.Done,
                (true, false) => day >= today ? DayState.Due : DayState.Missed,
                (false, true) => DayState.Extra,
                _ => DayState.Rest,
            };
            days.Add(new(day, state));
            prescribed += due && (day < today || logged) ? 1 : 0;
            completed += state == DayState.Done ? 1 : 0;
            extra += state == DayState.Extra ? 1 : 0;
        }

        // Weekly targets for times-a-week spans, week by week (Monday first).
        foreach (var span in spans.Where(s => s.IsTimesAWeek && s.TimesPerWeek > 0))
        {
            var start = Max(span.From, from);
            var end = Min(span.To ?? to, to);
            for (var weekStart = Infrastructure.ClinicClock.MondayOf(start); weekStart <= end; weekStart = weekStart.AddDays(7))
            {
                var activeDays = Enumerable.Range(0, 7).Select(weekStart.AddDays)
                    .Where(d => d >= start && d <= end && spans.LastOrDefault(s => s.IsActiveOn(d)) == span)
                    .ToList();
                if (activeDays.Count == 0)
                {
                    continue;
                }

                var target = span.WeeklyTarget(activeDays.Count);
                var done = activeDays.Count(sessionDays.Contains);
                var counted = Math.Min(done, target);
                // A week still under way counts only what is done so far: the patient may yet reach the target.
                prescribed += activeDays[^1] < today ? target : counted;
                completed += counted;
                extra += Math.Max(0, done - target);
                var doneSoFar = 0;
                foreach (var d in activeDays)
                {
                    var logged = sessionDays.Contains(d);
                    doneSoFar += logged ? 1 : 0;
                    days.Add(new(d, logged ? (doneSoFar <= target ? DayState.Done : DayState.Extra) : d >= today ? DayState.Due : DayState.Rest));
                }
            }
        }

        return new AdherenceResult(prescribed, completed, extra, [.. days.OrderBy(d => d.Date)]);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
