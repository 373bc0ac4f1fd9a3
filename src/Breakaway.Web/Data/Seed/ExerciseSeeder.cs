using Breakaway.Web.Domain;
using Breakaway.Web.Drawings;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data.Seed;

/// <summary>
/// Adds the starter library on every start, idempotently: an exercise is inserted only when its slug is
/// missing, and progression links only for exercises inserted in this run. Whatever a therapist edited,
/// archived or unlinked stays as they left it.
/// </summary>
public sealed class ExerciseSeeder(BreakawayDbContext db, TimeProvider clock)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Exercises.Select(e => e.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        await AddMissingDrawingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = new Dictionary<string, Exercise>(StringComparer.Ordinal);

        foreach (var seed in ExerciseLibrary.All.Where(s => !existing.Contains(s.Slug)))
        {
            var exercise = new Exercise
            {
                Slug = seed.Slug,
                Name = seed.Name,
                Purpose = seed.Purpose,
                BodyRegion = seed.Region,
                Category = seed.Category,
                StartingPosition = seed.StartingPosition,
                Steps = [.. seed.Steps],
                Dose = seed.Dose,
                HoldAt = seed.HoldAt,
                SideName = seed.SideName,
                Equipment = seed.Equipment,
                FormCues = [.. seed.FormCues],
                StopCues = [.. seed.StopCues.Select((c, i) => new StopCue { Order = i + 1, Text = c.Text, IsPain = c.IsPain })],
                Drawing = LibraryDrawings.BySlug.GetValueOrDefault(seed.Slug),
                IsPublic = true,
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            db.Exercises.Add(exercise);
            inserted.Add(seed.Slug, exercise);
        }

        if (inserted.Count == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);

        var ids = await db.Exercises.Select(e => new { e.Slug, e.Id }).ToDictionaryAsync(e => e.Slug, e => e.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var seed in ExerciseLibrary.All)
        {
            foreach (var harder in seed.ProgressesTo)
            {
                var touchesNew = inserted.ContainsKey(seed.Slug) || inserted.ContainsKey(harder);
                if (touchesNew && ids.TryGetValue(seed.Slug, out var easierId) && ids.TryGetValue(harder, out var harderId))
                {
                    db.ExerciseProgressions.Add(new ExerciseProgression { EasierId = easierId, HarderId = harderId });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return inserted.Count;
    }

    /// <summary>
    /// A library exercise from before drawings existed gets its drawing once. A drawing is something missing, like a
    /// missing exercise; one that a therapist changed is never touched. A library drawing that was redrawn since
    /// (<see cref="LibraryDrawings.IsSuperseded"/>) and is still exactly as shipped gets the new one, with a new
    /// version so the builder's cached thumbnail is fetched again.
    /// </summary>
    private async Task AddMissingDrawingsAsync(CancellationToken cancellationToken)
    {
        var slugs = LibraryDrawings.BySlug.Keys.ToList();
        var redrawn = LibraryDrawings.RedrawnSlugs.ToList();
        var candidates = await db.Exercises.AsTracking()
            .Where(e => slugs.Contains(e.Slug) && (e.Drawing == null || redrawn.Contains(e.Slug)))
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var exercise in candidates)
        {
            if (exercise.Drawing is null)
            {
                exercise.Drawing = LibraryDrawings.BySlug[exercise.Slug];
                changed++;
            }
            else if (LibraryDrawings.IsSuperseded(exercise.Slug, exercise.Drawing))
            {
                exercise.Drawing = LibraryDrawings.BySlug[exercise.Slug];
                exercise.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
