using System.Collections.Concurrent;

namespace Breakaway.Web.Data;

/// <summary>
/// One queue per SQLite file for the writers of this process. SQLite has a single write lock per file, and
/// Microsoft.Data.Sqlite answers a busy lock by sleeping 150 ms before it tries again: in a burst of logged sessions
/// most of every request's time was that sleep while the lock stood free (bench/PROFILE.md, "Session logging").
/// Writers wait here instead, without blocking a thread, and each begins the moment the one before it has committed.
/// Another process on the same file (a command-line tool) still meets SQLite's own lock and back-off.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this file's turn; disposing the result lets the next writer in.</summary>
    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
