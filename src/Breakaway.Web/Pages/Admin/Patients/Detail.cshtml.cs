using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Admin.Patients;

public sealed class DetailModel(BreakawayDbContext db, Invitations invitations, AuditLog audit, IOptions<SecurityOptions> security, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public PatientView Patient { get; private set; } = null!;
    public string LinkStatus { get; private set; } = string.Empty;
    public int InvitationDays => security.Value.InvitationDays;
    public string? NewLink { get; private set; }
    public string? NewLinkQr { get; private set; }
    public string? NewLinkExpires { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await Load(id))
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditActions.PatientViewed, id);
        return Page();
    }

    /// <summary>Issues a link and shows it once, with a QR code and a printable sheet. The token is never stored.</summary>
    public async Task<IActionResult> OnPostInviteAsync(int id)
    {
        if (!await Load(id) || Patient.Disabled)
        {
            return NotFound();
        }

        var (token, expires) = await invitations.IssueAsync(Patient.UserId, User.UserId(), id);
        NewLink = site.Value.Absolute($"/invite/{token}");
        NewLinkQr = QrCodes.PngDataUri(NewLink);
        NewLinkExpires = expires.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Load(id);
        return Page();
    }

    private async Task<bool> Load(int id)
    {
        var patient = await db.Patients
            .Where(p => p.Id == id)
            .Select(p => new PatientView(p.Id, p.UserId, p.User.DisplayName, p.User.UserName ?? string.Empty, p.User.Email, p.DateOfBirth,
                p.User.PasswordHash != null, p.User.DisabledUtc != null))
            .SingleOrDefaultAsync();
        if (patient is null)
        {
            return false;
        }

        Patient = patient;
        var latest = await db.Invitations.Where(i => i.UserId == patient.UserId).OrderByDescending(i => i.CreatedUtc)
            .Select(i => new { i.CreatedUtc, i.ExpiresUtc, i.UsedUtc, i.RevokedUtc })
            .FirstOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        LinkStatus = latest switch
        {
            null => "None made yet",
            { UsedUtc: { } used } => $"Used on {used:d MMMM yyyy}",
            { RevokedUtc: not null } => "Replaced by a newer link",
            { } l when l.ExpiresUtc <= now => $"Expired on {l.ExpiresUtc:d MMMM yyyy}",
            { } l => $"Open until {l.ExpiresUtc:d MMMM yyyy}",
        };
        return true;
    }

    public sealed record PatientView(int Id, string UserId, string Name, string SignInName, string? Email, DateOnly? DateOfBirth, bool HasPassword, bool Disabled);
}
