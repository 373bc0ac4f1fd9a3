using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Sessions;

/// <summary>
/// A red flag's e-mail: staged as an outbox row beside the flag, so the two commit together. It goes to the patient's
/// therapist (who assigned the current version, else who started the program) when that is an active therapist with
/// an address, otherwise to <c>Clinic:AlertEmail</c>; with neither, the dashboard alone shows the flag. The message
/// says only that a session needs review, with a link: who and why are behind the sign-in.
/// </summary>
public sealed class RedFlagAlerts(BreakawayDbContext db, Outbox outbox, ClinicClock clock, IOptions<ClinicOptions> clinic, IOptions<SiteOptions> site)
{
    public async Task StageAsync(int patientId, ProgramVersion version, CancellationToken cancellationToken)
    {
        var to = await TherapistAddressAsync(version, cancellationToken) ?? clinic.Value.AlertEmail;
        if (string.IsNullOrWhiteSpace(to))
        {
            return;
        }

        var text = MailText.RedFlagAlert(clinic.Value.Name, site.Value.Absolute($"/admin/patients/{patientId}"), clock.Format(clock.UtcNow(), "d MMMM HH:mm"));
        outbox.Add(MailKinds.RedFlagAlert, to, text, patientId);
    }

    private async Task<string?> TherapistAddressAsync(ProgramVersion version, CancellationToken cancellationToken)
    {
        var candidates = new[] { version.PublishedByUserId, version.Program?.CreatedByUserId }.OfType<string>().Distinct().ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var therapists = await db.Users
            .Where(u => candidates.Contains(u.Id) && u.DisabledUtc == null && u.Email != null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Therapist)))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        return candidates.Select(id => therapists.FirstOrDefault(t => t.Id == id)?.Email).FirstOrDefault(e => e is not null);
    }
}
