using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.HomePrograms;

/// <summary>
/// Creating, copying and publishing programs: the pieces the builder, the templates and the demo data share.
/// Published versions are never changed; edits go to the program's one draft.
/// </summary>
public sealed class ProgramService(BreakawayDbContext db, ClinicClock clock, IOptions<ProgramOptions> options)
{
    /// <summary>Creates a program (for a patient, or a template) with a draft, copied from a template when given.</summary>
    public async Task<HomeProgram> CreateAsync(int? patientId, string title, string? goal, int? templateId, Guid creationKey, string? userId)
    {
        var existing = await db.Programs.FirstOrDefaultAsync(p => p.CreationKey == creationKey);
        if (existing is not null)
        {
            return existing; // A double-submitted form.
        }

        var now = clock.UtcNow();
        var draft = new ProgramVersion { StartDate = clock.Today(), Days = WeekDays.MondayToSaturday, CreatedUtc = now, CreatedByUserId = userId };
        if (templateId is { } id)
        {
            var source = await LatestAsync(id, includeDraft: true)
                ?? throw new InvalidOperationException("The template has no content.");
            CopyInto(source, draft);
            draft.StartDate = clock.Today();
            goal ??= await db.Programs.Where(p => p.Id == id).Select(p => p.Goal).SingleAsync();
        }

        var program = new HomeProgram
        {
            PatientId = patientId,
            IsTemplate = patientId is null,
            Title = title,
            Goal = goal,
            CreatedUtc = now,
            CreatedByUserId = userId,
            CreationKey = creationKey,
            Versions = [draft],
        };
        db.Programs.Add(program);
        if (templateId is { } fromTemplate && patientId is { } forPatient)
        {
            // Outcome measures the template carries start with the program.
            await Measures.MeasureService.StageTemplatePlansAsync(db, fromTemplate, forPatient, clock.Today(), now, userId);
        }

        await db.SaveChangesAsync();
        return program;
    }

    /// <summary>The latest published version (or, when asked and nothing is published, the draft), with its exercises, untracked.</summary>
    public async Task<ProgramVersion?> LatestAsync(int programId, bool includeDraft = false)
    {
        var versions = db.ProgramVersions
            .Where(v => v.ProgramId == programId)
            .Include(v => v.Exercises.OrderBy(e => e.Order)).ThenInclude(e => e.Exercise)
            .AsSplitQuery();
        var published = await versions.Where(v => v.PublishedUtc != null).OrderByDescending(v => v.Number).FirstOrDefaultAsync();
        return published is not null || !includeDraft ? published : await versions.FirstOrDefaultAsync(v => v.PublishedUtc == null);
    }

    /// <summary>The program's draft, tracked; made from the latest published version when there is none.</summary>
    public async Task<ProgramVersion> DraftAsync(int programId, string? userId)
    {
        var draft = await db.ProgramVersions.AsTracking()
            .Include(v => v.Exercises.OrderBy(e => e.Order)).ThenInclude(e => e.Exercise)
            .AsSplitQuery()
            .FirstOrDefaultAsync(v => v.ProgramId == programId && v.PublishedUtc == null);
        if (draft is not null)
        {
            return draft;
        }

        var latest = await LatestAsync(programId) ?? throw new InvalidOperationException("A program always has a version.");
        draft = new ProgramVersion { ProgramId = programId, CreatedUtc = clock.UtcNow(), CreatedByUserId = userId };
        CopyInto(latest, draft);
        db.ProgramVersions.Add(draft);
        await db.SaveChangesAsync();
        return await DraftAsync(programId, userId);
    }

    /// <summary>Freezes the draft as the next version and saves. Returns its number, or null when there was no draft (a repeated click).</summary>
    public async Task<int?> PublishAsync(int programId, string? userId)
    {
        var number = await StagePublishAsync(programId, userId);
        if (number is not null)
        {
            await db.SaveChangesAsync();
        }

        return number;
    }

    /// <summary>
    /// Gives the draft the next version number and freezes it, without saving: the caller saves it with its own
    /// changes and audit row in one SaveChanges, so assigning a program commits once. Returns the number, or null
    /// when there is no draft (a repeated click: the first one published it).
    /// </summary>
    public async Task<int?> StagePublishAsync(int programId, string? userId)
    {
        // The caller's tracked draft, with its unsaved edits, when it has loaded it already.
        var draft = db.ProgramVersions.Local.FirstOrDefault(v => v.ProgramId == programId && v.PublishedUtc == null)
            ?? await db.ProgramVersions.AsTracking().FirstOrDefaultAsync(v => v.ProgramId == programId && v.PublishedUtc == null);
        if (draft is null)
        {
            return null;
        }

        var last = await db.ProgramVersions.Where(v => v.ProgramId == programId && v.PublishedUtc != null).MaxAsync(v => (int?)v.Number) ?? 0;
        draft.Number = last + 1;
        draft.PublishedUtc = clock.UtcNow();
        draft.PublishedByUserId = userId;
        return draft.Number;
    }

    public int EstimateMinutes(IEnumerable<ProgramExercise> exercises) => EstimateMinutes(exercises.Select(e => e.Dose));

    /// <summary>
    /// Minutes per session: each rep takes <see cref="ProgramOptions.SecondsPerRep"/> plus its hold, per-side work
    /// counts twice, rest between sets, and a short change-over between exercises. Rounded up.
    /// </summary>
    public int EstimateMinutes(IEnumerable<Dose> doses)
    {
        var settings = options.Value;
        var seconds = 0;
        var count = 0;
        foreach (var dose in doses)
        {
            var sides = dose.PerSide ? 2 : 1;
            seconds += dose.Sets * dose.Reps * (settings.SecondsPerRep + dose.HoldSeconds) * sides;
            seconds += Math.Max(0, dose.Sets - 1) * dose.RestSeconds;
            count++;
        }

        seconds += Math.Max(0, count - 1) * settings.SecondsBetweenExercises;
        return (int)Math.Ceiling(seconds / 60.0);
    }

    public IReadOnlyList<string> BudgetWarnings(int exerciseCount, int minutes)
    {
        var settings = options.Value;
        var warnings = new List<string>();
        if (exerciseCount > settings.MaxExercises)
        {
            warnings.Add($"This program has {exerciseCount} exercises. Programs of more than {settings.MaxExercises} get done less often; consider leaving some out.");
        }

        if (minutes > settings.MaxMinutes)
        {
            warnings.Add($"A session takes about {minutes} minutes. Sessions longer than {settings.MaxMinutes} minutes get done less often; consider fewer sets or exercises.");
        }

        return warnings;
    }

    private static void CopyInto(ProgramVersion source, ProgramVersion target)
    {
        target.StartDate = source.StartDate;
        target.EndDate = source.EndDate;
        target.Days = source.Days;
        target.TimesPerWeek = source.TimesPerWeek;
        target.Exercises = [.. source.Exercises.OrderBy(e => e.Order).Select((e, i) => new ProgramExercise
        {
            Order = i + 1,
            ExerciseId = e.ExerciseId,
            Dose = e.Dose,
            Resistance = e.Resistance,
            Note = e.Note,
        })];
    }
}
