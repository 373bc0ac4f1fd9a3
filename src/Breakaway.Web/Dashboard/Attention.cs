using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Domain;
using Breakaway.Web.Sessions;

namespace Breakaway.Web.Dashboard;

/// <summary>Thresholds of the therapist dashboard.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Pain is rising when the last 7 days average this many points above the 7 before.</summary>
    [Range(0.5, 10)]
    public double RisingPainPoints { get; set; } = 2;

    /// <summary>Adherence over 14 days below this share of prescribed sessions needs attention.</summary>
    [Range(1, 100)]
    public int LowAdherencePercent { get; set; } = 50;

    /// <summary>No log for this many days needs attention.</summary>
    [Range(1, 60)]
    public int QuietDays { get; set; } = 7;

    /// <summary>Stop cues hit within this many days count.</summary>
    [Range(1, 60)]
    public int StopCueDays { get; set; } = 7;
}

/// <summary>Why a patient needs a call, in the order the dashboard ranks them.</summary>
public enum AttentionGroup
{
    RedFlag,
    MeasureWorse,
    MeasureOverdue,
    RisingPain,
    StopCue,
    LowAdherence,
    Quiet,
    OnTrack,
}

/// <summary>Everything the dashboard knows about one patient, gathered with a handful of queries for all patients.</summary>
public sealed record PatientActivity(
    int PatientId,
    string Name,
    string? ProgramTitle,
    IReadOnlyList<ScheduleSpan> Spans,
    IReadOnlyList<SessionSummary> Sessions,
    DateTime? OpenFlagRaisedUtc,
    Breakaway.Web.Measures.MeasureSignal? Measures = null,
    string? OpenFlagReasons = null);

/// <summary>One logged session: its day, when it was logged, its average pain and whether a stop cue was hit.</summary>
public sealed record SessionSummary(DateOnly Date, DateTime LoggedUtc, double? AveragePain, bool StopCueHit, string? StopCueText = null);

public sealed record AttentionRow(
    int PatientId,
    string Name,
    string? ProgramTitle,
    AttentionGroup Group,
    DateTime? LatestEventUtc,
    int? Adherence7,
    int? Adherence28,
    DateOnly? LastSession,
    double? PainLast7,
    double? PainPrevious7,
    IReadOnlyList<(DateOnly Date, double Pain)> PainTrend,
    bool OpenFlag,
    bool RisingPain,
    bool StopCue,
    bool LowAdherence,
    bool Quiet,
    bool MeasureWorse = false,
    bool MeasureOverdue = false,
    int? Adherence14 = null,
    string Reason = "");

/// <summary>
/// Ranks patients by who needs a call today: open red flags, then rising pain, then stop cues hit, then low
/// adherence over 14 days, then no log for a week; within a group the most recent event comes first.
/// A pure function of its inputs and "today", so the rules are tested with fixtures.
/// </summary>
public static class AttentionRules
{
    /// <summary>The days "low adherence" is judged on, and the one adherence figure the dashboard shows.</summary>
    public const int AdherenceWindowDays = 14;

    public static IReadOnlyList<AttentionRow> Rank(IEnumerable<PatientActivity> patients, DateOnly today, DashboardOptions options) =>
        [.. patients.Select(p => Assess(p, today, options))
            .OrderBy(r => r.Group)
            .ThenByDescending(r => r.LatestEventUtc ?? DateTime.MinValue)
            .ThenBy(r => r.Name, StringComparer.Ordinal)];

    public static AttentionRow Assess(PatientActivity patient, DateOnly today, DashboardOptions options)
    {
        var sessions = patient.Sessions;
        var days = sessions.Select(s => s.Date).ToHashSet();
        int? Percent(int window) => patient.Spans.Count == 0 ? null : Adherence.Compute(patient.Spans, days, today.AddDays(1 - window), today, today).Percent;

        var last7 = Average(sessions.Where(s => s.Date > today.AddDays(-7)));
        var previous7 = Average(sessions.Where(s => s.Date <= today.AddDays(-7) && s.Date > today.AddDays(-14)));
        var rising = last7 is not null && previous7 is not null && last7 - previous7 >= options.RisingPainPoints;
        var stopCueAt = sessions.Where(s => s.StopCueHit && s.Date > today.AddDays(-options.StopCueDays)).Select(s => (DateTime?)s.LoggedUtc).Max();
        var adherence = patient.Spans.Count == 0 ? null : Adherence.Compute(patient.Spans, days, today.AddDays(1 - AdherenceWindowDays), today, today);
        var adherence14 = adherence?.Percent;
        var lastSession = sessions.Count == 0 ? (DateOnly?)null : sessions.Max(s => s.Date);
        var lastLoggedUtc = sessions.Count == 0 ? (DateTime?)null : sessions.Max(s => s.LoggedUtc);
        var hasProgram = patient.Spans.Count > 0;
        // A program started yesterday is not "quiet": count from its first day when nothing was logged yet.
        var lastHeard = lastSession ?? (hasProgram ? patient.Spans.Min(s => s.From).AddDays(-1) : (DateOnly?)null);
        var quiet = lastHeard is { } heard && heard <= today.AddDays(-options.QuietDays);
        var low = adherence14 is { } a && a < options.LowAdherencePercent;

        var (group, latest) = patient.OpenFlagRaisedUtc is { } flagged ? (AttentionGroup.RedFlag, flagged)
            : patient.Measures is { WorseByMcid: true, WorseSinceUtc: var worse } ? (AttentionGroup.MeasureWorse, worse)
            : patient.Measures is { Overdue: true } ? (AttentionGroup.MeasureOverdue, lastLoggedUtc)
            : rising ? (AttentionGroup.RisingPain, lastLoggedUtc)
            : stopCueAt is { } hit ? (AttentionGroup.StopCue, hit)
            : low ? (AttentionGroup.LowAdherence, lastLoggedUtc)
            : quiet ? (AttentionGroup.Quiet, lastLoggedUtc)
            : (AttentionGroup.OnTrack, lastLoggedUtc);

        var trend = sessions.Where(s => s.AveragePain is not null && s.Date > today.AddDays(-28))
            .GroupBy(s => s.Date).OrderBy(g => g.Key)
            .Select(g => (g.Key, RoundedMean(g.Select(s => s.AveragePain!.Value), 1))).ToList();

        // Why, in words, written with the line (not per view): the dashboard adds "2 hours ago" from LatestEventUtc.
        var reason = group switch
        {
            AttentionGroup.RedFlag => patient.OpenFlagReasons?.Replace("; ", ", ", StringComparison.Ordinal) ?? "red flag reported",
            AttentionGroup.MeasureWorse => "an outcome measure is worse than at the start by at least its MCID",
            AttentionGroup.MeasureOverdue => $"outcome measure due {patient.Measures!.OverdueSince:d MMM} not answered",
            AttentionGroup.RisingPain => $"pain up from {previous7:0.0} to {last7:0.0} in a week",
            AttentionGroup.StopCue => sessions.Where(s => s.StopCueHit && s.Date > today.AddDays(-options.StopCueDays)).MaxBy(s => s.LoggedUtc)?.StopCueText is { } cue
                ? $"stop cue: {Lower(FirstSentence(cue))}" : "stopped an exercise on a stop cue",
            AttentionGroup.LowAdherence => $"{adherence!.Completed} of {adherence.Prescribed} sessions done in {AdherenceWindowDays} days",
            AttentionGroup.Quiet => lastSession is { } seen ? $"no session logged since {seen:d MMM}" : "no session logged since the program started",
            _ => string.Empty,
        };

        return new AttentionRow(patient.PatientId, patient.Name, patient.ProgramTitle, group, latest, Percent(7), Percent(28), lastSession,
            last7, previous7, trend, patient.OpenFlagRaisedUtc is not null, rising, stopCueAt is not null, low, quiet,
            patient.Measures?.WorseByMcid ?? false, patient.Measures?.Overdue ?? false, adherence14, Truncate(reason, AttentionSummary.ReasonLength));
    }

    /// <summary>A stop cue's first sentence without its full stop: "You do not feel it in your buttock".</summary>
    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '!', '?']);
        return (end > 0 ? text[..end] : text).Trim();
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>"2 hours ago", "yesterday", "3 days ago": how long ago an event was, for the dashboard's reason.</summary>
    public static string Ago(DateTime eventUtc, DateTime nowUtc)
    {
        var span = nowUtc - eventUtc;
        return span.TotalMinutes < 2 ? "just now"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} minutes ago"
            : span.TotalHours < 2 ? "an hour ago"
            : span.TotalHours < 24 ? $"{(int)span.TotalHours} hours ago"
            : span.TotalDays < 2 ? "yesterday"
            : $"{(int)span.TotalDays} days ago";
    }

    private static double? Average(IEnumerable<SessionSummary> sessions)
    {
        var pains = sessions.Where(s => s.AveragePain is not null).Select(s => s.AveragePain!.Value).ToList();
        return pains.Count == 0 ? null : RoundedMean(pains, 2);
    }

    /// <summary>
    /// The mean, rounded, whatever order the values come in. A sum of doubles depends on the order in its last bits,
    /// and the dashboard line (one patient's sessions) and a from-scratch ranking (every patient's) read sessions in
    /// different orders: a mean of 3.475 then rounded to 3.47 one way and 3.48 the other. Summed as decimals it cannot.
    /// </summary>
    private static double RoundedMean(IEnumerable<double> values, int digits)
    {
        var count = 0;
        var sum = 0m;
        foreach (var value in values)
        {
            sum += (decimal)value;
            count++;
        }

        return (double)Math.Round(sum / count, digits);
    }

    public static string Label(this AttentionGroup group) => group switch
    {
        AttentionGroup.RedFlag => "Red flag",
        AttentionGroup.MeasureWorse => "Worse by at least the MCID",
        AttentionGroup.MeasureOverdue => "Measure overdue",
        AttentionGroup.RisingPain => "Pain rising",
        AttentionGroup.StopCue => "Stop cue hit",
        AttentionGroup.LowAdherence => "Low adherence",
        AttentionGroup.Quiet => "No log for a week",
        _ => "On track",
    };
}
