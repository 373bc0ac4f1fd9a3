using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Breakaway.Testing;

/// <summary>
/// A fresh database for one app instance under test, on the provider the suite runs against:
/// SQLite by default (a temporary file copied from a migrated template), or PostgreSQL when <c>BREAKAWAY_TEST_PROVIDER=Postgres</c>, in which case
/// <c>BREAKAWAY_TEST_POSTGRES</c> names a server (".ci/run" starts a throwaway one) and each instance gets its own
/// database there, dropped afterwards. The app's own start-up migrates it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "BREAKAWAY_TEST_PROVIDER";
    public const string ServerVariable = "BREAKAWAY_TEST_POSTGRES";

    private TestDatabase(string provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
        PostgresName = postgresName;
    }

    /// <summary>"Sqlite" or "Postgres": the value of the app's <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The file, when the provider is SQLite.</summary>
    public string? SqliteFile { get; }

    public string? PostgresName { get; }

    /// <summary>The instance's own folder of uploaded media (<c>Media:Path</c>), removed with the database.</summary>
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"breakaway-media-{Guid.NewGuid():N}");

    public static bool SuiteUsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The app settings that point an instance at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Breakaway"] = ConnectionString,
        ["Media:Path"] = MediaFolder,
    };

    /// <summary>A database on the suite's provider.</summary>
    public static TestDatabase Create() => SuiteUsesPostgres ? CreatePostgres() : CreateSqlite();

    /// <summary>A SQLite file with every migration applied and the exercise library seeded (a copy of the run's template).</summary>
    public static TestDatabase CreateSqlite()
    {
        var database = CreateEmptySqlite();
        File.Copy(SqliteTemplate.Value, database.SqliteFile!);
        return database;
    }

    /// <summary>The name of a SQLite file that does not exist yet, for tests that migrate, back up or restore by hand.</summary>
    public static TestDatabase CreateEmptySqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"breakaway-test-{Guid.NewGuid():N}.db");
        return new("Sqlite", "Data Source=" + file, file, null);
    }

    /// <summary>
    /// Migrating and seeding a new SQLite file cost more than most tests using it, so the run does it once and each
    /// app instance gets a copy of the file. The app's start-up still checks the migrations and seeds, finding the
    /// work done, exactly as on a second start of a real site.
    /// </summary>
    private static readonly Lazy<string> SqliteTemplate = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"breakaway-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;
        using (var db = new Breakaway.Web.Data.SqliteBreakawayDbContext(
            new DbContextOptionsBuilder<Breakaway.Web.Data.SqliteBreakawayDbContext>().UseSqlite(connectionString).Options))
        {
            db.Database.Migrate();
            new Breakaway.Web.Data.Seed.ExerciseSeeder(db, TimeProvider.System).SeedAsync().GetAwaiter().GetResult();

            // Stored in the file, so every copy starts in WAL mode with nothing left in a -wal file.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        };
        return file;
    });

    /// <summary>
    /// Readies this database to be copied with <see cref="Copy"/> once no app uses it: SQLite moves everything from
    /// the WAL into the file; PostgreSQL closes the pooled connections, since a template may have no sessions.
    /// </summary>
    public void CloseForCopying()
    {
        if (SqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false }.ConnectionString);
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        else
        {
            // The app's data source keeps its own pool, which ClearPool does not reach: end those sessions too.
            using var pooled = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(pooled);
            Execute(Server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{PostgresName}' AND pid <> pg_backend_pid()");
        }
    }

    /// <summary>A new database with this one's contents (a file copy, or CREATE DATABASE ... TEMPLATE); see <see cref="CloseForCopying"/>.</summary>
    public TestDatabase Copy()
    {
        if (SqliteFile is not null)
        {
            var copy = CreateEmptySqlite();
            File.Copy(SqliteFile, copy.SqliteFile!);
            return copy;
        }

        return NewPostgres(PostgresName);
    }

    /// <summary>A PostgreSQL database with every migration applied and the exercise library seeded (a copy of the suite's template).</summary>
    public static TestDatabase CreatePostgres() => NewPostgres(MigratedTemplate.Value);

    /// <summary>
    /// An empty PostgreSQL database with no tables, on the suite's server, for tests that migrate by hand (such as
    /// the upgrade test). Dropped like the others.
    /// </summary>
    public static TestDatabase CreateEmptyPostgres() => NewPostgres(template: null);

    private static TestDatabase NewPostgres(string? template)
    {
        var server = Server;
        var name = $"breakaway_test_{Guid.NewGuid():N}";
        // FILE_COPY copies the template's files instead of writing every block through the WAL (PostgreSQL 15's
        // default): 0.05 s a copy instead of 0.08 for a 17 MB template, and the suite makes one for each of ~270 hosts.
        Execute(server, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return new("Postgres", new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString, null, name);
    }

    private static string Server
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(ServerVariable);
            return string.IsNullOrWhiteSpace(server)
                ? throw new InvalidOperationException(
                    $"{ProviderVariable}=Postgres needs {ServerVariable} set to a server's connection string, such as "
                    + "'Host=127.0.0.1;Port=54329;Username=postgres' (.ci/run starts one with .ci/postgres.sh).")
                : server;
        }
    }

    /// <summary>
    /// Applying every migration to each new database costs more than the test using it, so the suite migrates one
    /// template database once per run and copies it (CREATE DATABASE ... TEMPLATE). The app's start-up still checks
    /// the migrations and seeds, exactly as on a real server.
    /// </summary>
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var server = Server;
        var name = $"breakaway_template_{Environment.ProcessId}";
        Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new Breakaway.Web.Data.PostgresBreakawayDbContext(
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Breakaway.Web.Data.PostgresBreakawayDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
            new Breakaway.Web.Data.Seed.ExerciseSeeder(db, TimeProvider.System).SeedAsync().GetAwaiter().GetResult();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
    });

    private static void Execute(string server, string sql)
    {
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        admin.Open();
        using var command = admin.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }

        if (SqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
            {
                File.Delete(SqliteFile + suffix);
            }
        }
        else if (PostgresName is not null)
        {
            await using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }
}
