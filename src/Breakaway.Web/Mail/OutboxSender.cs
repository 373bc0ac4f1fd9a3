using System.Data.Common;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Mail;

/// <summary>
/// Sends what the outbox holds, on every instance. A message is claimed before it is sent by a conditional UPDATE
/// (<c>WHERE Id = @id AND (ClaimedUntilUtc IS NULL OR ClaimedUntilUtc &lt; now)</c>) checked by rows affected: on
/// PostgreSQL a second instance's UPDATE waits for the first's row lock and then finds the claim taken; SQLite has one
/// writer. A claim runs out after five minutes, so a message whose sender died goes out from another instance.
/// Failures are retried with a growing pause (1, 2, 4 ... 60 minutes) for a day, then the message is marked failed.
/// The log names a message by id and kind: never its address, subject or body.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    MailComposer composer,
    TimeProvider time,
    IOptions<SmtpOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);
    private const int Batch = 20;

    /// <summary>This process's name on its claims.</summary>
    private readonly string _instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // First look at once (messages left by a restart go out), then one wait at a time on the app's clock: a fake
        // clock moved on by a day wakes the sender once, not once per missed interval.
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or DbUpdateException)
            {
                LogPollFailed(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every due message this instance can claim; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Waiting && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            if (await TrySendAsync(db, id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(BreakawayDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + ClaimFor;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Waiting && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, _instance).SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        if (claimed == 0)
        {
            return false; // Another instance has it.
        }

        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(composer.Compose(row), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = row.Attempts + 1;
            var next = now + Backoff(attempts);
            var failed = next - row.CreatedUtc > GiveUpAfter;
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > 300 ? error[..300] : error;
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == _instance)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptUtc, next)
                        .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Waiting).SetProperty(m => m.LastError, error)
                        .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                    CancellationToken.None);
            if (failed)
            {
                LogGaveUp(logger, id, row.Kind, attempts, ex.GetType().Name);
            }
            else
            {
                LogRetry(logger, id, row.Kind, attempts, ex.GetType().Name);
            }

            return false;
        }

        // Sent: the links in the body stop being stored. Not cancellable: the message has left.
        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentUtc, sentAt).SetProperty(m => m.Attempts, row.Attempts + 1)
                    .SetProperty(m => m.TextBody, (string?)null).SetProperty(m => m.UnsubscribeUrl, (string?)null).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                CancellationToken.None);
        LogSent(logger, id, row.Kind);
        return true;
    }

    /// <summary>1, 2, 4, 8, 16, 32 minutes, then hourly.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(attempts, 7) - 1)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox message {OutboxId} ({MailKind})")]
    private static partial void LogSent(ILogger logger, long outboxId, string mailKind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} ({MailKind}) not sent on attempt {Attempts} ({Error}); will retry")]
    private static partial void LogRetry(ILogger logger, long outboxId, string mailKind, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {OutboxId} ({MailKind}) failed after {Attempts} attempts over a day ({Error}); shown on /admin/outbox")]
    private static partial void LogGaveUp(ILogger logger, long outboxId, string mailKind, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the outbox ({Error}); will try again")]
    private static partial void LogPollFailed(ILogger logger, string error);
}
