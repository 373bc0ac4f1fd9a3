using System.Collections.Concurrent;
using System.Net;
using Breakaway.Testing;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>
/// <c>backup</c> and <c>restore</c> are SQLite commands (PostgreSQL has pg_dump), so these tests bring their own SQLite
/// databases whichever provider the suite runs on. The commands run as real processes of the built app.
/// </summary>
public sealed class BackupTests : IAsyncLifetime
{
    // The app creates this file itself (not a copy of the test template), as on a new server: its mode is under test.
    private readonly BreakawayFactory _site = new BreakawayFactory(TestDatabase.CreateEmptySqlite()).WithDemo();
    private readonly string _folder = Directory.CreateTempSubdirectory("breakaway-backup-").FullName;

    public ValueTask InitializeAsync()
    {
        _ = _site.Services;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task BackupDuringAWriteBurst_RestoresIntoAFreshSite_WithEveryAcknowledgedSession()
    {
        var patient = _site.CreateClient(new() { AllowAutoRedirect = false });
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        var form = await patient.GetDocumentAsync("/my");
        var acknowledged = new ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource();

        // Eight writers log sessions as fast as the site takes them, each with its own idempotency key.
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var key = Guid.NewGuid();
                var values = Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "2");
                values["Input.IdempotencyKey"] = key.ToString();
                values["Input.AnotherToday"] = "true"; // "Yes, add another session today."
                using var response = await patient.SubmitAsync(form, values, "form.session-form", "/my");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Enqueue(key);
                }
            }
        })).ToList();

        while (acknowledged.Count < 40)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var beforeBackup = acknowledged.ToHashSet();
        var backup = Path.Combine(_folder, "breakaway-backup.db");
        var result = await AppCommand.RunAsync(_site.Database, ["backup", "--to", backup]);
        var countWhenBackupEnded = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(countWhenBackupEnded > beforeBackup.Count, "the writers kept writing while the backup ran");
        Assert.False(File.Exists(backup + "-wal"));

        // Restore into a new, empty location, and start a fresh site on it.
        await using var restoredDatabase = TestDatabase.CreateEmptySqlite();
        var restore = await AppCommand.RunAsync(restoredDatabase, ["restore", "--from", backup]);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        await using var restored = new BreakawayFactory(restoredDatabase, ownsDatabase: false).WithDemo();
        await using var scope = restored.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var stored = (await db.SessionLogs.Select(s => s.IdempotencyKey).ToListAsync(TestContext.Current.CancellationToken)).ToHashSet();

        Assert.Subset(stored, beforeBackup);

        // A consistent snapshot: every session in the copy has all five of its exercise rows.
        var incomplete = await db.SessionLogs.Where(s => s.Exercises.Count != 5).CountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, incomplete);
        Assert.Equal("ok", await Scalar(restoredDatabase.SqliteFile!, "PRAGMA integrity_check;"));

        // And the restored site works: the patient signs in and sees the day's sessions.
        var client = restored.CreateClient();
        var signedIn = await client.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        Assert.Equal("/my", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Restore_RefusesWhileTheSiteRuns_AndChangesNothing()
    {
        var backup = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await AppCommand.RunAsync(_site.Database, ["backup", "--to", backup])).ExitCode);

        var result = await AppCommand.RunAsync(_site.Database, ["restore", "--from", backup]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The site is running", result.Errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_site.Database.SqliteFile)!, Path.GetFileName(_site.Database.SqliteFile) + ".before-restore-*"));
    }

    [Fact]
    public async Task Restore_OverAnOldDatabase_KeepsTheOldOne()
    {
        var backup = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await AppCommand.RunAsync(_site.Database, ["backup", "--to", backup])).ExitCode);
        await using var stopped = TestDatabase.CreateSqlite();
        await using (var other = new BreakawayFactory(stopped, ownsDatabase: false))
        {
            _ = other.Services; // A site that ran once (library only) and was stopped.
        }

        var result = await AppCommand.RunAsync(stopped, ["restore", "--from", backup]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(stopped.SqliteFile)!, Path.GetFileName(stopped.SqliteFile) + ".before-restore-*"));
        Assert.Equal("0", await Scalar(kept, "SELECT COUNT(*) FROM \"AspNetUsers\";"));
        Assert.NotEqual("0", await Scalar(stopped.SqliteFile!, "SELECT COUNT(*) FROM \"AspNetUsers\";"));
        File.Delete(kept);
    }

    [Fact]
    public async Task Backup_NeverOverwritesAFile_AndRestoreRejectsWhatIsNotABackup()
    {
        var existing = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me", TestContext.Current.CancellationToken);

        var backup = await AppCommand.RunAsync(_site.Database, ["backup", "--to", existing]);
        var restore = await AppCommand.RunAsync(_site.Database, ["restore", "--from", existing]);

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("already exists", backup.Errors, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("cannot be restored", restore.Errors, StringComparison.Ordinal);
    }

    /// <summary>Whoever else has an account on the server cannot read the patients' records: every file is 0600.</summary>
    [Fact]
    public async Task DatabaseAndBackupFiles_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes; on Windows the folder's access rules apply.");
            return;
        }

        var backup = Path.Combine(_folder, "owner-only.db");
        Assert.Equal(0, (await AppCommand.RunAsync(_site.Database, ["backup", "--to", backup])).ExitCode);
        await using var stopped = TestDatabase.CreateEmptySqlite();
        await using (var other = new BreakawayFactory(stopped, ownsDatabase: false))
        {
            _ = other.Services;
        }

        Assert.True((await AppCommand.RunAsync(stopped, ["restore", "--from", backup])).ExitCode == 0);

        // -wal and -shm exist only while a connection is open: hold one of the site's own while the modes are read.
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await db.Exercises.CountAsync(TestContext.Current.CancellationToken);
        var site = _site.Database.SqliteFile!;
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(stopped.SqliteFile)!, Path.GetFileName(stopped.SqliteFile) + ".before-restore-*"));
        string[] files = [site, site + "-wal", site + "-shm", site + ".lock", backup, stopped.SqliteFile!, stopped.SqliteFile + ".lock", kept];
        var open = new List<string>();
        foreach (var file in files)
        {
            var mode = File.Exists(file) ? File.GetUnixFileMode(file) : (UnixFileMode?)null;
            if (mode != (UnixFileMode.UserRead | UnixFileMode.UserWrite))
            {
                open.Add($"{file}: {mode?.ToString() ?? "missing"}");
            }
        }

        Assert.True(open.Count == 0, string.Join('\n', open));
        File.Delete(kept);
    }

    private static async Task<string?> Scalar(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
