namespace Breakaway.Testing;

/// <summary>Waiting for work done off the test's own path (background services, a service worker): bounded polling, never a timed assertion.</summary>
public static class Polling
{
    /// <summary>Reads until <paramref name="done"/> holds, for up to ten seconds of real time, and returns the last value read.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            value = await read();
        }

        return value;
    }
}
