using System.Net;
using Breakaway.Testing;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Media;

/// <summary><c>backup</c> carries the media folder inside the one backup file, and <c>restore</c> puts it back (SQLite, as the commands are).</summary>
public sealed class MediaBackupTests : IAsyncLifetime
{
    private readonly BreakawayFactory _site = new BreakawayFactory(TestDatabase.CreateEmptySqlite()).WithDemo();
    private readonly string _folder = Directory.CreateTempSubdirectory("breakaway-media-backup-").FullName;

    public ValueTask InitializeAsync()
    {
        _ = _site.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task BackupAndRestore_CarryThePhotos()
    {
        var staff = _site.NoRedirects();
        await staff.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        var exercise = await staff.GetDocumentAsync("/admin/exercises");
        var edit = exercise.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h is not null && System.Text.RegularExpressions.Regex.IsMatch(h, "^/admin/exercises/\\d+$"))!;
        var id = int.Parse(edit.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var upload = await staff.UploadAsync(id, "Photo", TestPhotos.PhoneJpeg(900, 600), "p.jpg", new Dictionary<string, string> { ["Photo.Alt"] = "A photo" });
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var slug = (await staff.GetDocumentAsync(edit)).QuerySelector("#Input_Slug")!.GetAttribute("value");
        var url = (await staff.GetDocumentAsync($"/exercises/{slug}")).QuerySelector(".exercise-media img")!.GetAttribute("src")!;
        var original = await staff.GetByteArrayAsync(url, TestContext.Current.CancellationToken);

        var backup = Path.Combine(_folder, "backup.db");
        var made = await AppCommand.RunAsync(_site.Database, ["backup", "--to", backup]);
        await using var restoredDatabase = TestDatabase.CreateEmptySqlite();
        var restore = await AppCommand.RunAsync(restoredDatabase, ["restore", "--from", backup]);

        Assert.True(made.ExitCode == 0, made.ToString());
        Assert.Contains("media files", made.Output, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.NotEmpty(Directory.GetFiles(restoredDatabase.MediaFolder, "*.jpg", SearchOption.AllDirectories));
        await using var restored = new BreakawayFactory(restoredDatabase, ownsDatabase: false).WithDemo();
        Assert.Equal(original, await restored.CreateClient().GetByteArrayAsync(url, TestContext.Current.CancellationToken));
    }
}
