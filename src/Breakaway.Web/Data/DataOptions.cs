using Microsoft.Data.Sqlite;

namespace Breakaway.Web.Data;

public static class DataConnection
{
    public const string Name = "Breakaway";

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
}
