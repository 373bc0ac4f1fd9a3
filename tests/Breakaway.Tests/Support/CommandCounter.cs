using System.Data.Common;
using Breakaway.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Support;

/// <summary>Counts the SQL commands the app sends (queries, writes, scalars), to catch N+1 queries and handlers that load more than they need.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>
    /// Only the commands of a web request count. The app's background services (the audit queue's writer, the
    /// outbox sender, the library watcher's poll) run on their own time and would otherwise land inside a count now
    /// and then: "Invite 24 (at most 23)" on a loaded CI run.
    /// </summary>
    public static bool InRequest(DbContextEventData eventData) =>
        eventData.Context?.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()?.HttpContext is not null;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (InRequest(eventData))
        {
            Interlocked.Increment(ref _count);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (InRequest(eventData))
        {
            Interlocked.Increment(ref _count);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (InRequest(eventData))
        {
            Interlocked.Increment(ref _count);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (InRequest(eventData))
        {
            Interlocked.Increment(ref _count);
        }

        return ValueTask.FromResult(result);
    }
}

public static class InterceptorHosting
{
    /// <summary>The factory's app with the interceptors added to its database context (the pool is built from the options of the provider's context type).</summary>
    public static WebApplicationFactory<Program> WithInterceptors(this BreakawayFactory factory, params IInterceptor[] interceptors) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            if (factory.Database.Provider == nameof(DatabaseProvider.Postgres))
            {
                s.ConfigureDbContext<PostgresBreakawayDbContext>(o => o.AddInterceptors(interceptors));
            }
            else
            {
                s.ConfigureDbContext<SqliteBreakawayDbContext>(o => o.AddInterceptors(interceptors));
            }
        }));
}
