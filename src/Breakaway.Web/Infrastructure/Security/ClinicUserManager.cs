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

    /// <summary>
    /// The key the set-up page shows: made on the first visit and kept until two-step sign-in is on, so every visit
    /// shows the same key. Unlike <c>ResetAuthenticatorKeyAsync</c> this leaves the security stamp alone: a key
    /// that is not yet in use protects no session, and a new stamp would end the person's own session.
    /// </summary>
    public async Task<string> GetOrCreateAuthenticatorKeyAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key))
        {
            return key;
        }

        key = GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<AppUser>)Store).SetAuthenticatorKeyAsync(user, key, CancellationToken);
        var saved = await UpdateUserAsync(user);
        return saved.Succeeded ? key : throw new InvalidOperationException("The authenticator key could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
    }

    /// <summary>
    /// Signing out ends every session of the account at once, on every instance: a new security stamp, which
    /// <see cref="SessionPolicy"/> compares on each request. Written with one UPDATE, so it cannot fail on user
    /// validation or a concurrent change of the row the way <c>UpdateSecurityStampAsync</c> could.
    /// </summary>
    public async Task EndSessionsAsync(string userId)
    {
        var stamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp).SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), CancellationToken);
    }
}

/// <summary>
/// A disabled account cannot sign in, whatever its password. Every password sign-in checks exactly one password
/// hash, whatever the outcome: Identity answers a locked or disabled account (and one that has no password yet)
/// without hashing, in a few milliseconds instead of a few hundred, which tells an attacker the account exists
/// and what state it is in. Unknown accounts get the same treatment on the sign-in page.
/// </summary>
public sealed class ClinicSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    IPasswordHasher<AppUser> hasher)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a random password, made by the app's own hasher (so with the same iterations) the first time it is needed.</summary>
    private static string? _dummyHash;

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.DisabledUtc is null && await base.CanSignInAsync(user);

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refused = await PreSignInCheck(user);
        if (refused is not null || user.PasswordHash is null)
        {
            VerifyDummyPassword(password);
        }

        return refused ?? await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>The work of one password check, for an answer that must not be quicker than a wrong password.</summary>
    public void VerifyDummyPassword(string password)
    {
        var nobody = new AppUser { DisplayName = "nobody" };
        var hash = _dummyHash ??= hasher.HashPassword(nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        _ = hasher.VerifyHashedPassword(nobody, hash, password);
    }
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
