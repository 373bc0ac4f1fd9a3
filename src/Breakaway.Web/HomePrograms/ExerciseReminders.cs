using System.Data.Common;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.HomePrograms;

/// <summary>
/// The unsubscribe link of a reminder: the patient's id protected with the app's key ring (shared by every instance,
/// kept in the database), so it works without signing in and without storing a token.
/// </summary>
public sealed class ReminderLinks(IDataProtectionProvider protection, IOptions<SiteOptions> site)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Breakaway.Reminders.Unsubscribe.v1");

    public string UnsubscribeUrl(int patientId) => site.Value.Absolute($"/reminders/unsubscribe/{_protector.Protect(patientId.ToString(System.Globalization.CultureInfo.InvariantCulture))}");

    public int? PatientOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }

        try
        {
            return int.TryParse(_protector.Unprotect(token), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// Once a minute on every instance: a patient who turned reminders on gets one e-mail on a chosen weekday when the
/// program is due that day (<see cref="ProgramSchedule.IsDueOn"/>, the rule /my uses), from the chosen local time
/// until two hours after it, if nothing is logged for the day yet. The day is claimed with a conditional UPDATE of
/// <see cref="Patient.LastReminderDay"/> in the transaction that writes the outbox row, so two instances, or a
/// restart, never send a second one that day.
/// </summary>
public sealed partial class ExerciseReminders(
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ExerciseReminders> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>A reminder missed by more than this (the site was down) is skipped for the day.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or DbUpdateException)
            {
                LogFailed(logger, ex.GetType().Name);
            }

            try
            {
                // One wait at a time on the app's clock (see LibraryChangeWatcher).
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BreakawayDbContext>();
        var clinic = services.GetRequiredService<ClinicClock>();
        var now = time.GetUtcNow();
        var candidates = await db.Patients
            .Where(p => p.RemindersOn && p.ReminderTime != null && p.User.Email != null && p.User.DisabledUtc == null && p.User.PasswordHash != null)
            .Select(p => new { p.Id, p.ReminderDays, p.ReminderTime, p.ReminderTimeZone, p.LastReminderDay, p.User.Email })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var patient in candidates)
        {
            var zone = Zone(patient.ReminderTimeZone) ?? clinic.Zone;
            var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            var today = DateOnly.FromDateTime(local);
            var at = today.ToDateTime(patient.ReminderTime!.Value);
            if (patient.LastReminderDay >= today || !patient.ReminderDays.HasFlag(today.DayOfWeek.ToWeekDay()) || local < at || local >= at + Window)
            {
                continue;
            }

            var version = await db.ProgramVersions
                .Where(v => v.Program.PatientId == patient.Id && v.Program.ArchivedUtc == null && v.PublishedUtc != null)
                .OrderByDescending(v => v.PublishedUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (version is null || !version.Schedule(clinic.ToClinicDay(version.PublishedUtc!.Value)).IsDueOn(today)
                || await db.SessionLogs.AnyAsync(s => s.PatientId == patient.Id && s.Date == today, cancellationToken))
            {
                continue;
            }

            if (await SendAsync(services, db, patient.Id, patient.Email!, today, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private static async Task<bool> SendAsync(IServiceProvider services, BreakawayDbContext db, int patientId, string email, DateOnly today, CancellationToken cancellationToken)
    {
        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;
        var links = services.GetRequiredService<ReminderLinks>();
        var clinicName = services.GetRequiredService<IOptions<ClinicOptions>>().Value.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Patients.Where(p => p.Id == patientId && (p.LastReminderDay == null || p.LastReminderDay < today))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReminderDay, today), cancellationToken);
        if (claimed == 0)
        {
            return false; // Another instance sent today's.
        }

        var unsubscribe = links.UnsubscribeUrl(patientId);
        services.GetRequiredService<Outbox>().Add(MailKinds.Reminder, email,
            MailText.Reminder(clinicName, site.Absolute("/my"), site.Absolute("/my/reminders"), unsubscribe), patientId, unsubscribe);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    public static TimeZoneInfo? Zone(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check exercise reminders ({Error}); will try again")]
    private static partial void LogFailed(ILogger logger, string error);
}
