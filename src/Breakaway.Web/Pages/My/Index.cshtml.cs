using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.My;

/// <summary>The patient's own page. Everything is read for the signed-in patient (from their claim), never by an id from the URL.</summary>
public sealed class IndexModel(BreakawayDbContext db, PublishedArticles articles) : PageModel
{
    public string Name { get; private set; } = string.Empty;
    public CurrentProgram? Program { get; private set; }
    public IReadOnlyList<Article> Reading { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.PatientId() is not { } patientId)
        {
            return Forbid();
        }

        Name = User.DisplayName();
        var version = await db.ProgramVersions
            .Where(v => v.Program.PatientId == patientId && v.Program.ArchivedUtc == null && v.PublishedUtc != null)
            .OrderByDescending(v => v.PublishedUtc)
            .Include(v => v.Program)
            .Include(v => v.Exercises.OrderBy(e => e.Order)).ThenInclude(e => e.Exercise).ThenInclude(x => x.StopCues)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (version is not null)
        {
            Program = new CurrentProgram(version.Program.Title, version.Program.Goal, version.Describe(), version);
        }

        var slugs = await db.AssignedReadings.Where(r => r.PatientId == patientId).OrderByDescending(r => r.AssignedUtc)
            .Select(r => r.ArticleSlug).ToListAsync(cancellationToken);
        Reading = [.. slugs.Select(articles.Find).OfType<Article>()];
        return Page();
    }

    public sealed record CurrentProgram(string Title, string? Goal, string Schedule, ProgramVersion Version);
}
