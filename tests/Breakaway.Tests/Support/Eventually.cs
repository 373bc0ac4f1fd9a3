using Microsoft.Extensions.Time.Testing;

namespace Breakaway.Tests.Support;

/// <summary>Waiting for the app's background services on fake clocks (plain polling is <see cref="Breakaway.Testing.Polling"/>).</summary>
public static class Waiting
{
    /// <summary>
    /// Moves the fake clocks on by <paramref name="step"/> at a time, giving the background services a moment after
    /// each step, until <paramref name="done"/> holds or <paramref name="limit"/> of fake time has passed. Returns how
    /// much fake time it took, so a test can assert "within a minute".
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntil(TimeSpan step, TimeSpan limit, Func<Task<bool>> done, params FakeTimeProvider[] clocks)
    {
        var moved = TimeSpan.Zero;
        while (!await done())
        {
            if (moved >= limit)
            {
                return moved + step; // Over the limit: the caller's assertion fails.
            }

            foreach (var clock in clocks)
            {
                clock.Advance(step);
            }

            moved += step;
            // The services wake on the clock; give them real time to do a round of work before looking.
            for (var i = 0; i < 20 && !await done(); i++)
            {
                await Task.Delay(25, TestContext.Current.CancellationToken);
            }
        }

        return moved;
    }
}
