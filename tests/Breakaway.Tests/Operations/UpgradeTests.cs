using System.Data.Common;
using System.Globalization;
using Breakaway.Testing;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>
/// Upgrades never lose a record. A database is built at the first committed migration and filled as the release of
/// that day would have filled it (frozen SQL-level inserts, so the fixtures keep describing the old schema when the
/// model moves on); each later migration is applied in turn and every row present before it must be there after it,
/// value for value, in every column that still exists. On PostgreSQL the first migration already has every table.
/// </summary>
public sealed class UpgradeTests
{
    private static readonly DateTime When = new(2026, 1, 5, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Key = Guid.Parse("6f1c2b7e-3d4a-4b8e-9a51-0c2d3e4f5a6b");

    private static BreakawayDbContext Context(TestDatabase database) => database.Provider == nameof(DatabaseProvider.Postgres)
        ? new PostgresBreakawayDbContext(new DbContextOptionsBuilder<PostgresBreakawayDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteBreakawayDbContext(new DbContextOptionsBuilder<SqliteBreakawayDbContext>().UseSqlite(database.ConnectionString).Options);

    [Fact]
    public async Task EveryRow_SurvivesEachMigration_FromTheFirstToTheLatest()
    {
        await using var database = TestDatabase.SuiteUsesPostgres ? TestDatabase.CreateEmptyPostgres() : TestDatabase.CreateEmptySqlite();
        await using (var db = Context(database))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[0], TestContext.Current.CancellationToken);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            var connection = db.Database.GetDbConnection();
            var postgres = database.Provider == nameof(DatabaseProvider.Postgres);
            var pending = Fixtures(postgres).ToList();
            await ApplyReadyFixturesAsync(connection, pending);
            var before = await SnapshotAsync(connection, postgres);
            Assert.True(before.Values.Sum(rows => rows.Count) >= 3, "the first migration's tables were filled");

            foreach (var migration in migrations.Skip(1))
            {
                await migrator.MigrateAsync(migration, TestContext.Current.CancellationToken);
                var after = await SnapshotAsync(connection, postgres);
                foreach (var (table, rows) in before)
                {
                    Assert.True(after.ContainsKey(table), $"{migration} dropped the table {table}");
                    var kept = after[table];
                    var columns = kept.FirstOrDefault()?.Keys.ToHashSet() ?? [];
                    var dropped = rows.SelectMany(r => r.Where(c => c.Value is not null && kept.Count > 0 && !columns.Contains(c.Key)).Select(c => c.Key)).Distinct().ToList();
                    Assert.True(dropped.Count == 0, $"{migration} dropped column(s) of {table} that held data: {string.Join(", ", dropped)}");
                    foreach (var row in rows)
                    {
                        Assert.True(kept.Any(k => row.All(c => !k.ContainsKey(c.Key) || Equals(k[c.Key], c.Value))),
                            $"{migration} lost or changed a row of {table}: {string.Join(", ", row.Select(c => $"{c.Key}={c.Value}"))}");
                    }

                    Assert.Equal(rows.Count, kept.Count);
                }

                await ApplyReadyFixturesAsync(connection, pending);
                before = await SnapshotAsync(connection, postgres);
            }

            Assert.Empty(pending); // Every fixture found its tables.
        }

        // The latest release starts on the upgraded database and reads the old records through its own model.
        await using var site = new BreakawayFactory(database, ownsDatabase: false);
        var page = await site.CreateClient().GetStringAsync("/exercises/first-release-bridge", TestContext.Current.CancellationToken);
        Assert.Contains("Bridge from the first release", page, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var session = await model.SessionLogs.Include(s => s.Exercises).Include(s => s.Patient).ThenInclude(p => p.User)
            .SingleAsync(s => s.IdempotencyKey == Key, TestContext.Current.CancellationToken);
        Assert.Equal("Early Patient", session.Patient.User.DisplayName);
        Assert.Equal(3, Assert.Single(session.Exercises).Pain);
        Assert.Equal(1, await model.RedFlags.CountAsync(f => f.SessionLogId == session.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartUp_RefusesADatabaseFromANewerRelease_AndChangesNothing()
    {
        await using var database = TestDatabase.Create();
        await using (var site = new BreakawayFactory(database, ownsDatabase: false))
        {
            await using var scope = site.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')",
                TestContext.Current.CancellationToken);
        }

        var result = await AppCommand.RunAsync(database, ["--urls", "http://127.0.0.1:0"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("upgraded by a newer version of Breakaway", result.Errors, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", result.Errors, StringComparison.Ordinal);
        await using var check = Context(database);
        Assert.Contains("29991231000000_FromTheFuture", await check.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    private sealed record Fixture(string[] Tables, string Table, Dictionary<string, object?> Values);

    /// <summary>What each release wrote, column by column, frozen. Ids are fixed so later rows can point at earlier ones.</summary>
    private static IEnumerable<Fixture> Fixtures(bool postgres)
    {
        object List(params string[] items) => postgres ? items : System.Text.Json.JsonSerializer.Serialize(items);
        object Guid(Guid value) => postgres ? value : value.ToString().ToUpperInvariant();

        // 20261125121831_InitialCreate: the exercise library.
        foreach (var (id, slug, name) in new[] { (9001, "first-release-bridge", "Bridge from the first release"), (9002, "first-release-march", "Marching bridge from the first release") })
        {
            yield return new(["Exercises"], "Exercises", new()
            {
                ["Id"] = id, ["Slug"] = slug, ["Name"] = name, ["Purpose"] = "Wakes up the buttock muscles.", ["BodyRegion"] = "Hips",
                ["Category"] = "Activation", ["StartingPosition"] = "Lie on your back with knees bent.", ["Steps"] = List("Squeeze.", "Lift.", "Lower."),
                ["SideName"] = "side", ["FormCues"] = List("You feel it in the buttocks."), ["IsPublic"] = true, ["IsArchived"] = false,
                ["CreatedUtc"] = When, ["UpdatedUtc"] = When, ["DefaultHoldSeconds"] = 5, ["DefaultPerSide"] = false, ["DefaultReps"] = 10,
                ["DefaultRestSeconds"] = 30, ["DefaultSets"] = 2, ["DefaultTimesPerWeek"] = 6, ["HoldAt"] = "at the top",
            });
        }

        yield return new(["StopCues"], "StopCues", new() { ["Id"] = 9001, ["ExerciseId"] = 9001, ["Order"] = 0, ["Text"] = "Sharp pain in the back.", ["IsPain"] = true });
        yield return new(["StopCues"], "StopCues", new() { ["Id"] = 9002, ["ExerciseId"] = 9001, ["Order"] = 1, ["Text"] = "Cramp in the hamstrings.", ["IsPain"] = false });
        yield return new(["ExerciseProgressions"], "ExerciseProgressions", new() { ["EasierId"] = 9001, ["HarderId"] = 9002 });

        // 20261125123544_Accounts: a patient account and an audit entry.
        yield return new(["AspNetUsers"], "AspNetUsers", new()
        {
            ["Id"] = "early-user", ["DisplayName"] = "Early Patient", ["CreatedUtc"] = When, ["IsDemo"] = false, ["UserName"] = "early",
            ["NormalizedUserName"] = "EARLY", ["EmailConfirmed"] = false, ["PhoneNumberConfirmed"] = false, ["TwoFactorEnabled"] = false,
            ["LockoutEnabled"] = true, ["AccessFailedCount"] = 0, ["SecurityStamp"] = "STAMP",
        });
        yield return new(["Patients"], "Patients", new() { ["Id"] = 9001, ["UserId"] = "early-user", ["CreatedUtc"] = When, ["DateOfBirth"] = new DateOnly(1950, 3, 1) });
        yield return new(["AuditEntries"], "AuditEntries", new() { ["Id"] = 9001L, ["TimestampUtc"] = When, ["Action"] = "patient.created", ["PatientId"] = 9001, ["Detail"] = "early" });

        // 20261125125545_Programs: a program with one exercise.
        yield return new(["Programs"], "Programs", new()
        {
            ["Id"] = 9001, ["PatientId"] = 9001, ["IsTemplate"] = false, ["Title"] = "Early program", ["CreatedUtc"] = When, ["CreationKey"] = Guid(Key),
        });
        yield return new(["ProgramVersions"], "ProgramVersions", new()
        {
            ["Id"] = 9001, ["ProgramId"] = 9001, ["Number"] = 1, ["StartDate"] = new DateOnly(2026, 1, 5), ["Days"] = 63, ["CreatedUtc"] = When, ["PublishedUtc"] = When,
        });
        yield return new(["ProgramExercises"], "ProgramExercises", new()
        {
            ["Id"] = 9001, ["VersionId"] = 9001, ["Order"] = 0, ["ExerciseId"] = 9001, ["Note"] = "Go slowly.", ["Dose_HoldSeconds"] = 5,
            ["Dose_PerSide"] = false, ["Dose_Reps"] = 10, ["Dose_RestSeconds"] = 30, ["Dose_Sets"] = 2, ["Dose_TimesPerWeek"] = 6,
        });
        yield return new(["AssignedReadings"], "AssignedReadings", new() { ["Id"] = 9001, ["PatientId"] = 9001, ["ArticleSlug"] = "early-reading", ["AssignedUtc"] = When });

        // 20261125131321_SessionLogs: a logged session with a stop cue and a red flag.
        yield return new(["SessionLogs"], "SessionLogs", new()
        {
            ["Id"] = 9001L, ["PatientId"] = 9001, ["ProgramVersionId"] = 9001, ["Date"] = new DateOnly(2026, 1, 6), ["LoggedUtc"] = When.AddDays(1),
            ["IdempotencyKey"] = Guid(Key), ["Signs"] = 1,
        });
        yield return new(["ExerciseLogs"], "ExerciseLogs", new()
        {
            ["Id"] = 9001L, ["SessionLogId"] = 9001L, ["ProgramExerciseId"] = 9001, ["ExerciseId"] = 9001, ["SetsCompleted"] = 1, ["RepsPerSet"] = 8,
            ["Pain"] = 3, ["Difficulty"] = "AboutRight", ["StopCueId"] = 9002, ["StopCueText"] = "Cramp in the hamstrings.", ["StopCueWasPain"] = false,
            ["Prescribed_HoldSeconds"] = 5, ["Prescribed_PerSide"] = false, ["Prescribed_Reps"] = 10, ["Prescribed_RestSeconds"] = 30,
            ["Prescribed_Sets"] = 2, ["Prescribed_TimesPerWeek"] = 6,
        });
        yield return new(["RedFlags"], "RedFlags", new() { ["Id"] = 9001L, ["PatientId"] = 9001, ["SessionLogId"] = 9001L, ["RaisedUtc"] = When.AddDays(1), ["Reasons"] = "Numbness" });
    }

    private static async Task ApplyReadyFixturesAsync(DbConnection connection, List<Fixture> pending)
    {
        var tables = await TablesAsync(connection, connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal));
        foreach (var fixture in pending.Where(f => f.Tables.All(tables.Contains)).ToList())
        {
            await using var command = connection.CreateCommand();
            var columns = fixture.Values.Keys.ToList();
            command.CommandText = $"INSERT INTO \"{fixture.Table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < columns.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"p{i}";
                parameter.Value = fixture.Values[columns[i]] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            pending.Remove(fixture);
        }
    }

    private static async Task<HashSet<string>> TablesAsync(DbConnection connection, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        tables.RemoveWhere(t => t.StartsWith("__EF", StringComparison.Ordinal) || t.StartsWith("sqlite_", StringComparison.Ordinal));
        return tables;
    }

    /// <summary>Every row of every table, as column → value (arrays and blobs as text, so they compare by content).</summary>
    private static async Task<Dictionary<string, List<Dictionary<string, object?>>>> SnapshotAsync(DbConnection connection, bool postgres)
    {
        var snapshot = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection, postgres))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var rows = new List<Dictionary<string, object?>>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.GetValue(i) switch
                    {
                        DBNull => null,
                        byte[] bytes => Convert.ToBase64String(bytes),
                        string[] items => string.Join("\u001f", items),
                        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                        var value => value,
                    };
                }

                rows.Add(row);
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }
}
