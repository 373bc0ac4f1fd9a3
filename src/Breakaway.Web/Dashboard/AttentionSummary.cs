using System.Globalization;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Dashboard;

/// <summary>
/// One patient's line of the dashboard, as <see cref="AttentionRules.Assess"/> computed it for <see cref="Day"/>.
/// Rewritten in the same transaction as every session, red flag, acknowledgement or program change of the patient
/// (<see cref="BreakawayDbContext"/>'s SaveChanges), and for every patient on the first dashboard view of a new
/// clinic day, so a dashboard view reads one row per patient whatever their history.
/// </summary>
public sealed class AttentionSummary
{
    public int PatientId { get; set; }

    public Patient Patient { get; set; } = null!;

    /// <summary>The clinic day the assessment is for: "quiet" and the adherence windows move with the calendar.</summary>
    public DateOnly Day { get; set; }

    public AttentionGroup Group { get; set; }

    public DateTime? LatestEventUtc { get; set; }

    /// <summary><see cref="LatestEventUtc"/> or the smallest date: the dashboard's order within a group, the same on both providers.</summary>
    public DateTime SortUtc { get; set; }

    public string? ProgramTitle { get; set; }

    public int? Adherence7 { get; set; }

    public int? Adherence28 { get; set; }

    public DateOnly? LastSession { get; set; }

    public double? PainLast7 { get; set; }

    public double? PainPrevious7 { get; set; }

    /// <summary>The 28-day pain trend, "yyyy-MM-dd=4.5" pairs separated by ';'.</summary>
    public string PainTrend { get; set; } = string.Empty;

    public bool OpenFlag { get; set; }

    public bool RisingPain { get; set; }

    public bool StopCue { get; set; }

    public bool LowAdherence { get; set; }

    public bool Quiet { get; set; }

    public const int ReasonLength = 300;

    /// <summary>Adherence over <see cref="AttentionRules.AdherenceWindowDays"/>, the window the rule judges on.</summary>
    public int? Adherence14 { get; set; }

    /// <summary>Why the patient is in their group, in words ("pain up from 2.5 to 5.6 in a week"); empty when on track.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>
    /// The clinic day a staff member marked a non-flag item "seen today": the line sorts with those on track for the rest
    /// of that day. Any rewrite of the line (a new event, the next day's refresh) clears it.
    /// </summary>
    public DateOnly? SeenDay { get; set; }

    /// <summary>The group the dashboard sorts and counts the line under today: seen today counts as on track.</summary>
    public static System.Linq.Expressions.Expression<Func<AttentionSummary, AttentionGroup>> ShownGroup(DateOnly today) =>
        a => a.SeenDay == today && a.Group != AttentionGroup.RedFlag ? AttentionGroup.OnTrack : a.Group;

    public static AttentionSummary From(AttentionRow row, DateOnly day) => new()
    {
        PatientId = row.PatientId,
        Day = day,
        Group = row.Group,
        LatestEventUtc = row.LatestEventUtc,
        SortUtc = row.LatestEventUtc ?? DateTime.MinValue,
        ProgramTitle = row.ProgramTitle,
        Adherence7 = row.Adherence7,
        Adherence28 = row.Adherence28,
        LastSession = row.LastSession,
        PainLast7 = row.PainLast7,
        PainPrevious7 = row.PainPrevious7,
        PainTrend = string.Join(';', row.PainTrend.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Date:yyyy-MM-dd}={p.Pain}"))),
        OpenFlag = row.OpenFlag,
        RisingPain = row.RisingPain,
        StopCue = row.StopCue,
        LowAdherence = row.LowAdherence,
        Quiet = row.Quiet,
        Adherence14 = row.Adherence14,
        Reason = row.Reason,
    };

    public AttentionRow ToRow(string name) => new(
        PatientId, name, ProgramTitle, Group, LatestEventUtc, Adherence7, Adherence28, LastSession, PainLast7, PainPrevious7,
        [.. PainTrend.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var (date, pain) = (p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..]);
            return (DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), double.Parse(pain, CultureInfo.InvariantCulture));
        })],
        OpenFlag, RisingPain, StopCue, LowAdherence, Quiet, Adherence14: Adherence14, Reason: Reason);
}

/// <summary>Writes <see cref="AttentionSummary"/> rows: for the patients a save touched, the stale ones, or everyone.</summary>
public static class AttentionSummaryWriter
{
    /// <summary>
    /// Recomputes the rows of these patients (null: everyone) for today, inside the caller's transaction. On
    /// PostgreSQL an advisory lock keeps two writers from inserting the same patient's row at once; SQLite's write
    /// lock does that already.
    /// </summary>
    public static async Task RefreshAsync(BreakawayDbContext db, IReadOnlyCollection<int>? patientIds, CancellationToken cancellationToken = default)
    {
        if (patientIds is { Count: 0 })
        {
            return;
        }

        var services = db.ApplicationServices();
        var clock = services.GetRequiredService<ClinicClock>();
        var options = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7341250002);", cancellationToken);
        }

        var today = clock.Today();
        var activity = await new PatientActivityQuery(db, clock, services.GetRequiredService<Measures.MeasureCatalog>(), services.GetRequiredService<IOptions<Measures.MeasureOptions>>()).LoadAsync(patientIds, cancellationToken);
        var rows = activity.Select(p => AttentionSummary.From(AttentionRules.Assess(p, today, options), today)).ToList();
        var ids = rows.Select(r => r.PatientId).ToList();
        if (patientIds is null)
        {
            await db.AttentionSummaries.ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            await db.AttentionSummaries.Where(a => patientIds.Contains(a.PatientId)).ExecuteDeleteAsync(cancellationToken);
        }

        db.AttentionSummaries.AddRange(rows);
        await db.SaveSummariesAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Brings every patient's row to today: the first view of a clinic day recomputes everyone, later views nothing.</summary>
    public static async Task RefreshStaleAsync(BreakawayDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var stale = await db.Patients.Where(p => !db.AttentionSummaries.Any(a => a.PatientId == p.Id && a.Day == today)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (stale.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RefreshAsync(db, stale, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The <c>rebuild-attention</c> command: every row from scratch.</summary>
    public static async Task<int> RebuildAsync(WebApplication app)
    {
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RefreshAsync(db, null);
        await transaction.CommitAsync();
        await Console.Out.WriteLineAsync($"Rebuilt the dashboard summary of {await db.AttentionSummaries.CountAsync()} patients.");
        return 0;
    }
}
