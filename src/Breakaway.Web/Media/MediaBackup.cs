using Microsoft.Data.Sqlite;

namespace Breakaway.Web.Media;

/// <summary>
/// Carries the file store's media inside the SQLite backup, so a backup stays one self-contained file: <c>backup</c>
/// copies each file into the backup's <c>MediaBlobs</c>/<c>MediaChunks</c> tables (where the database store keeps
/// them anyway), and <c>restore</c> writes them back into the media folder and empties those tables again.
/// </summary>
public static class MediaBackup
{
    /// <summary>Copies every media file not yet in <paramref name="backup"/> into it; returns how many.</summary>
    public static async Task<int> EmbedAsync(SqliteConnection backup, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        await using var transaction = (SqliteTransaction)await backup.BeginTransactionAsync();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = Path.GetFileName(path);
            if (!MediaKeys.Pattern().IsMatch(key) || await HasAsync(backup, transaction, key))
            {
                continue;
            }

            await using var file = File.OpenRead(path);
            var buffer = new byte[DatabaseMediaStore.ChunkBytes];
            var number = 0;
            int read;
            while ((read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
            {
                await using var chunk = backup.CreateCommand();
                chunk.Transaction = transaction;
                chunk.CommandText = "INSERT INTO \"MediaChunks\" (\"Key\", \"Number\", \"Data\") VALUES ($key, $number, $data);";
                chunk.Parameters.AddWithValue("$key", key);
                chunk.Parameters.AddWithValue("$number", number++);
                chunk.Parameters.AddWithValue("$data", buffer[..read]);
                await chunk.ExecuteNonQueryAsync();
            }

            await using var blob = backup.CreateCommand();
            blob.Transaction = transaction;
            blob.CommandText = "INSERT INTO \"MediaBlobs\" (\"Key\", \"Length\", \"CreatedUtc\") VALUES ($key, $length, $created);";
            blob.Parameters.AddWithValue("$key", key);
            blob.Parameters.AddWithValue("$length", file.Length);
            blob.Parameters.AddWithValue("$created", File.GetLastWriteTimeUtc(path).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            await blob.ExecuteNonQueryAsync();
            count++;
        }

        await transaction.CommitAsync();
        return count;
    }

    /// <summary>Writes the media held in <paramref name="database"/> into <paramref name="folder"/> and removes them from the database; returns how many.</summary>
    public static async Task<int> ExtractAsync(SqliteConnection database, string folder)
    {
        var store = new FileMediaStore(folder);
        var keys = new List<string>();
        await using (var exists = database.CreateCommand())
        {
            // A backup made before media existed has no such table, and nothing to write out.
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'MediaBlobs';";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return 0;
            }
        }

        await using (var list = database.CreateCommand())
        {
            list.CommandText = "SELECT \"Key\" FROM \"MediaBlobs\" ORDER BY \"Key\";";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        foreach (var key in keys.Where(k => MediaKeys.Pattern().IsMatch(k)))
        {
            using var content = new MemoryStream();
            await using (var chunks = database.CreateCommand())
            {
                chunks.CommandText = "SELECT \"Data\" FROM \"MediaChunks\" WHERE \"Key\" = $key ORDER BY \"Number\";";
                chunks.Parameters.AddWithValue("$key", key);
                await using var reader = await chunks.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    await using var data = reader.GetStream(0);
                    await data.CopyToAsync(content);
                }
            }

            content.Position = 0;
            await store.SaveAsync(key, content, CancellationToken.None);
        }

        if (keys.Count > 0)
        {
            await using var clear = database.CreateCommand();
            clear.CommandText = "DELETE FROM \"MediaChunks\"; DELETE FROM \"MediaBlobs\";";
            await clear.ExecuteNonQueryAsync();
            await using var vacuum = database.CreateCommand();
            vacuum.CommandText = "VACUUM;";
            await vacuum.ExecuteNonQueryAsync();
        }

        return keys.Count;
    }

    private static async Task<bool> HasAsync(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM \"MediaBlobs\" WHERE \"Key\" = $key;";
        command.Parameters.AddWithValue("$key", key);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
