using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Exercises;

public sealed class IndexModel(BreakawayDbContext db) : PageModel
{
    public IReadOnlyList<Exercise> Exercises { get; private set; } = [];

    public async Task OnGetAsync() =>
        Exercises = [.. (await db.Exercises.ToListAsync()).OrderBy(e => e.IsArchived).ThenBy(e => e.Category).ThenBy(e => e.Name, StringComparer.Ordinal)];
}
