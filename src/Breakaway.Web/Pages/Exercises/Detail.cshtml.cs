using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Exercises;

public sealed class DetailModel(BreakawayDbContext db, MediaLibrary media) : PageModel
{
    public Exercise Exercise { get; private set; } = null!;
    public IReadOnlyList<ExerciseLink> Easier { get; private set; } = [];
    public IReadOnlyList<ExerciseLink> Harder { get; private set; } = [];
    public IReadOnlyList<MediumView> Media { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Malformed slugs never reach the database; EF parameterises the rest.
        if (!Slug.IsValid(slug))
        {
            return NotFound();
        }

        var exercise = await db.Exercises
            .Include(e => e.StopCues)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Slug == slug && e.IsPublic && !e.IsArchived, cancellationToken);
        if (exercise is null)
        {
            return NotFound();
        }

        Exercise = exercise;
        // The public page is cached for everyone: library media only, never a patient's own.
        Media = [.. (await media.ForExercisesAsync([exercise.Id], null, cancellationToken))[exercise.Id]];
        Harder = await db.ExerciseProgressions
            .Where(p => p.EasierId == exercise.Id && p.Harder.IsPublic && !p.Harder.IsArchived)
            .OrderBy(p => p.Harder.Name)
            .Select(p => new ExerciseLink(p.Harder.Slug, p.Harder.Name))
            .ToListAsync(cancellationToken);
        Easier = await db.ExerciseProgressions
            .Where(p => p.HarderId == exercise.Id && p.Easier.IsPublic && !p.Easier.IsArchived)
            .OrderBy(p => p.Easier.Name)
            .Select(p => new ExerciseLink(p.Easier.Slug, p.Easier.Name))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record ExerciseLink(string Slug, string Name);
}
