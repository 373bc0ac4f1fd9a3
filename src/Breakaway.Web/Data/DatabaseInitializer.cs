using Breakaway.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data;

public static partial class DatabaseInitializer
{
    /// <summary>Applies committed migrations, turns on WAL for SQLite, and seeds the library. Runs before the app listens.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer commits; the mode is stored in the file itself.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await db.Database.MigrateAsync();
        var added = await scope.ServiceProvider.GetRequiredService<ExerciseSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoHistorySeeder>().SeedAsync();
        LogInitialized(logger, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Added} library exercises added")]
    private static partial void LogInitialized(ILogger logger, int added);
}
