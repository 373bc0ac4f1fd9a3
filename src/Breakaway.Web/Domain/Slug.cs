using System.Text.RegularExpressions;

namespace Breakaway.Web.Domain;

/// <summary>The address form of articles and exercises: 1-80 lower-case letters, digits and hyphens.</summary>
public static partial class Slug
{
    public const int MaxLength = 80;

    [GeneratedRegex("^[a-z0-9-]{1,80}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);
}
