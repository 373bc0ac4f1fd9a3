using Microsoft.Data.Sqlite;
using Npgsql;

namespace Breakaway.Web.Data;

/// <summary>The database engines the app runs on. Each has its own committed migrations.</summary>
public enum DatabaseProvider
{
    /// <summary>One file next to the app: the default, right for one clinic on one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by several app instances.</summary>
    Postgres,
}

/// <summary>Which database to use and how to reach it: <c>Database:Provider</c> and <c>ConnectionStrings:Breakaway</c>.</summary>
public sealed record DataConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string Name = "Breakaway";
    public const string ProviderKey = "Database:Provider";

    /// <summary>Reads the settings, failing at start-up with a message that says what to fix.</summary>
    public static DataConnection From(IConfiguration configuration, string contentRootPath)
    {
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText)
            && (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{providerText}'.");
        }

        var configured = configuration.GetConnectionString(Name);
        return provider switch
        {
            DatabaseProvider.Postgres => new(provider, ResolvePostgres(configured)),
            _ => new(provider, ResolveSqlite(configured, contentRootPath)),
        };
    }

    /// <summary>The full path of the SQLite file, or null for PostgreSQL and in-memory databases.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(ConnectionString) is { Mode: not SqliteOpenMode.Memory } b && b.DataSource != ":memory:"
        ? b.DataSource
        : null;

    /// <summary>
    /// The SQLite connection string: <c>ConnectionStrings:Breakaway</c>, or a file <c>App_Data/breakaway.db</c>
    /// under the content root. A relative <c>Data Source</c> is resolved against the content root (not the
    /// working directory), and its folder is created.
    /// </summary>
    public static string ResolveSqlite(string? configured, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/breakaway.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Writers wait for each other instead of failing with "database is locked" (see README, Decisions).
        if (!builder.ContainsKey("Default Timeout") && !builder.ContainsKey("Command Timeout"))
        {
            builder.DefaultTimeout = 30;
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    private static string ResolvePostgres(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Breakaway must be set when Database:Provider is Postgres, for example "
                + "'Host=db;Database=breakaway;Username=breakaway;Password=...' (environment variable ConnectionStrings__Breakaway).");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            builder.ApplicationName ??= "Breakaway";
            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Breakaway is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }
}
