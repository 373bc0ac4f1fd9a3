using System.Globalization;
using System.Security.Claims;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Session lengths by role. Staff: 20 minutes idle, 12 hours at most. Patients: 30 minutes idle, or up to
/// 30 days on a device where they ticked "keep me signed in". The cookie carries when the session began and
/// when it was last used; every request checks both against the injected clock. Every request also checks the
/// account in the database (one primary-key read): a cookie whose security stamp is no longer the account's
/// (signed out, password changed, disabled) is refused at once, on every instance.
/// </summary>
public sealed class SessionPolicy(IOptions<SecurityOptions> options, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private const string IssuedKey = ".breakaway.issued";
    private const string SeenKey = ".breakaway.seen";

    /// <summary>Re-issuing the cookie on every request is wasteful; the "last seen" mark moves at most once a minute.</summary>
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    public Task OnSigningIn(CookieSigningInContext context)
    {
        var now = clock.GetUtcNow();
        var properties = context.Properties;
        var staff = IsStaff(context.Principal);
        if (staff)
        {
            properties.IsPersistent = false; // Staff sessions never outlive the browser.
        }

        properties.Items.TryAdd(IssuedKey, now.ToString("O", CultureInfo.InvariantCulture));
        properties.Items[SeenKey] = now.ToString("O", CultureInfo.InvariantCulture);
        properties.AllowRefresh = false;
        properties.ExpiresUtc = now + Limit(staff, properties.IsPersistent);
        return Task.CompletedTask;
    }

    public async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        var properties = context.Properties;
        var staff = IsStaff(context.Principal);
        if (!TryRead(properties, IssuedKey, out var issued) || !TryRead(properties, SeenKey, out var seen))
        {
            await Reject(context);
            return;
        }

        var settings = options.Value;
        if (staff && now - issued > TimeSpan.FromHours(settings.StaffAbsoluteHours))
        {
            await Reject(context);
            return;
        }

        if (now - seen > Limit(staff, properties.IsPersistent))
        {
            await Reject(context);
            return;
        }

        if (!await IsAccountCurrentAsync(context))
        {
            await Reject(context);
            return;
        }

        if (now - seen >= RenewEvery)
        {
            properties.Items[SeenKey] = now.ToString("O", CultureInfo.InvariantCulture);
            properties.ExpiresUtc = now + Limit(staff, properties.IsPersistent);
            context.ShouldRenew = true;
        }
    }

    /// <summary>
    /// The account still exists, is not disabled, and has the security stamp the cookie was issued with. The
    /// database is the one thing every instance shares, so a sign-out on one is seen by all on their next request.
    /// </summary>
    private async Task<bool> IsAccountCurrentAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<BreakawayDbContext>();
        var account = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DisabledUtc })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        return account is { DisabledUtc: null } && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal);
    }

    private TimeSpan Limit(bool staff, bool persistent)
    {
        var settings = options.Value;
        if (staff)
        {
            return TimeSpan.FromMinutes(settings.StaffIdleMinutes);
        }

        return persistent ? TimeSpan.FromDays(settings.PatientRememberDays) : TimeSpan.FromMinutes(settings.PatientIdleMinutes);
    }

    private static bool IsStaff(System.Security.Claims.ClaimsPrincipal? principal) =>
        principal is not null && (principal.IsInRole(Roles.Admin) || principal.IsInRole(Roles.Therapist));

    private static bool TryRead(AuthenticationProperties properties, string key, out DateTimeOffset value)
    {
        value = default;
        return properties.Items.TryGetValue(key, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
