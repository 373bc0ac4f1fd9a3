using System.Data.Common;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Dashboard;

/// <summary>No N+1 queries: the patient's and the therapist's main pages issue a fixed, small number of SQL commands, with 22 patients of history.</summary>
public sealed class SqlCommandCountTests
{
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }

    [Theory]
    [InlineData("patient@demo.test", "/my")]
    [InlineData("therapist@demo.test", "/admin")]
    public async Task MainPages_IssueAtMostSixSqlCommands(string login, string url)
    {
        var counter = new CommandCounter();
        await using var factory = new BreakawayFactory().WithDemo().With("Demo:HistoryPatients", "20").With("Security:RequireStaffMfa", "false");
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            // The pool is built from the options of the provider's context type.
            if (factory.Database.Provider == nameof(DatabaseProvider.Postgres))
            {
                s.ConfigureDbContext<PostgresBreakawayDbContext>(o => o.AddInterceptors(counter));
            }
            else
            {
                s.ConfigureDbContext<SqliteBreakawayDbContext>(o => o.AddInterceptors(counter));
            }
        }));
        var client = counted.CreateClient();
        await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);

        counter.Reset();
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);

        // Five for the page, one for the session: every request reads the account's security stamp (SessionPolicy).
        Assert.InRange(counter.Count, 1, 6);
    }
}
