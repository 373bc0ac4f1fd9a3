using System.Security.Claims;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Every way the app changes an account through Identity is saved: each change is made through the app's own
/// UserManager in one scope and read back from the database through a fresh DbContext in another. The app's
/// DbContext does not track queries by default, which once silently dropped token changes (recovery codes).
/// The class shares one site; each test changes an account of its own.
/// </summary>
public sealed class IdentityWriteTests(SharedSite site) : IClassFixture<SharedSite>, IAsyncLifetime
{
    private readonly BreakawayFactory _factory = site.Factory;
    private string _userId = string.Empty;

    public async ValueTask InitializeAsync() =>
        _userId = (await _factory.CreateUserAsync($"writes-{Guid.NewGuid():N}@test.example", Roles.Patient)).Id;

    private async Task<T> Change<T>(Func<UserManager<AppUser>, AppUser, Task<T>> change)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await change(users, (await users.FindByIdAsync(_userId))!);
    }

    /// <summary>A change that must succeed.</summary>
    private Task<IdentityResult> Succeed(Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change) =>
        Change(async (users, user) =>
        {
            var result = await change(users, user);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return result;
        });

    private async Task<T> Stored<T>(Func<BreakawayDbContext, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    private Task<AppUser> StoredUser() => Stored(db => db.Users.SingleAsync(u => u.Id == _userId, TestContext.Current.CancellationToken));

    private Task<string?> StoredToken(string name) =>
        Stored(db => db.UserTokens.Where(t => t.UserId == _userId && t.Name == name).Select(t => t.Value).SingleOrDefaultAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task RedeemingARecoveryCode_IsSaved()
    {
        var codes = await Change((users, user) => users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10));

        var first = await Change((users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, codes!.First()));
        var again = await Change((users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, codes!.First()));

        Assert.True(first.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal(9, await Change((users, user) => users.CountRecoveryCodesAsync(user)));
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        var old = await Change((users, user) => users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10));

        await Change((users, user) => users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10));

        Assert.False((await Change((users, user) => users.RedeemTwoFactorRecoveryCodeAsync(user, old!.First()))).Succeeded);
    }

    [Fact]
    public async Task ResettingTheAuthenticatorKey_IsSaved_AndChangesTheStamp()
    {
        await Succeed((users, user) => users.ResetAuthenticatorKeyAsync(user));
        var firstKey = await StoredToken("AuthenticatorKey");
        var stamp = (await StoredUser()).SecurityStamp;

        await Succeed((users, user) => users.ResetAuthenticatorKeyAsync(user));

        Assert.NotNull(firstKey);
        Assert.NotEqual(firstKey, await StoredToken("AuthenticatorKey"));
        Assert.NotEqual(stamp, (await StoredUser()).SecurityStamp);
    }

    [Fact]
    public async Task TurningTwoFactorOnAndOff_IsSaved()
    {
        await Succeed((users, user) => users.SetTwoFactorEnabledAsync(user, true));
        var on = (await StoredUser()).TwoFactorEnabled;
        await Succeed((users, user) => users.SetTwoFactorEnabledAsync(user, false));

        Assert.True(on);
        Assert.False((await StoredUser()).TwoFactorEnabled);
    }

    [Fact]
    public async Task ChangingAndResettingThePassword_AreSaved()
    {
        await Succeed((users, user) => users.ChangePasswordAsync(user, AccountHelpers.Password, "a second long passphrase"));
        var changed = await Change((users, user) => users.CheckPasswordAsync(user, "a second long passphrase"));
        var token = await Change((users, user) => users.GeneratePasswordResetTokenAsync(user));

        await Succeed((users, user) => users.ResetPasswordAsync(user, token, "a third long passphrase"));

        Assert.True(changed);
        Assert.True(await Change((users, user) => users.CheckPasswordAsync(user, "a third long passphrase")));
        Assert.False(await Change((users, user) => users.CheckPasswordAsync(user, "a second long passphrase")));
    }

    [Fact]
    public async Task UpdatingTheSecurityStamp_IsSaved()
    {
        var before = (await StoredUser()).SecurityStamp;

        await Succeed((users, user) => users.UpdateSecurityStampAsync(user));

        Assert.NotEqual(before, (await StoredUser()).SecurityStamp);
    }

    [Fact]
    public async Task FailedSignIns_Lockout_AndItsReset_AreSaved()
    {
        for (var i = 0; i < 5; i++)
        {
            await Succeed((users, user) => users.AccessFailedAsync(user));
        }

        var locked = await StoredUser();
        await Succeed((users, user) => users.SetLockoutEndDateAsync(user, null));
        await Succeed((users, user) => users.AccessFailedAsync(user));
        var counted = (await StoredUser()).AccessFailedCount;
        await Succeed((users, user) => users.ResetAccessFailedCountAsync(user));

        Assert.True(locked.LockoutEnd > _factory.Clock.GetUtcNow());
        Assert.Equal(1, counted);
        var after = await StoredUser();
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
    }

    [Fact]
    public async Task DisablingAnAccount_IsSaved()
    {
        await Succeed((users, user) =>
        {
            user.DisabledUtc = _factory.Clock.GetUtcNow().UtcDateTime;
            return users.UpdateAsync(user);
        });

        Assert.NotNull((await StoredUser()).DisabledUtc);
    }

    [Fact]
    public async Task GrantingAndRemovingARole_AreSaved()
    {
        await Succeed((users, user) => users.AddToRoleAsync(user, Roles.Therapist));
        var granted = await Change((users, user) => users.IsInRoleAsync(user, Roles.Therapist));

        await Succeed((users, user) => users.RemoveFromRoleAsync(user, Roles.Therapist));

        Assert.True(granted);
        Assert.False(await Change((users, user) => users.IsInRoleAsync(user, Roles.Therapist)));
        Assert.True(await Change((users, user) => users.IsInRoleAsync(user, Roles.Patient)));
    }

    [Fact]
    public async Task AddingReplacingAndRemovingAClaim_AreSaved()
    {
        await Succeed((users, user) => users.AddClaimAsync(user, new Claim("clinic:room", "1")));
        await Succeed((users, user) => users.ReplaceClaimAsync(user, new Claim("clinic:room", "1"), new Claim("clinic:room", "2")));
        var replaced = await Stored(db => db.UserClaims.Where(c => c.UserId == _userId).Select(c => c.ClaimValue).ToListAsync(TestContext.Current.CancellationToken));

        await Succeed((users, user) => users.RemoveClaimAsync(user, new Claim("clinic:room", "2")));

        Assert.Equal(["2"], replaced);
        Assert.Empty(await Stored(db => db.UserClaims.Where(c => c.UserId == _userId).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task SettingReplacingAndRemovingAToken_AreSaved()
    {
        await Succeed((users, user) => users.SetAuthenticationTokenAsync(user, "clinic", "note", "first"));
        await Succeed((users, user) => users.SetAuthenticationTokenAsync(user, "clinic", "note", "second"));
        var replaced = await StoredToken("note");

        await Succeed((users, user) => users.RemoveAuthenticationTokenAsync(user, "clinic", "note"));

        Assert.Equal("second", replaced);
        Assert.Null(await StoredToken("note"));
    }

    [Fact]
    public async Task ChangingTheSignInNameAndEmail_AreSaved()
    {
        await Succeed((users, user) => users.SetUserNameAsync(user, "renamed.patient"));
        await Succeed((users, user) => users.SetEmailAsync(user, "renamed@test.example"));

        var stored = await StoredUser();
        Assert.Equal("RENAMED.PATIENT", stored.NormalizedUserName);
        Assert.Equal("RENAMED@TEST.EXAMPLE", stored.NormalizedEmail);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
