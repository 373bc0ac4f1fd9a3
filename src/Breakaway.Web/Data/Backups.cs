using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data;

/// <summary>
/// <c>backup --to &lt;file&gt;</c> and <c>restore --from &lt;file&gt;</c> for the SQLite database. Backups use SQLite's
/// online backup API, which copies a consistent snapshot while the site keeps writing (a plain file copy of a
/// database in WAL mode can miss committed writes or be torn). PostgreSQL installations use pg_dump and pg_restore.
/// </summary>
public static class Backups
{
    public static async Task<int> BackupAsync(WebApplication app, string target)
    {
        var connection = app.Services.GetRequiredService<DataConnection>();
        if (connection.SqliteFile is not { } source)
        {
            return Fail("backup copies the SQLite database. For PostgreSQL use pg_dump --format=custom (see README, Backups).");
        }

        if (!File.Exists(source))
        {
            return Fail($"There is no database at {source} to back up.");
        }

        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            return Fail($"{target} already exists. Choose a new file name; an existing backup is never overwritten.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        // A backup is one self-contained file: no -wal beside it.
        await CopyAsync(connection.ConnectionString, partial, "DELETE");
        var media = 0;
        if (MediaFolder(app) is { } mediaFolder)
        {
            // Media files go inside the backup too: restore puts them back in the media folder.
            await using var into = Open(partial);
            await into.OpenAsync();
            media = await Media.MediaBackup.EmbedAsync(into, mediaFolder);
        }

        await using (var copy = Open(partial, SqliteOpenMode.ReadOnly))
        {
            await copy.OpenAsync();
            var check = await ScalarAsync(copy, "PRAGMA integrity_check;");
            if (check != "ok")
            {
                return Fail($"The copy failed its integrity check ({check}); nothing was written.");
            }
        }

        File.Move(partial, target);
        Console.WriteLine($"Backup written to {target} ({new FileInfo(target).Length / 1024} KB" + (media > 0 ? $", {media} media files" : string.Empty) + ").");
        return 0;
    }

    public static async Task<int> RestoreAsync(WebApplication app, string backup)
    {
        var connection = app.Services.GetRequiredService<DataConnection>();
        if (connection.SqliteFile is not { } target)
        {
            return Fail("restore replaces the SQLite database. For PostgreSQL use pg_restore (see README, Backups).");
        }

        backup = Path.GetFullPath(backup);
        if (!File.Exists(backup))
        {
            return Fail($"There is no backup at {backup}.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var known = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        await using (var from = Open(backup, SqliteOpenMode.ReadOnly))
        {
            await from.OpenAsync();
            string? problem;
            try
            {
                problem = await ScalarAsync(from, "PRAGMA integrity_check;") is var check && check != "ok"
                    ? $"it failed its integrity check ({check})"
                    : await NewerMigrationAsync(from, known);
            }
            catch (SqliteException ex)
            {
                problem = $"it is not a Breakaway database ({ex.Message})";
            }

            if (problem is not null)
            {
                return Fail($"{backup} cannot be restored: {problem}. Nothing was changed.");
            }
        }

        var fileLock = app.Services.GetRequiredService<SqliteFileLock>();
        if (!fileLock.TryHoldExclusive())
        {
            return Fail($"The site is running on {target}. Stop every instance of it, then run restore again. Nothing was changed.");
        }

        string? kept = null;
        if (File.Exists(target))
        {
            // Nothing is lost: the database being replaced is kept beside it.
            kept = $"{target}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
            await CopyAsync(connection.ConnectionString, kept, "DELETE");
        }

        await CopyAsync(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), target, "WAL");
        var restoredMedia = 0;
        if (MediaFolder(app) is { } restoreFolder)
        {
            await using var restored = Open(target);
            await restored.OpenAsync();
            restoredMedia = await Media.MediaBackup.ExtractAsync(restored, restoreFolder);
        }

        SqliteConnection.ClearAllPools();
        Console.WriteLine($"Restored {target} from {backup}." + (kept is null ? string.Empty : $" The database it replaced is kept as {kept}.")
            + (restoredMedia > 0 ? $" {restoredMedia} media files were written to the media folder." : string.Empty)
            + " Start the site; it applies any newer migrations.");
        return 0;
    }

    /// <summary>
    /// Copies a whole database with the backup API into <paramref name="target"/>, which is replaced. One step, so the
    /// copy is a single read snapshot of the source even while the site writes.
    /// </summary>
    private static async Task CopyAsync(string sourceConnectionString, string target, string journalMode)
    {
        // Owner-only from the start: a copy of the database is as private as the database.
        OwnerOnlyFiles.Create(target);
        await using var from = new SqliteConnection(sourceConnectionString);
        await using var to = Open(target);
        await from.OpenAsync();
        await to.OpenAsync();
        // The running site may hold a lock for a moment (a write, a checkpoint) just as the copy starts. A statement
        // would wait for it; the backup API answers "database is locked" at once (seen on a CI run while the site was
        // storing an upload), so the copy is tried again for as long as a statement waits: 30 s.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                from.BackupDatabase(to);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED && attempt < 300)
            {
                await Task.Delay(100);
            }
        }

        await ScalarAsync(to, $"PRAGMA journal_mode={journalMode};");
    }

    /// <summary>The media folder when media are kept as files (with the database store they are in the database already).</summary>
    private static string? MediaFolder(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Media.MediaOptions>>().Value.Store == Media.MediaStoreKind.Files
            ? app.Services.GetRequiredService<Media.FileMediaStore>().Root
            : null;

    private static async Task<string?> NewerMigrationAsync(SqliteConnection backup, HashSet<string> known)
    {
        await using var command = backup.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\";";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!known.Contains(reader.GetString(0)))
            {
                return $"it comes from a newer version of Breakaway (migration {reader.GetString(0)}); restore it with that version";
            }
        }

        return null;
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
