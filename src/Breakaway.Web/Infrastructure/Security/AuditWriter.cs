using System.Data.Common;
using System.Threading.Channels;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// The audit rows of staff page views, written off the request path: a request queues its row and answers; one
/// writer drains the queue in batches, each batch one transaction, in the order the rows were queued. On a clean stop
/// the host stops the web server first, then this service, which writes everything still queued before it returns.
/// A crash loses the rows still queued (the last few milliseconds of views; never a change, see the README).
/// </summary>
public sealed partial class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> logger) : BackgroundService
{
    /// <summary>At most this many rows in one transaction.</summary>
    public const int BatchSize = 500;

    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });

    private abstract record Item;

    private sealed record Row(AuditEntry Entry) : Item;

    private sealed record Marker(TaskCompletionSource Written) : Item;

    /// <summary>Queues a row; false once the writer has stopped (the caller then writes it itself).</summary>
    public bool TryEnqueue(AuditEntry entry) => _queue.Writer.TryWrite(new Row(entry));

    /// <summary>Completes once every row queued before the call is in the database (tests, and anyone needing read-your-writes).</summary>
    public Task FlushAsync()
    {
        var marker = new Marker(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(marker))
        {
            return Task.CompletedTask;
        }

        return marker.Written.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: the loop ends when the queue is completed and empty (StopAsync), so nothing queued is dropped.
        var reader = _queue.Reader;
        var batch = new List<AuditEntry>(BatchSize);
        var markers = new List<Marker>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && reader.TryRead(out var item))
            {
                if (item is Row row)
                {
                    batch.Add(row.Entry);
                }
                else if (item is Marker marker)
                {
                    markers.Add(marker);
                    break; // Everything before the marker is in this batch.
                }
            }

            await WriteAsync(batch, stoppingToken);
            batch.Clear();
            foreach (var marker in markers)
            {
                marker.Written.TrySetResult();
            }

            markers.Clear();
        }
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
                // One INSERT per row, in queue order, in one transaction (SaveChanges opens it).
                db.AuditEntries.AddRange(batch);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
            {
                var error = ex.GetType().Name;
                foreach (var entry in batch)
                {
                    entry.Id = 0; // A failed insert may have set keys; the retry inserts afresh.
                }

                // Keep the rows and try again: while the app runs, without end (the rows are in memory); once it is
                // stopping, a few more times, then say how many were lost (the count only, never what they were).
                if (stoppingToken.IsCancellationRequested && attempt >= 5)
                {
                    LogLost(logger, batch.Count, error);
                    return;
                }

                LogRetrying(logger, batch.Count, attempt, error);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), CancellationToken.None);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The web server has stopped by now (it is the last hosted service to start, the first to stop): no new views.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Writing {Count} queued audit rows failed ({Error}), attempt {Attempt}; retrying")]
    private static partial void LogRetrying(ILogger logger, int count, int attempt, string error);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Critical, Message = "{Count} queued audit rows could not be written at shutdown ({Error})")]
    private static partial void LogLost(ILogger logger, int count, string error);
}
