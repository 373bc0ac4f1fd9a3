using Breakaway.Testing;

[assembly: AssemblyFixture(typeof(Breakaway.Tests.Support.HostCount))]

namespace Breakaway.Tests.Support;

/// <summary>
/// Counts the app instances the run starts (in-memory hosts and real processes), because starting them is most of
/// the suite's time. At the end of the run the counts go to <c>artifacts/test-hosts.txt</c>, which .ci/run prints.
/// </summary>
public sealed class HostCount : IAsyncDisposable
{
    private static int s_hosts;
    private static int s_processes;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> s_byClass = new();

    public static void HostStarted()
    {
        Interlocked.Increment(ref s_hosts);
        s_byClass.AddOrUpdate(TestContext.Current.TestClass?.TestClassSimpleName ?? "(no class)", 1, (_, n) => n + 1);
    }

    public static void ProcessStarted() => Interlocked.Increment(ref s_processes);

    public async ValueTask DisposeAsync()
    {
        var provider = TestDatabase.SuiteUsesPostgres ? "PostgreSQL" : "SQLite";
        var line = $"Breakaway.Tests on {provider}: {s_hosts} in-memory app hosts and {s_processes} app processes started";
        var top = s_byClass.OrderByDescending(pair => pair.Value).Take(8).Select(pair => $"{pair.Key} {pair.Value}");
        line += $" (most: {string.Join(", ", top)})";
        var folder = Path.Combine(RepoPaths.Root, "artifacts");
        Directory.CreateDirectory(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, "test-hosts.txt"), line + Environment.NewLine);
    }
}
