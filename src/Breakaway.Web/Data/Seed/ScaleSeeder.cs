using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data.Seed;

/// <summary>
/// The <c>seed-scale &lt;N&gt; --fake-patients</c> command, for benchmarks: adds generated patients until the database
/// has N, each with a program and 90 days of history (about five sessions a week, one exercise log per prescribed
/// exercise), through the app's own model and in batches. Refused in Production and without the flag. The accounts
/// are marked as demo accounts and have no password; nobody can sign in as them.
/// </summary>
public static class ScaleSeeder
{
    public const string Flag = "--fake-patients";
    private const int Batch = 100;
    private const int HistoryDays = 90;

    private static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Cora", "Dev", "Edie", "Finn", "Gus", "Hana", "Ivo", "Jude", "Kit", "Lena", "Milo", "Nia", "Otto", "Pia",
        "Quin", "Rae", "Sol", "Tess", "Uma", "Vic", "Wren", "Xavi", "Yara", "Zed", "Alma", "Bo", "Cyd", "Dara",
    ];

    private static readonly string[] LastNames =
    [
        "Example", "Sample", "Testwell", "Placeholder", "Mockford", "Fixture", "Trial", "Specimen", "Dummy", "Pretend",
        "Imaginary", "Madeup", "Notreal", "Fictional", "Inventa", "Standin", "Samplesson", "Testerly", "Examplar", "Demoworth",
    ];

    public static async Task<int> RunAsync(WebApplication app, string argument)
    {
        if (app.Environment.IsProduction())
        {
            await Console.Error.WriteLineAsync("seed-scale adds fake patients and never runs in Production; set ASPNETCORE_ENVIRONMENT to another name (for example Benchmark).");
            return 2;
        }

        if (!int.TryParse(argument, out var target) || target is < 1 or > 100_000)
        {
            await Console.Error.WriteLineAsync("seed-scale needs a number of patients between 1 and 100000.");
            return 2;
        }

        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BreakawayDbContext>();
        var clock = services.GetRequiredService<ClinicClock>();
        var template = await db.ProgramVersions
            .Where(v => v.Program.IsTemplate && v.Program.Title == ProgramSeeder.GluteTemplateTitle && v.PublishedUtc != null)
            .Include(v => v.Exercises).ThenInclude(e => e.Exercise).ThenInclude(x => x.StopCues)
            .FirstAsync();
        var patientRole = await db.Roles.Where(r => r.Name == Roles.Patient).Select(r => r.Id).SingleAsync();
        var existing = await db.Patients.CountAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(2200 + existing);
        for (var next = existing; next < target; next += Batch)
        {
            var count = Math.Min(Batch, target - next);
            var patients = await AddPatientsAsync(db, template, patientRole, clock, random, next, count);
            await AddHistoryAsync(db, template, clock, random, patients);
            db.ChangeTracker.Clear();
        }

        var added = Math.Max(0, target - existing);
        await Console.Out.WriteLineAsync($"Added {added} patients with {HistoryDays} days of history in {started.Elapsed.TotalSeconds:0.0} s; the database has {await db.Patients.CountAsync()} patients, {await db.SessionLogs.CountAsync()} sessions.");
        return 0;
    }

    private enum Story { Steady, RisingPain, StopCues, PoorAdherence, Quiet, RedFlag }

    private sealed record Generated(Patient Patient, Story Story, ProgramVersion First, ProgramVersion Second);

    private static async Task<List<Generated>> AddPatientsAsync(BreakawayDbContext db, ProgramVersion template, string patientRole, ClinicClock clock, Random random, int first, int count)
    {
        var nowUtc = clock.UtcNow();
        var today = clock.Today();
        var generated = new List<Generated>(count);
        for (var i = first; i < first + count; i++)
        {
            var userName = $"scale-{i + 1:00000}";
            var user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                IsDemo = true,
                CreatedUtc = nowUtc.AddDays(-HistoryDays - 1),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = patientRole });
            var patient = new Patient { UserId = user.Id, User = user, CreatedUtc = user.CreatedUtc };
            db.Patients.Add(patient);
            var roll = random.NextDouble();
            var story = roll switch
            {
                < 0.02 => Story.RedFlag,
                < 0.06 => Story.RisingPain,
                < 0.10 => Story.StopCues,
                < 0.25 => Story.PoorAdherence,
                < 0.32 => Story.Quiet,
                _ => Story.Steady,
            };
            var v1 = Version(template, 1, today.AddDays(-HistoryDays), nowUtc.AddDays(-HistoryDays), 0);
            var v2 = Version(template, 2, today.AddDays(-30), nowUtc.AddDays(-30), 2);
            db.Programs.Add(new HomeProgram
            {
                Patient = patient,
                Title = ProgramSeeder.GluteTemplateTitle,
                Goal = "Less back pain when standing and walking.",
                CreatedUtc = nowUtc.AddDays(-HistoryDays),
                CreationKey = Guid.NewGuid(),
                Versions = [v1, v2],
            });
            generated.Add(new Generated(patient, story, v1, v2));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return generated;
    }

    private static async Task AddHistoryAsync(BreakawayDbContext db, ProgramVersion template, ClinicClock clock, Random random, List<Generated> patients)
    {
        var today = clock.Today();
        var start = today.AddDays(-HistoryDays);
        foreach (var (patient, story, v1, v2) in patients)
        {
            var adherence = story switch { Story.PoorAdherence => 0.3, Story.Quiet => 0.8, _ => 0.85 };
            SessionLog? last = null;
            for (var day = start; day < today; day = day.AddDays(1))
            {
                if (day.DayOfWeek == DayOfWeek.Sunday || random.NextDouble() > adherence || (story == Story.Quiet && day > today.AddDays(-10)))
                {
                    continue;
                }

                var version = day >= v2.StartDate ? v2 : v1;
                var basePain = story switch
                {
                    Story.RisingPain => day > today.AddDays(-7) ? 6 : 2.5,
                    Story.Steady => 4 - (2.0 * (day.DayNumber - start.DayNumber) / HistoryDays),
                    _ => 3,
                };
                var session = new SessionLog
                {
                    PatientId = patient.Id,
                    ProgramVersionId = version.Id,
                    Date = day,
                    LoggedUtc = day.ToDateTime(new TimeOnly(7 + random.Next(0, 14), random.Next(0, 59)), DateTimeKind.Utc),
                    IdempotencyKey = Guid.NewGuid(),
                };
                foreach (var item in version.Exercises)
                {
                    var exercise = template.Exercises.First(t => t.ExerciseId == item.ExerciseId).Exercise;
                    var pain = (int)Math.Clamp(Math.Round(basePain + (random.NextDouble() * 2) - 1), 0, 10);
                    var stop = story == Story.StopCues && day > today.AddDays(-5) && exercise.Slug == "locked-clamshell"
                        ? exercise.StopCues.OrderBy(c => c.Order).FirstOrDefault(c => !c.IsPain) : null;
                    session.Exercises.Add(new ExerciseLog
                    {
                        ProgramExerciseId = item.Id,
                        ExerciseId = item.ExerciseId,
                        Prescribed = item.Dose,
                        SetsCompleted = stop is null ? item.Dose.Sets : 1,
                        RepsPerSet = item.Dose.Reps,
                        Pain = pain,
                        Difficulty = pain >= 5 ? Difficulty.TooHard : Difficulty.AboutRight,
                        StopCueId = stop?.Id,
                        StopCueText = stop?.Text,
                    });
                }

                db.SessionLogs.Add(session);
                last = session;
            }

            if (story == Story.RedFlag && last is not null)
            {
                last.Signs = RedFlagSigns.PainDownLeg;
                db.RedFlags.Add(new RedFlag { PatientId = patient.Id, SessionLog = last, RaisedUtc = last.LoggedUtc, Reasons = "pain spreading down a leg" });
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private static ProgramVersion Version(ProgramVersion template, int number, DateOnly startDate, DateTime publishedUtc, int extraReps) => new()
    {
        Number = number,
        StartDate = startDate,
        Days = WeekDays.MondayToSaturday,
        CreatedUtc = publishedUtc,
        PublishedUtc = publishedUtc,
        Exercises = [.. template.Exercises.OrderBy(e => e.Order).Select(e => new ProgramExercise
        {
            Order = e.Order,
            ExerciseId = e.ExerciseId,
            Dose = e.Dose with { Reps = Math.Min(100, e.Dose.Reps + extraReps) },
        })],
    };
}
