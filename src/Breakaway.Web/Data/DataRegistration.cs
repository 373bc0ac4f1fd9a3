using Breakaway.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data;

public static class DataRegistration
{
    public static IServiceCollection AddBreakawayData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = DataConnection.ResolveSqlite(configuration.GetConnectionString(DataConnection.Name), environment.ContentRootPath);
        services.AddDbContextPool<BreakawayDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddScoped<ExerciseSeeder>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<ProgramSeeder>();
        services.AddScoped<DemoHistorySeeder>();
        services.AddHealthChecks().AddDbContextCheck<BreakawayDbContext>("database");
        return services;
    }
}
