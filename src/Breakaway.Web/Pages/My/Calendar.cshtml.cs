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

    /// <summary>The feed as a <c>webcal://</c> address: calendar apps (Apple's, Outlook) subscribe when it is opened.</summary>
    public string? WebcalLink => NewLink is null ? null : "webcal://" + NewLink[(NewLink.IndexOf("://", StringComparison.Ordinal) + 3)..];

    /// <summary>Google Calendar's "add by URL" page for the feed.</summary>
    public string? GoogleLink => WebcalLink is null ? null : "https://calendar.google.com/calendar/render?cid=" + Uri.EscapeDataString(WebcalLink);

    public bool HasReminderTime { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var patientId = PatientId;
        var patient = await db.Patients.Where(p => p.Id == patientId).Select(p => new { HasLink = p.CalendarTokenHash != null, p.ReminderTime }).SingleAsync();
        HasLink = patient.HasLink;
        HasReminderTime = patient.ReminderTime is not null;
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
        HasReminderTime = patient.ReminderTime is not null;
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
