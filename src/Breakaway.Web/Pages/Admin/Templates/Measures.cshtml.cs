using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Templates;

/// <summary>Outcome measures a template carries: every program started from it schedules them for the patient, from that day.</summary>
public sealed class MeasuresModel(BreakawayDbContext db, MeasureCatalog catalog, ClinicClock clock, AuditLog audit) : PageModel
{
    public int TemplateId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public IReadOnlyList<(int Id, string Measure, string When)> Plans { get; private set; } = [];
    public IReadOnlyList<MeasureDefinition> Available => catalog.All;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? measureSlug, bool atStart, bool repeat, int? everyWeeks, bool atDischarge)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == id && p.IsTemplate))
        {
            return NotFound();
        }

        var measure = catalog.Find(measureSlug);
        if (measure is null)
        {
            ModelState.AddModelError("measureSlug", "Choose a measure from the list.");
        }

        if (!atStart && !repeat && !atDischarge)
        {
            ModelState.AddModelError("atStart", "Choose at least one of: at the start, every few weeks, at discharge.");
        }

        if (repeat && everyWeeks is not (>= 1 and <= 52))
        {
            ModelState.AddModelError("everyWeeks", "Enter how many weeks between answers, from 1 to 52.");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var now = clock.UtcNow();
        await db.MeasurePlans.Where(p => p.TemplateId == id && p.MeasureSlug == measure!.Slug && p.StoppedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StoppedUtc, now));
        db.MeasurePlans.Add(new MeasurePlan
        {
            TemplateId = id,
            MeasureSlug = measure!.Slug,
            AtStart = atStart,
            EveryWeeks = repeat ? everyWeeks : null,
            AtDischarge = atDischarge,
            StartDate = clock.Today(),
            CreatedUtc = now,
            CreatedByUserId = User.UserId(),
        });
        audit.Add(AuditActions.MeasurePlanned, detail: $"template {id}, {measure.Slug}");
        await db.SaveChangesAsync();
        Message = $"{measure.Name} added to the template.";
        return RedirectToPage(null, new { id });
    }

    public async Task<IActionResult> OnPostStopAsync(int id, int planId)
    {
        var now = clock.UtcNow();
        if (await db.MeasurePlans.Where(p => p.Id == planId && p.TemplateId == id && p.StoppedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.StoppedUtc, now)) == 0)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditActions.MeasurePlanStopped, detail: $"template {id}, plan {planId}");
        Message = "Removed from the template.";
        return RedirectToPage(null, new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var title = await db.Programs.Where(p => p.Id == id && p.IsTemplate).Select(p => p.Title).SingleOrDefaultAsync();
        if (title is null)
        {
            return false;
        }

        TemplateId = id;
        Title = title;
        var plans = await db.MeasurePlans.Where(p => p.TemplateId == id && p.StoppedUtc == null).OrderBy(p => p.Id).ToListAsync();
        Plans = [.. plans.Select(p => (p.Id, catalog.Find(p.MeasureSlug)?.Name ?? p.MeasureSlug,
            PlanTimes.Of(p).Describe().Split(", from ")[0]))];
        return true;
    }
}
