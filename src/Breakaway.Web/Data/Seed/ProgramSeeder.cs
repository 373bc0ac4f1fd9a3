using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Breakaway.Web.HomePrograms;

namespace Breakaway.Web.Data.Seed;

/// <summary>
/// The starter template on every start, and the demo patients' programs when demo data is on. Seeded rows are
/// found again by fixed creation keys, so a restart never duplicates or overwrites them.
/// </summary>
public sealed class ProgramSeeder(BreakawayDbContext db, ProgramService programs, IOptions<DemoOptions> demo)
{
    public const string GluteTemplateTitle = "Glute activation for low back pain";
    private static readonly Guid GluteTemplateKey = new("6f1d2a10-0b7e-4c55-9a51-3f0f3b8a0001");
    private static readonly Guid DemoPatientProgramKey = new("6f1d2a10-0b7e-4c55-9a51-3f0f3b8a0002");
    private static readonly Guid OtherPatientProgramKey = new("6f1d2a10-0b7e-4c55-9a51-3f0f3b8a0003");

    public async Task SeedAsync()
    {
        var templateId = await EnsureAsync(GluteTemplateKey, null, GluteTemplateTitle,
            "Wake up the buttock muscles that steady your pelvis, so your low back carries less load.",
            ["pelvic-tilt", "glute-bridge", "locked-clamshell", "quadruped-fire-hydrant", "quadruped-donkey-kick"], WeekDays.MondayToSaturday, null);

        if (!demo.Value.Enabled)
        {
            return;
        }

        // The demo therapist assigns the demo programs, so no page says "assigned by unknown".
        var therapist = await db.Users.Where(u => u.UserName == "therapist@demo.test").Select(u => u.Id).SingleOrDefaultAsync();
        var demoPatient = await PatientIdAsync("patient@demo.test");
        if (demoPatient is { } first && templateId is { } template && !await db.Programs.AnyAsync(p => p.CreationKey == DemoPatientProgramKey))
        {
            var program = await programs.CreateAsync(first, GluteTemplateTitle, null, template, DemoPatientProgramKey, therapist);
            await programs.PublishAsync(program.Id, therapist);
        }

        if (await PatientIdAsync("patient2@demo.test") is { } other)
        {
            await EnsureAsync(OtherPatientProgramKey, other, "Strength for stairs and getting up",
                "Build leg and hip strength for stairs, getting out of a chair and lifting safely.",
                ["diaphragmatic-breathing", "bodyweight-squat", "step-up", "hip-hinge"], WeekDays.Monday | WeekDays.Wednesday | WeekDays.Friday, null, therapist);
        }
    }

    private async Task<int?> EnsureAsync(Guid key, int? patientId, string title, string goal, string[] slugs, WeekDays days, int? timesPerWeek, string? byUserId = null)
    {
        var existing = await db.Programs.Where(p => p.CreationKey == key).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }

        var exercises = await db.Exercises.Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug);
        if (exercises.Count != slugs.Length)
        {
            return null; // The library was changed by hand; do not guess.
        }

        var program = await programs.CreateAsync(patientId, title, goal, null, key, byUserId);
        var draft = await programs.DraftAsync(program.Id, byUserId);
        draft.Days = days;
        draft.TimesPerWeek = timesPerWeek;
        draft.Exercises = [.. slugs.Select((slug, i) => new ProgramExercise { Order = i + 1, ExerciseId = exercises[slug].Id, Dose = exercises[slug].Dose })];
        await db.SaveChangesAsync();
        await programs.PublishAsync(program.Id, byUserId);
        return program.Id;
    }

    private Task<int?> PatientIdAsync(string userName) =>
        db.Patients.Where(p => p.User.UserName == userName).Select(p => (int?)p.Id).SingleOrDefaultAsync();
}
