using Breakaway.Web.Data.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data;

public static class DataRegistration
{
    public static IServiceCollection AddBreakawayData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connection = DataConnection.From(configuration, environment.ContentRootPath);
        services.AddSingleton(connection);
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<BreakawayDbContext, PostgresBreakawayDbContext>(options => options
                .UseNpgsql(connection.ConnectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        }
        else
        {
            services.AddDbContextPool<BreakawayDbContext, SqliteBreakawayDbContext>(options => options
                .UseSqlite(connection.ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        }

        // One key ring in the database: every instance can read the others' cookies and antiforgery tokens, and
        // restarts do not sign anyone out. The fixed application name keeps instances in different folders together.
        services.AddDataProtection()
            .SetApplicationName("Breakaway")
            .PersistKeysToDbContext<BreakawayDbContext>();

        services.AddSingleton<SqliteFileLock>();
        services.AddHealthChecks().AddDbContextCheck<BreakawayDbContext>(
            "database",
            tags: [Infrastructure.ServiceRegistration.ReadyTag],
            customTestQuery: async (db, cancellation) => !(await db.Database.GetPendingMigrationsAsync(cancellation)).Any());

        services.AddScoped<ExerciseSeeder>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<ProgramSeeder>();
        services.AddScoped<DemoHistorySeeder>();
        return services;
    }
}
