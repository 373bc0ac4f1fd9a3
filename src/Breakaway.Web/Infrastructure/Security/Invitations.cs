using System.Security.Cryptography;
using System.Text;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// One-time links to choose a password. The token (256 random bits) is shown once; only its SHA-256 hash is
/// stored, so a copy of the database cannot be turned into working links.
/// </summary>
public sealed class Invitations(
    BreakawayDbContext db,
    TimeProvider clock,
    IOptions<SecurityOptions> options,
    AuditLog audit,
    Outbox outbox,
    IOptions<SiteOptions> site,
    IOptions<ClinicOptions> clinic)
{
    /// <summary>
    /// Revokes any open link of the user and issues a new one. Returns the raw token, and whether the link was also
    /// e-mailed: when <paramref name="mail"/> asks for it and the caller passes the account's address, the message is an
    /// outbox row saved in the same SaveChanges as the invitation, so both are stored or neither.
    /// </summary>
    public async Task<(string Token, DateTime ExpiresUtc, bool Emailed)> IssueAsync(
        string userId, string issuedByUserId, int? patientId, InvitationMail mail = InvitationMail.None, string? email = null,
        TimeSpan? lifetime = null, string auditAction = AuditActions.InvitationIssued)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Invitations
            .Where(i => i.UserId == userId && i.UsedUtc == null && i.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedUtc, now));

        var token = WebEncoders(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            UserId = userId,
            TokenHash = Hash(token),
            CreatedUtc = now,
            ExpiresUtc = now + (lifetime ?? TimeSpan.FromDays(options.Value.InvitationDays)),
            CreatedByUserId = issuedByUserId,
        };
        db.Invitations.Add(invitation);
        audit.Add(auditAction, patientId, userId);
        var emailed = mail != InvitationMail.None && !string.IsNullOrWhiteSpace(email);
        if (emailed)
        {
            var link = site.Value.Absolute($"/invite/{token}");
            var settings = clinic.Value;
            var (kind, text) = mail switch
            {
                InvitationMail.StaffSetup => (MailKinds.StaffSetup, MailText.StaffSetup(settings.Name, link, invitation.ExpiresUtc)),
                InvitationMail.PasswordReset => (MailKinds.PasswordReset, MailText.PasswordReset(settings.Name, settings.Phone, link, (int)(invitation.ExpiresUtc - now).TotalMinutes)),
                _ => (MailKinds.Invitation, MailText.Invitation(settings.Name, settings.Phone, link, invitation.ExpiresUtc)),
            };
            outbox.Add(kind, email!, text, patientId);
        }

        await db.SaveChangesAsync();
        return (token, invitation.ExpiresUtc, emailed);
    }

    /// <summary>The usable invitation for a token, tracked so it can be marked used; null when unknown, used, revoked or expired.</summary>
    public async Task<Invitation?> FindUsableAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var invitation = await db.Invitations.AsTracking().Include(i => i.User).SingleOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string WebEncoders(byte[] bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);
}

/// <summary>Which e-mail, if any, carries a new link to the account's address.</summary>
public enum InvitationMail
{
    None,
    Invitation,
    StaffSetup,
    PasswordReset,
}
