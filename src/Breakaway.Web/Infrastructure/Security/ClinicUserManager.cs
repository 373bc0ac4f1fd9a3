using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Identity's user manager with one change: failed sign-ins are counted with an atomic UPDATE in the
/// database. The stock implementation reads, increments and writes the user row with an optimistic
/// concurrency check, so parallel guesses lose increments and an attacker gets more than five tries.
/// </summary>
public sealed class ClinicUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    BreakawayDbContext db,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>Lockout is judged by the injected clock, the same one that set it.</summary>
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        var end = await GetLockoutEndDateAsync(user);
        return end is { } until && until >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = Options.Lockout;
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), CancellationToken);

        var lockUntil = clock.GetUtcNow().Add(lockout.DefaultLockoutTimeSpan);
        await db.Users
            .Where(u => u.Id == user.Id && u.LockoutEnabled && u.AccessFailedCount >= lockout.MaxFailedAccessAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, lockUntil).SetProperty(u => u.AccessFailedCount, 0), CancellationToken);

        // Keep the in-memory user in step, so the rest of this sign-in sees the lockout.
        var current = await db.Users.Where(u => u.Id == user.Id).Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync(CancellationToken);
        user.AccessFailedCount = current.AccessFailedCount;
        user.LockoutEnd = current.LockoutEnd;
        return IdentityResult.Success;
    }
}

/// <summary>A disabled account cannot sign in, whatever its password.</summary>
public sealed class ClinicSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.DisabledUtc is null && await base.CanSignInAsync(user);
}

public static class UserManagerExtensions
{
    /// <summary>True when an account already has this address as its e-mail or its sign-in name.</summary>
    public static Task<bool> IsEmailInUseAsync(this UserManager<AppUser> users, string email)
    {
        var normalizedEmail = users.NormalizeEmail(email);
        var normalizedName = users.NormalizeName(email);
        return users.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail || u.NormalizedUserName == normalizedName);
    }
}
