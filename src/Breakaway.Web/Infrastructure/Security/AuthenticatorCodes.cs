using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Identity's "Authenticator" provider, replaced: RFC 6238 codes (HMAC-SHA1, 6 digits, 30-second steps) checked
/// against the injected clock, and each code accepted once. The stock provider accepts a code as often as it is
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
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit) || !TryFromBase32(key, out var secret))
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Tolerance; step <= now + Tolerance; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            {
                return await ClaimStepAsync(user, step);
            }
        }

        return false;
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

    /// <summary>RFC 4226 HOTP of one RFC 6238 time step.</summary>
    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; a stronger hash would not match the phone.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Identity stores the key as RFC 4648 Base32 (A-Z, 2-7), the form authenticator apps are given.</summary>
    internal static bool TryFromBase32(string text, out byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                bytes = [];
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        bytes = [.. output];
        return bytes.Length > 0;
    }
}
