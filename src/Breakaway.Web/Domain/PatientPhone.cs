using System.Text.RegularExpressions;

namespace Breakaway.Web.Domain;

/// <summary>
/// A patient's phone number, checked loosely (people write numbers in many ways): digits, spaces and + ( ) - .,
/// at least one digit, up to 30 characters. Shown to staff as a <c>tel:</c> link.
/// </summary>
public static partial class PatientPhone
{
    public const int MaxLength = 30;

    public const string Pattern = @"^[0-9 +().\-]*[0-9][0-9 +().\-]*$";

    public const string Message = "Enter a phone number using digits, spaces and + ( ) - . only, up to 30 characters, or leave it empty.";

    public static bool IsValid(string phone) => phone.Length <= MaxLength && Valid().IsMatch(phone);

    /// <summary>The number for a <c>tel:</c> link: its digits, with a leading + kept.</summary>
    public static string TelHref(string phone) =>
        "tel:" + (phone.TrimStart().StartsWith('+') ? "+" : string.Empty) + string.Concat(phone.Where(char.IsAsciiDigit));

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Valid();
}
