using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Data.Seed;

/// <summary>
/// Demo patients with 60 days of history, so the dashboard and the benchmarks have something real to show:
/// good and poor adherence, rising and falling pain, stop cues, one open red flag. Generated from a fixed
/// seed, so every install gets the same story (dated back from the day it was seeded). The accounts have no
/// password: nobody can sign in as them.
/// </summary>
public sealed class DemoHistorySeeder(BreakawayDbContext db, UserManager<AppUser> users, ClinicClock clock, IOptions<DemoOptions> demo)
{
    private static readonly string[] Names =
    [
        "Ada Example", "Ben Sample", "Cora Testwell", "Dev Placeholder", "Edie Mockford", "Finn Fixture", "Gus Trial", "Hana Specimen",
        "Ivo Dummy", "Jude Pretend", "Kit Imaginary", "Lena Madeup", "Milo Notreal", "Nia Fictional", "Otto Inventa", "Pia Stand-in",
        "Quin Samplesson", "Rae Testerly", "Sol Examplar", "Tess Demoworth",
    ];

    private enum Story
    {
        RedFlag,
        RisingPain,
        StopCues,
        PoorAdherence,
        Quiet,
        Improving,
    }

    public async Task SeedAsync()
    {
        var count = Math.Min(demo.Value.HistoryPatients, Names.Length);
        if (!demo.Value.Enabled || count == 0 || await db.Users.AnyAsync(u => u.UserName == "demo-history-01"))
        {
            return;
        }

        var template = await db.ProgramVersions
            .Where(v => v.Program.IsTemplate && v.Program.Title == ProgramSeeder.GluteTemplateTitle && v.PublishedUtc != null)
            .Include(v => v.Exercises).ThenInclude(e => e.Exercise).ThenInclude(x => x.StopCues)
            .FirstOrDefaultAsync();
        if (template is null)
        {
            return;
        }

        // Caseloads: every other history patient is the demo therapist's, the rest the demo admin's.
        var therapistId = (await users.FindByNameAsync("therapist@demo.test"))?.Id;
        var adminId = (await users.FindByNameAsync("admin@demo.test"))?.Id;
        var random = new Random(2026);
        var today = clock.Today();
        var nowUtc = clock.UtcNow();
        var start = today.AddDays(-60);
        for (var i = 0; i < count; i++)
        {
            var story = i switch
            {
                0 => Story.RedFlag,
                <= 3 => Story.RisingPain,
                <= 5 => Story.StopCues,
                <= 9 => Story.PoorAdherence,
                <= 11 => Story.Quiet,
                _ => Story.Improving,
            };
            var user = new AppUser { UserName = $"demo-history-{i + 1:00}", DisplayName = Names[i], IsDemo = true, CreatedUtc = nowUtc.AddDays(-61) };
            await users.CreateAsync(user);
            await users.AddToRoleAsync(user, Roles.Patient);
            var patient = new Patient { UserId = user.Id, CreatedUtc = user.CreatedUtc, PrimaryTherapistUserId = i % 2 == 0 ? therapistId : adminId };
            db.Patients.Add(patient);

            // Version 1 sixty days ago; a progression (more reps) 25 days ago for most stories.
            var v1 = Version(template, 1, start, nowUtc.AddDays(-60), 0);
            var program = new HomeProgram { Patient = patient, Title = ProgramSeeder.GluteTemplateTitle, Goal = "Less back pain when standing and walking.", CreatedUtc = nowUtc.AddDays(-60), CreationKey = Guid.NewGuid(), Versions = [v1] };
            ProgramVersion? v2 = null;
            if (story is not Story.Quiet)
            {
                v2 = Version(template, 2, today.AddDays(-25), nowUtc.AddDays(-25), 2);
                program.Versions.Add(v2);
            }

            db.Programs.Add(program);
            await db.SaveChangesAsync();

            var adherence = story switch { Story.PoorAdherence => 0.3, Story.Quiet => 0.7, _ => 0.85 };
            var sessions = new List<SessionLog>();
            for (var day = start; day < today; day = day.AddDays(1))
            {
                if (day.DayOfWeek == DayOfWeek.Sunday || random.NextDouble() > adherence || (story == Story.Quiet && day > today.AddDays(-10)))
                {
                    continue;
                }

                var version = v2 is not null && day >= v2.StartDate ? v2 : v1;
                var progress = (day.DayNumber - start.DayNumber) / 60.0;
                var basePain = story switch
                {
                    Story.RisingPain => day > today.AddDays(-7) ? 5.5 : 2.5,
                    Story.Improving => 5 - (3.5 * progress),
                    Story.RedFlag => 3 + (2 * progress),
                    _ => 3,
                };
                var logged = day.ToDateTime(new TimeOnly(17, random.Next(0, 59)), DateTimeKind.Utc);
                var session = new SessionLog { PatientId = patient.Id, ProgramVersionId = version.Id, Date = day, LoggedUtc = logged, IdempotencyKey = Guid.NewGuid() };
                foreach (var item in version.Exercises.OrderBy(e => e.Order))
                {
                    var exercise = template.Exercises.First(t => t.ExerciseId == item.ExerciseId).Exercise;
                    var pain = (int)Math.Clamp(Math.Round(basePain + (random.NextDouble() * 2) - 1), 0, 10);
                    var stop = story == Story.StopCues && day > today.AddDays(-5) && exercise.Slug == "locked-clamshell"
                        ? exercise.StopCues.OrderBy(c => c.Order).First(c => !c.IsPain) : null;
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

                sessions.Add(session);
            }

            db.SessionLogs.AddRange(sessions);
            await db.SaveChangesAsync();
            if (story == Story.RedFlag && sessions.Count > 0)
            {
                var last = sessions[^1];
                last.Signs = RedFlagSigns.PainDownLeg;
                db.RedFlags.Add(new RedFlag { PatientId = patient.Id, SessionLogId = last.Id, RaisedUtc = last.LoggedUtc, Reasons = "pain spreading down a leg" });
                await db.SaveChangesAsync();
            }

            // Each patient's rows are written: forget them, as the next request's context would. A context tracking
            // every patient seeded so far made each save slower than the one before (22 s for 20 patients, 3 s now).
            db.ChangeTracker.Clear();
        }
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
