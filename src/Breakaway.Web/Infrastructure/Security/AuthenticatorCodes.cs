using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Identity's "Authenticator" provider, replaced: RFC 6238 codes (HMAC-SHA1, 6 digits, 30-second steps, checked by
/// Otp.NET) judged against the injected clock, and each code accepted once. The stock provider accepts a code as often as it is
/// sent within its window, so a code seen over a shoulder or in a proxy log could be replayed. Accepting a code
/// records its time step with one conditional UPDATE, so of two requests racing with the same code only one wins.
/// </summary>
public sealed class AuthenticatorCodes(BreakawayDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    private const int StepSeconds = 30;

    /// <summary>Steps either side of now that are still accepted, for a phone whose clock is a little off (as Identity's own provider).</summary>
    private const int Tolerance = 2;

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(string.Empty); // The phone makes the codes; the server never sends one.

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        byte[] secret;
        try
        {
            secret = Base32Encoding.ToBytes(key);
        }
        catch (ArgumentException)
        {
            return false;
        }

        // Otp.NET compares in constant time and says which step matched, which is what replay protection needs.
        var totp = new Totp(secret, step: StepSeconds, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(Tolerance, Tolerance))
            && await ClaimStepAsync(user, step);
    }

    /// <summary>True for the first request to use this step (or a later one); false when this code or a newer one was already used.</summary>
    private async Task<bool> ClaimStepAsync(AppUser user, long step)
    {
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.TotpLastStep == null || u.TotpLastStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step));
        if (claimed == 1)
        {
            user.TotpLastStep = step;
        }

        return claimed == 1;
    }
}
