using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>A one-page printable summary of a patient's outcome measures for the clinical record. Audit-logged.</summary>
public sealed class SummaryModel(BreakawayDbContext db, MeasureService measures, ClinicClock clock, AuditLog audit) : PageModel
{
    public int PatientId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public DateOnly? DateOfBirth { get; private set; }
    public string? Program { get; private set; }
    public IReadOnlyList<MeasureTrend> Trends { get; private set; } = [];
    public string Printed { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.Where(p => p.Id == id).Select(p => new { p.User.DisplayName, p.DateOfBirth }).SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return NotFound();
        }

        PatientId = id;
        Name = patient.DisplayName;
        DateOfBirth = patient.DateOfBirth;
        Program = await db.Programs.Where(p => p.PatientId == id && p.ArchivedUtc == null && p.Versions.Any(v => v.PublishedUtc != null))
            .OrderByDescending(p => p.CreatedUtc).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        Trends = await measures.TrendsAsync(id, cancellationToken);
        Printed = clock.Format(clock.UtcNow(), "d MMMM yyyy HH:mm");
        await audit.ViewedAsync(AuditActions.MeasuresViewed, id, detail: "printable summary");
        return Page();
    }
}
