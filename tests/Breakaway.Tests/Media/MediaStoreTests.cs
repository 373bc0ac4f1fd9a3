using Breakaway.Tests.Support;
using Breakaway.Web.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Media;

/// <summary>
/// The same tests for both <see cref="IMediaStore"/> implementations: the file store, and the database store on the
/// suite's provider (SQLite, or PostgreSQL when <c>BREAKAWAY_TEST_PROVIDER=Postgres</c>, as in CI).
/// </summary>
public abstract class MediaStoreTests(string store) : IAsyncLifetime
{
    private readonly BreakawayFactory _site = new BreakawayFactory().With("Media:Store", store);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = _site.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static string Key(char c, string suffix = ".mp4") => new string(c, 64) + suffix;

    [Fact]
    public async Task Save_ThenOpen_ReturnsTheSameBytes_AndSeeksAcrossChunks()
    {
        var bytes = new byte[(DatabaseMediaStore.ChunkBytes * 2) + 12_345];
        Random.Shared.NextBytes(bytes);
        await using var scope = _site.Services.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<IMediaStore>();

        Assert.False(await media.ExistsAsync(Key('a'), Cancel));
        await media.SaveAsync(Key('a'), new MemoryStream(bytes), Cancel);
        var file = await media.OpenAsync(Key('a'), Cancel);

        Assert.True(await media.ExistsAsync(Key('a'), Cancel));
        Assert.NotNull(file);
        await using var content = file.Content;
        Assert.Equal(bytes.Length, file.Length);
        Assert.True(content.CanSeek);
        content.Seek(DatabaseMediaStore.ChunkBytes - 10, SeekOrigin.Begin);
        var across = new byte[20];
        await content.ReadExactlyAsync(across, Cancel);
        Assert.Equal(bytes[(DatabaseMediaStore.ChunkBytes - 10)..(DatabaseMediaStore.ChunkBytes + 10)], across);
        content.Position = 0;
        using var all = new MemoryStream();
        await content.CopyToAsync(all, Cancel);
        Assert.Equal(bytes, all.ToArray());
    }

    [Fact]
    public async Task Save_OfAnExistingName_KeepsTheFirstCopy()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<IMediaStore>();

        await media.SaveAsync(Key('b', "-480.jpg"), new MemoryStream([1, 2, 3]), Cancel);
        await media.SaveAsync(Key('b', "-480.jpg"), new MemoryStream([9, 9, 9, 9]), Cancel);
        var file = await media.OpenAsync(Key('b', "-480.jpg"), Cancel);

        await using var content = file!.Content;
        using var read = new MemoryStream();
        await content.CopyToAsync(read, Cancel);
        Assert.Equal([1, 2, 3], read.ToArray());
    }

    [Fact]
    public async Task Open_OfAnUnknownName_IsNull_AndANameThatIsNotAKeyIsRefused()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<IMediaStore>();

        Assert.Null(await media.OpenAsync(Key('c'), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => media.SaveAsync("../../etc/passwd", new MemoryStream([1]), Cancel));
    }

    [Fact]
    public async Task DeleteAll_RemovesEveryVariantOfOneHash_AndLeavesOtherHashesAlone()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        string[] gone = [Key('d', "-480.webp"), Key('d', "-480.jpg"), Key('d', "-960.jpg"), Key('d', "-poster.jpg"), Key('d')];
        foreach (var key in gone.Append(Key('e', "-480.jpg")))
        {
            await media.SaveAsync(key, new MemoryStream(new byte[DatabaseMediaStore.ChunkBytes + 5]), Cancel);
        }

        await media.DeleteAllAsync(new string('d', 64), Cancel);

        foreach (var key in gone)
        {
            Assert.False(await media.ExistsAsync(key, Cancel), key);
            Assert.Null(await media.OpenAsync(key, Cancel));
        }

        Assert.True(await media.ExistsAsync(Key('e', "-480.jpg"), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => media.DeleteAllAsync("d*", Cancel));
    }
}

public sealed class FileMediaStoreTests() : MediaStoreTests("Files");

public sealed class DatabaseMediaStoreTests() : MediaStoreTests("Database");
