using System.Security.Cryptography;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.My;

/// <summary>The patient's private calendar feed link: a secret (only its hash stored) that they can replace or turn off.</summary>
public sealed class CalendarModel(BreakawayDbContext db, IOptions<SiteOptions> site, AuditLog audit) : PatientPageModel
{
    public bool HasLink { get; private set; }
    public string? NewLink { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var patientId = PatientId;
        HasLink = await db.Patients.AnyAsync(p => p.Id == patientId && p.CalendarTokenHash != null);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var patientId = PatientId;
        var patient = await db.Patients.AsTracking().SingleOrDefaultAsync(p => p.Id == patientId);
        if (patient is null)
        {
            return Forbid();
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        patient.CalendarTokenHash = Invitations.Hash(token);
        audit.Add(AuditActions.CalendarLinkCreated, patient.Id);
        await db.SaveChangesAsync();
        NewLink = site.Value.Absolute($"/calendar/{token}.ics");
        HasLink = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        var patientId = PatientId;
        var patient = await db.Patients.AsTracking().SingleOrDefaultAsync(p => p.Id == patientId);
        if (patient is null)
        {
            return Forbid();
        }

        if (patient.CalendarTokenHash is not null)
        {
            patient.CalendarTokenHash = null;
            audit.Add(AuditActions.CalendarLinkRevoked, patient.Id);
            await db.SaveChangesAsync();
        }

        return RedirectToPage();
    }
}
