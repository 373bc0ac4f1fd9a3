using Breakaway.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Breakaway.Web.Data;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Applies committed migrations (refusing a database from a newer release), turns on WAL for SQLite, and seeds
    /// the library. Runs before the app listens. Several instances may start at once: EF Core takes a migration lock,
    /// and seeding is serialised (below).
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BreakawayDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            // Owner-only before SQLite first opens it; its -wal and -shm files take the same mode.
            if (services.GetRequiredService<DataConnection>().SqliteFile is { } file)
            {
                OwnerOnlyFiles.Create(file);
                OwnerOnlyFiles.Restrict(file, file + "-wal", file + "-shm", file + ".lock");
            }

            // Marks the file as in use, so "restore" refuses to replace it under a running site.
            services.GetRequiredService<SqliteFileLock>().HoldShared();

            // WAL lets readers carry on while one writer commits; the mode is stored in the file itself.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await EnsureNotNewerAsync(db);
        await db.Database.MigrateAsync();

        // Seeding is one transaction, and instances starting together on an empty database take turns: SQLite's
        // BEGIN IMMEDIATE holds the write lock, PostgreSQL takes an advisory lock. The second finds the work done.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7341250001);");
        }

        var added = await services.GetRequiredService<ExerciseSeeder>().SeedAsync();
        await services.GetRequiredService<AccountSeeder>().SeedAsync();
        await services.GetRequiredService<ProgramSeeder>().SeedAsync();
        await services.GetRequiredService<DemoHistorySeeder>().SeedAsync();
        await transaction.CommitAsync();
        LogInitialized(logger, added);
    }

    /// <summary>Throws when the database holds migrations this build does not have: it was upgraded by a newer release.</summary>
    public static async Task EnsureNotNewerAsync(BreakawayDbContext db)
    {
        if (!await db.GetService<IHistoryRepository>().ExistsAsync())
        {
            return; // A new, empty database.
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync();
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseVersionException(unknown);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Added} library exercises added")]
    private static partial void LogInitialized(ILogger logger, int added);
}

/// <summary>The database was upgraded by a newer release of Breakaway; this one must not run against it.</summary>
public sealed class DatabaseVersionException(IReadOnlyList<string> unknownMigrations) : Exception(
    $"This database was upgraded by a newer version of Breakaway: it has the migration(s) {string.Join(", ", unknownMigrations)}, "
    + "which this version does not know. Nothing was changed. Run the newer version again, or restore a backup taken before the upgrade.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
