using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Length over composition (NIST SP 800-63B): at least 12 characters, no required symbols, but passwords
/// that are common, repetitive or built from the account's own name or the clinic's are refused.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly HashSet<string> Blocked = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password12345", "password123456", "passw0rd1234", "password!234", "passwordpassword",
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
        "qwertyuiop12", "qwertyuiop123", "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "asdfghjkl123", "zxcvbnm12345", "iloveyou1234", "iloveyou12345", "letmein12345", "welcome12345",
        "welcome123456", "changeme1234", "administrator", "administrator1", "trustno1trustno1", "sunshine1234",
        "football1234", "baseball1234", "princess1234", "dragon123456", "monkey123456", "abc123abc123",
        "abcdefghijkl", "abcdefgh1234", "aaaaaaaaaaaa", "superman1234", "starwars1234", "whatever1234",
        "p@ssw0rd1234", "p@ssword1234", "summer2024!!", "summer202412", "winter202412", "spring202412",
        "january12345", "breakaway123", "breakaway1234", "breakawaypt12", "physicaltherapy", "physicaltherapy1",
        "physiotherapy", "pelvicfloor123", "therapist1234", "patient12345", "clinic123456", "healthcare123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // Length is checked by Identity's own validator.
        }

        var lower = password.ToLowerInvariant();
        var reasons = new List<IdentityError>();
        if (Blocked.Contains(password) || password.Distinct().Count() <= 2 || IsSequence(lower))
        {
            reasons.Add(new IdentityError { Code = "CommonPassword", Description = "This password is too common or too easy to guess. Try a few unrelated words." });
        }
        else if (ContainsPart(lower, user.Email) || ContainsPart(lower, user.UserName) || ContainsPart(lower, user.DisplayName))
        {
            reasons.Add(new IdentityError { Code = "PersonalPassword", Description = "Your password must not contain your name or e-mail address." });
        }

        return Task.FromResult(reasons.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. reasons]));
    }

    private static bool ContainsPart(string password, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var local = value.Split('@')[0].ToLowerInvariant();
        return local.Length >= 4 && password.Contains(local, StringComparison.Ordinal);
    }

    private static bool IsSequence(string password)
    {
        var ascending = true;
        var descending = true;
        for (var i = 1; i < password.Length; i++)
        {
            ascending &= password[i] == password[i - 1] + 1;
            descending &= password[i] == password[i - 1] - 1;
        }

        return ascending || descending;
    }
}
