using System.Security.Claims;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Identity's EF store on the app's no-tracking context. The stock store writes users with Attach + Update and
/// adds or removes rows explicitly, all of which work on untracked entities; but in two places it loads a row and
/// changes it in place, expecting the change tracker to notice: a stored token (authenticator key, recovery codes)
/// and a replaced claim. Under the global <c>NoTracking</c> default those changes were never saved, so a redeemed
/// recovery code worked again and again. Here exactly those reads track. Users stay untracked on purpose: a tracked
/// user would be written back by any later SaveChanges in the request, undoing the atomic updates of
/// <see cref="ClinicUserManager"/> (failed-sign-in counts, the last authenticator step).
/// </summary>
public sealed class ClinicUserStore(BreakawayDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, BreakawayDbContext>(context, describer)
{
    protected override async Task<IdentityUserToken<string>?> FindTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        // As the stock store (Find sees a token added earlier in this request), then tracked, so a new value is saved.
        var token = await Context.UserTokens.FindAsync([user.Id, loginProvider, name], cancellationToken);
        if (token is not null && Context.Entry(token).State == EntityState.Detached)
        {
            Context.UserTokens.Attach(token);
        }

        return token;
    }

    public override async Task ReplaceClaimAsync(AppUser user, Claim claim, Claim newClaim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(newClaim);
        var matched = await Context.UserClaims.AsTracking()
            .Where(c => c.UserId == user.Id && c.ClaimValue == claim.Value && c.ClaimType == claim.Type)
            .ToListAsync(cancellationToken);
        foreach (var row in matched)
        {
            row.ClaimValue = newClaim.Value;
            row.ClaimType = newClaim.Type;
        }
    }
}
