using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Exercises;

public sealed class IndexModel(BreakawayDbContext db, MediaLibrary media) : PageModel
{
    public ExerciseCategory? Category { get; private set; }
    public BodyRegion? Region { get; private set; }
    public IReadOnlyList<ExerciseListItem> Exercises { get; private set; } = [];
    public ILookup<int, MediumView> Media { get; private set; } = Array.Empty<MediumView>().ToLookup(m => m.ExerciseId);

    public string? Query { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? category, string? region, string? q, CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        // An unknown filter value is a bad link, not an empty result.
        if (!string.IsNullOrEmpty(category))
        {
            if (!ExerciseText.TryParseKey<ExerciseCategory>(category, out var parsed))
            {
                return NotFound();
            }

            Category = parsed;
        }

        if (!string.IsNullOrEmpty(region))
        {
            if (!ExerciseText.TryParseKey<BodyRegion>(region, out var parsed))
            {
                return NotFound();
            }

            Region = parsed;
        }

        var query = db.Exercises.Where(e => e.IsPublic && !e.IsArchived);
        if (Category is { } c)
        {
            query = query.Where(e => e.Category == c);
        }

        if (Region is { } r)
        {
            query = query.Where(e => e.BodyRegion == r);
        }

        var rows = await query
            .Select(e => new { e.Id, e.Slug, e.Name, e.Purpose, e.Category, e.BodyRegion, e.Dose, e.SideName, e.HoldAt, e.Drawing })
            .ToListAsync(cancellationToken);
        // Every word must appear in the name or purpose ("pelvic floor", "kegel"); the library is small, so this runs in memory.
        var words = Query?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        rows = [.. rows.Where(e => words.All(w => e.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Purpose.Contains(w, StringComparison.OrdinalIgnoreCase)))];
        // Sorted in memory: categories in the order of a session (warm-up first), not alphabetically.
        Exercises = [.. rows.OrderBy(e => e.Category).ThenBy(e => e.Name, StringComparer.Ordinal).Select(e => new ExerciseListItem(e.Id, e.Slug, e.Name, e.Purpose, e.Category, e.BodyRegion, e.Dose.Describe(e.SideName, e.HoldAt), e.Drawing))];
        Media = await media.ForExercisesAsync([.. Exercises.Select(e => e.Id)], null, cancellationToken);
        return Page();
    }

    public sealed record ExerciseListItem(int Id, string Slug, string Name, string Purpose, ExerciseCategory Category, BodyRegion Region, string DoseText, Drawings.ExerciseDrawing? Drawing);
}
