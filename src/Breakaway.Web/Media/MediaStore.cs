using System.Text.RegularExpressions;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Media;

/// <summary>One stored file: a seekable stream (range requests read only their part) and its length.</summary>
public sealed record StoredFile(Stream Content, long Length);

/// <summary>
/// Where the bytes of photos and videos live. Names are content addresses (<see cref="MediaKeys"/>), so a file is
/// written once and never changes: saving a name that exists already does nothing.
/// </summary>
public interface IMediaStore
{
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> unless that name exists already.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The file, or null when there is none; the caller disposes the stream.</summary>
    Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every file named after the content <paramref name="hash"/>: all sizes, formats and the poster.</summary>
    Task DeleteAllAsync(string hash, CancellationToken cancellationToken);
}

/// <summary>The names of stored files: the upload's SHA-256, an optional variant, an extension.</summary>
public static partial class MediaKeys
{
    [GeneratedRegex("^[0-9a-f]{64}(-(\\d{2,4}|poster))?\\.(webp|jpg|mp4|webm)$")]
    public static partial Regex Pattern();

    public static string Photo(string hash, int width, string extension) => $"{hash}-{width}.{extension}";

    public static string Video(string hash, string videoType) => $"{hash}.{(videoType == "video/webm" ? "webm" : "mp4")}";

    public static string Poster(string hash) => $"{hash}-poster.jpg";

    [GeneratedRegex("^[0-9a-f]{64}$")]
    public static partial Regex HashPattern();

    public static string CheckedHash(string hash) =>
        HashPattern().IsMatch(hash) ? hash : throw new ArgumentException("Not a content hash.", nameof(hash));

    public static string ContentType(string key) => System.IO.Path.GetExtension(key) switch
    {
        ".webp" => "image/webp",
        ".jpg" => "image/jpeg",
        ".webm" => "video/webm",
        _ => "video/mp4",
    };
}

/// <summary>Files under the data folder, two-letter sub-folders by hash; written to a temporary name, then moved.</summary>
public sealed class FileMediaStore(string root) : IMediaStore
{
    public string Root { get; } = root;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(partial, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous }))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // The same bytes arrived twice at once: the first copy stands.
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult<StoredFile?>(null);
        }

        var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous });
        return Task.FromResult<StoredFile?>(new StoredFile(stream, stream.Length));
    }

    public Task DeleteAllAsync(string hash, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root, MediaKeys.CheckedHash(hash)[..2]);
        if (Directory.Exists(folder))
        {
            // Finished files only: a ".partial" is another upload of the same bytes still being written.
            foreach (var path in Directory.EnumerateFiles(folder, hash + "*").Where(p => MediaKeys.Pattern().IsMatch(Path.GetFileName(p))))
            {
                File.Delete(path);
            }
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!MediaKeys.Pattern().IsMatch(key))
        {
            throw new ArgumentException("Not a media key.", nameof(key));
        }

        return Path.Combine(Root, key[..2], key);
    }
}

/// <summary>
/// Rows in the database (PostgreSQL or SQLite) in 1 MB chunks: every instance sees the same files with no shared disk,
/// and a range request on a long video reads only the chunks it covers.
/// </summary>
public sealed class DatabaseMediaStore(BreakawayDbContext db, TimeProvider time) : IMediaStore
{
    public const int ChunkBytes = 1024 * 1024;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => db.Set<MediaBlob>().AnyAsync(b => b.Key == key, cancellationToken);

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        if (!MediaKeys.Pattern().IsMatch(key))
        {
            throw new ArgumentException("Not a media key.", nameof(key));
        }

        if (await ExistsAsync(key, cancellationToken))
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var buffer = new byte[ChunkBytes];
            long length = 0;
            var index = 0;
            while (true)
            {
                var read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                db.Add(new MediaChunk { Key = key, Number = index++, Data = buffer[..read] });
                length += read;
                // One chunk in memory at a time, however long the video.
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            db.Add(new MediaBlob { Key = key, Length = length, CreatedUtc = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                // The same bytes stored by another request at the same time are fine; anything else is not.
                if (!await OtherCopyExistsAsync(key))
                {
                    throw;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        });
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var length = await db.Set<MediaBlob>().Where(b => b.Key == key).Select(b => (long?)b.Length).FirstOrDefaultAsync(cancellationToken);
        return length is null ? null : new StoredFile(new ChunkedStream(db, key, length.Value), length.Value);
    }

    public async Task DeleteAllAsync(string hash, CancellationToken cancellationToken)
    {
        var prefix = MediaKeys.CheckedHash(hash);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<MediaBlob>().Where(b => b.Key.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<MediaChunk>().Where(c => c.Key.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private async Task<bool> OtherCopyExistsAsync(string key)
    {
        db.ChangeTracker.Clear();
        return await db.Set<MediaBlob>().AnyAsync(b => b.Key == key);
    }

    /// <summary>A read-only, seekable view of a stored file that loads one chunk at a time.</summary>
    private sealed class ChunkedStream(BreakawayDbContext db, string key, long length) : Stream
    {
        private long _position;
        private int _chunkIndex = -1;
        private byte[] _chunk = [];

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = Math.Clamp(value, 0, length);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= length || buffer.Length == 0)
            {
                return 0;
            }

            var index = (int)(_position / ChunkBytes);
            if (index != _chunkIndex)
            {
                _chunk = await db.Set<MediaChunk>().Where(c => c.Key == key && c.Number == index).Select(c => c.Data).FirstAsync(cancellationToken);
                _chunkIndex = index;
            }

            var within = (int)(_position - ((long)index * ChunkBytes));
            var count = Math.Min(buffer.Length, _chunk.Length - within);
            _chunk.AsMemory(within, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
