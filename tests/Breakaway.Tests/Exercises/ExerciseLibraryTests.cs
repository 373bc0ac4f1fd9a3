using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Data.Seed;
using Breakaway.Web.Domain;
using Breakaway.Web.Drawings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Exercises;

/// <summary>
/// The seeded library and the model's constraints, on a real migrated database. The class shares one site (its start-up
/// migrates and seeds); the two tests that change the library for good start their own.
/// </summary>
public sealed class ExerciseLibraryTests(SharedSite site) : IClassFixture<SharedSite>
{
    private async Task<T> WithDb<T>(Func<BreakawayDbContext, Task<T>> action, BreakawayFactory? own = null)
    {
        await using var scope = (own ?? site.Factory).Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    private Task<Exercise> Load(string slug, BreakawayFactory? own = null) =>
        WithDb(db => db.Exercises.Include(e => e.StopCues).SingleAsync(e => e.Slug == slug), own);

    [Theory]
    [InlineData("glute-bridge", 2, 10, 5, false)]
    [InlineData("locked-clamshell", 2, 15, 0, true)]
    [InlineData("quadruped-fire-hydrant", 2, 12, 0, true)]
    [InlineData("quadruped-donkey-kick", 2, 12, 0, true)]
    public async Task Seed_StarterGluteExercises_HaveTheFactSheetDoses(string slug, int sets, int reps, int hold, bool perSide)
    {
        var exercise = await Load(slug);

        Assert.Equal(sets, exercise.Dose.Sets);
        Assert.Equal(reps, exercise.Dose.Reps);
        Assert.Equal(hold, exercise.Dose.HoldSeconds);
        Assert.Equal(perSide, exercise.Dose.PerSide);
        Assert.NotEmpty(exercise.StopCues);
        Assert.NotEmpty(exercise.Steps);
    }

    [Fact]
    public async Task Seed_GluteBridge_HasThreeStopCues_OneOfThemPain()
    {
        var bridge = await Load("glute-bridge");

        Assert.Equal(3, bridge.StopCues.Count);
        Assert.Single(bridge.StopCues, c => c.IsPain);
        Assert.Equal("2 sets of 10, hold 5 seconds at the top", bridge.Dose.Describe(bridge.SideName, bridge.HoldAt));
    }

    [Fact]
    public async Task Seed_FireHydrantAndDonkeyKick_AreDosedPerLeg()
    {
        Assert.Equal("2 sets of 12 on each leg", (await Load("quadruped-fire-hydrant")).Dose.Describe("leg"));
        Assert.Equal("leg", (await Load("quadruped-donkey-kick")).SideName);
    }

    [Fact]
    public async Task Seed_FunctionalMovesAreProgressionsOfTheGluteExercises()
    {
        var harder = await WithDb(db => db.ExerciseProgressions
            .Where(p => p.Easier.Slug == "glute-bridge" || p.Easier.Slug == "locked-clamshell"
                || p.Easier.Slug == "quadruped-fire-hydrant" || p.Easier.Slug == "quadruped-donkey-kick")
            .Select(p => p.Harder.Slug)
            .ToListAsync());

        Assert.Contains("bodyweight-squat", harder);
        Assert.Contains("split-squat", harder);
        Assert.Contains("step-up", harder);
        Assert.Contains("hip-hinge", harder);
    }

    [Fact]
    public async Task Seed_HasWarmUpsAndBandedVariants()
    {
        var slugs = await WithDb(db => db.Exercises.Select(e => e.Slug).ToListAsync());

        Assert.Contains("pelvic-tilt", slugs);
        Assert.Contains("diaphragmatic-breathing", slugs);
        Assert.Contains(slugs, s => s.StartsWith("banded-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_EveryProgressionTargetExists_AndNoneLinksToItself()
    {
        var slugs = ExerciseLibrary.All.Select(e => e.Slug).ToHashSet();

        Assert.Equal(ExerciseLibrary.All.Count, slugs.Count);
        Assert.All(ExerciseLibrary.All, e => Assert.All(e.ProgressesTo, target =>
        {
            Assert.Contains(target, slugs);
            Assert.NotEqual(e.Slug, target);
        }));
        var links = await WithDb(db => db.ExerciseProgressions.CountAsync());
        Assert.Equal(ExerciseLibrary.All.Sum(e => e.ProgressesTo.Length), links);
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothing()
    {
        var before = await WithDb(async db => (await db.Exercises.CountAsync(), await db.StopCues.CountAsync(), await db.ExerciseProgressions.CountAsync()));

        var added = await WithDb(db => new ExerciseSeeder(db, TimeProvider.System).SeedAsync());

        var after = await WithDb(async db => (await db.Exercises.CountAsync(), await db.StopCues.CountAsync(), await db.ExerciseProgressions.CountAsync()));
        Assert.Equal(0, added);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Seed_KeepsTherapistEdits_AndRemovedLinks()
    {
        await using var own = new BreakawayFactory();
        await WithDb(async db =>
        {
            var bridge = await db.Exercises.AsTracking().SingleAsync(e => e.Slug == "glute-bridge");
            bridge.Name = "Bridge (clinic wording)";
            bridge.Dose = bridge.Dose with { Reps = 8 };
            db.ExerciseProgressions.RemoveRange(await db.ExerciseProgressions.Where(p => p.EasierId == bridge.Id).ToListAsync());
            return await db.SaveChangesAsync();
        }, own);

        await WithDb(db => new ExerciseSeeder(db, TimeProvider.System).SeedAsync(), own);

        var reloaded = await Load("glute-bridge", own);
        Assert.Equal("Bridge (clinic wording)", reloaded.Name);
        Assert.Equal(8, reloaded.Dose.Reps);
        Assert.Equal(0, await WithDb(db => db.ExerciseProgressions.CountAsync(p => p.EasierId == reloaded.Id), own));
    }

    /// <summary>The locked clamshell as first shipped, as a database that started then still holds it.</summary>
    private const string FirstLockedClamshell = """
        {"elevation":30,"turn":35,"props":["Mat"],"positions":[{"label":"Start: top knee on the floor","pose":{"trunkPitch":-90,"trunkRoll":100,"rightHipFlex":5,"rightAnkle":10,"leftHipFlex":50,"leftHipAbduct":-25,"leftHipRotate":-20,"leftKnee":115,"leftAnkle":20,"rightShoulderFlex":170,"rightElbow":140,"leftShoulderFlex":10,"leftShoulderAbduct":-5,"leftElbow":10}},{"label":"Top knee lifted a little","pose":{"trunkPitch":-90,"trunkRoll":100,"rightHipFlex":5,"rightAnkle":10,"leftHipFlex":50,"leftHipAbduct":-8,"leftHipRotate":-40,"leftKnee":115,"leftAnkle":20,"rightShoulderFlex":170,"rightElbow":140,"leftShoulderFlex":10,"leftShoulderAbduct":-5,"leftElbow":10}}],"arrow":"LeftKnee"}
        """;

    [Fact]
    public async Task Seed_RedrawsALibraryDrawingStillAsShipped_ButKeepsOneATherapistChanged()
    {
        await using var own = new BreakawayFactory();
        var first = DrawingJson.Read(FirstLockedClamshell)!;
        var tuned = first with { Elevation = 40 };
        var longAgo = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        await WithDb(async db =>
        {
            var locked = await db.Exercises.AsTracking().SingleAsync(e => e.Slug == "locked-clamshell");
            var banded = await db.Exercises.AsTracking().SingleAsync(e => e.Slug == "banded-clamshell");
            (locked.Drawing, locked.UpdatedUtc) = (first, longAgo);
            (banded.Drawing, banded.UpdatedUtc) = (tuned, longAgo);
            return await db.SaveChangesAsync();
        }, own);

        await WithDb(db => new ExerciseSeeder(db, TimeProvider.System).SeedAsync(), own);

        var (lockedAfter, bandedAfter) = (await Load("locked-clamshell", own), await Load("banded-clamshell", own));
        Assert.True(LibraryDrawings.IsSuperseded("locked-clamshell", first));
        Assert.Equal(DrawingJson.Write(LibraryDrawings.BySlug["locked-clamshell"]), DrawingJson.Write(lockedAfter.Drawing!));
        Assert.True(lockedAfter.UpdatedUtc > longAgo, "a new version, so the builder fetches the new thumbnail");
        Assert.Equal(DrawingJson.Write(tuned), DrawingJson.Write(bandedAfter.Drawing!));
        Assert.Equal(longAgo, bandedAfter.UpdatedUtc);
    }

    [Fact]
    public async Task Seed_RestoresADeletedExercise_ButOnlyThatOne()
    {
        await using var own = new BreakawayFactory();
        await WithDb(async db =>
        {
            var id = await db.Exercises.Where(e => e.Slug == "weighted-hip-hinge").Select(e => e.Id).SingleAsync();
            await db.ExerciseProgressions.Where(p => p.EasierId == id || p.HarderId == id).ExecuteDeleteAsync();
            return await db.Exercises.Where(e => e.Id == id).ExecuteDeleteAsync();
        }, own);

        var added = await WithDb(db => new ExerciseSeeder(db, TimeProvider.System).SeedAsync(), own);

        Assert.Equal(1, added);
        Assert.True(await WithDb(db => db.ExerciseProgressions.AnyAsync(p => p.Harder.Slug == "weighted-hip-hinge"), own));
    }

    [Fact]
    public async Task Model_DuplicateSlug_IsRejectedByTheDatabase()
    {
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => WithDb(db =>
        {
            db.Exercises.Add(new Exercise { Slug = "glute-bridge", Name = "Copy", Purpose = "p", StartingPosition = "s" });
            return db.SaveChangesAsync();
        }));

        // SQLite: "UNIQUE constraint failed: Exercises.Slug"; PostgreSQL: "... unique constraint "IX_Exercises_Slug"".
        Assert.Contains("unique", error.InnerException!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Slug", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_ProgressionToItself_IsRejectedByTheDatabase()
    {
        await Assert.ThrowsAsync<DbUpdateException>(() => WithDb(async db =>
        {
            var id = await db.Exercises.Where(e => e.Slug == "glute-bridge").Select(e => e.Id).SingleAsync();
            db.ExerciseProgressions.Add(new ExerciseProgression { EasierId = id, HarderId = id });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Model_ExerciseWithProgressions_CannotBeDeleted()
    {
        await Assert.ThrowsAsync<DbUpdateException>(() => WithDb(async db =>
        {
            var bridge = await db.Exercises.AsTracking().SingleAsync(e => e.Slug == "glute-bridge");
            db.Exercises.Remove(bridge);
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Sqlite_RunsInWalMode()
    {
        // A SQLite setting, so this test brings its own SQLite database whichever provider the suite runs on.
        await using var sqlite = new BreakawayFactory(Breakaway.Testing.TestDatabase.CreateEmptySqlite());
        await using var scope = sqlite.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }
}
