using Breakaway.Tests.Support;

namespace Breakaway.Tests.Dashboard;

/// <summary>No N+1 queries: the patient's and the therapist's main pages issue a fixed, small number of SQL commands, with 22 patients of history.</summary>
public sealed class SqlCommandCountTests
{
    [Theory]
    [InlineData("patient@demo.test", "/my")]
    [InlineData("therapist@demo.test", "/admin")]
    public async Task MainPages_IssueAtMostSixSqlCommands(string login, string url)
    {
        var counter = new CommandCounter();
        await using var factory = new BreakawayFactory().WithDemo().With("Demo:HistoryPatients", "20").With("Security:RequireStaffMfa", "false");
        using var counted = factory.WithInterceptors(counter);
        var client = counted.CreateClient();
        await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);

        counter.Reset();
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);

        // Five for the page, one for the session: every request reads the account's security stamp (SessionPolicy).
        Assert.InRange(counter.Count, 1, 6);
    }
}
