using Breakaway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Dashboard;

/// <summary>No N+1 queries: the patient's and the therapist's main pages issue a fixed, small number of SQL commands, with 22 patients of history.</summary>
public sealed class SqlCommandCountTests
{
    [Theory]
    // /my: the session stamp, the patient, the program version with its exercises, today's sessions, the inbox of
    // messages and measures (issue 19) and the exercises' photos (issue 15).
    [InlineData("patient@demo.test", "/my", 8)]
    [InlineData("therapist@demo.test", "/admin", 6)]
    public async Task MainPages_IssueAFixedSmallNumberOfSqlCommands(string login, string url, int most)
    {
        var counter = new CommandCounter();
        await using var factory = new BreakawayFactory().WithDemo().With("Demo:HistoryPatients", "20").With("Security:RequireStaffMfa", "false");
        using var counted = factory.WithInterceptors(counter);
        var client = counted.CreateClient();
        await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        // The first view's audit row is written by a queue on its own time: written before counting.
        await counted.Services.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditWriter>().FlushAsync();

        counter.Reset();
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);

        // Five for the page, one for the session: every request reads the account's security stamp (SessionPolicy).
        // /my has one more: new messages and waiting questionnaires at the top, read together in one command.
        Assert.InRange(counter.Count, 1, most);
    }
}
