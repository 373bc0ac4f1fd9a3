using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Exercises;

/// <summary>SQLite in WAL mode with the app's busy timeout: concurrent writers wait, none fails with "database is locked".</summary>
public sealed class ConcurrentWritesTests
{
    [Fact]
    public async Task TwoHundredParallelWrites_AllSucceed_AndEveryRowIsStored()
    {
        await using var factory = new BreakawayFactory();
        var services = factory.Services;
        var errors = 0;

        // Each write is its own request scope with its own pooled DbContext and connection, as in the app.
        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 200 }, async (i, ct) =>
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
                db.Exercises.Add(new Exercise
                {
                    Slug = $"concurrent-{i}",
                    Name = $"Concurrent {i}",
                    Purpose = "Load test.",
                    StartingPosition = "Standing.",
                    StopCues = [new StopCue { Order = 1, Text = "Any pain." }],
                });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                Interlocked.Increment(ref errors);
            }
        });

        await using var check = services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<BreakawayDbContext>()
            .Exercises.CountAsync(e => e.Slug.StartsWith("concurrent-"), TestContext.Current.CancellationToken);
        Assert.Equal(0, errors);
        Assert.Equal(200, stored);
    }
}
