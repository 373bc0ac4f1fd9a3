using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.HomePrograms;

namespace Breakaway.Web.Pages.Admin.Templates;

public sealed class IndexModel(BreakawayDbContext db, ProgramService programs, AuditLog audit) : PageModel
{
    public IReadOnlyList<Row> Templates { get; private set; } = [];

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostAsync(string? title, Guid creationKey)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 120)
        {
            ModelState.AddModelError("title", "Give the template a name of up to 120 characters.");
            await Load();
            return Page();
        }

        var template = await programs.CreateAsync(null, title.Trim(), null, null, creationKey == Guid.Empty ? Guid.NewGuid() : creationKey, User.UserId());
        await audit.WriteAsync(AuditActions.TemplateCreated, detail: $"template {template.Id}");
        return RedirectToPage("/Admin/Programs/Builder", new { id = template.Id });
    }

    private async Task Load() =>
        Templates = await db.Programs.Where(p => p.IsTemplate && p.ArchivedUtc == null).OrderBy(p => p.Title)
            .Select(p => new Row(p.Id, p.Title, p.Goal,
                p.Versions.OrderByDescending(v => v.PublishedUtc == null ? int.MaxValue : v.Number).Select(v => v.Exercises.Count).FirstOrDefault()))
            .ToListAsync();

    public sealed record Row(int Id, string Title, string? Goal, int ExerciseCount);
}
