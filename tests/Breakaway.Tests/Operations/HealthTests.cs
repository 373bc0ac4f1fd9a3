using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>Live says the process answers; ready says the database is reachable and fully migrated and the articles are loaded.</summary>
public sealed class HealthTests(SharedSite site) : IClassFixture<SharedSite>
{

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task AHealthySite_AnswersOk(string path)
    {
        var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.BodyAsync());
    }

    [Fact]
    public async Task AMigrationNotApplied_MakesTheSiteNotReady_ButStillLive()
    {
        await using var own = new BreakawayFactory();
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            var latest = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}", TestContext.Current.CancellationToken);
        }

        var client = own.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }
}
