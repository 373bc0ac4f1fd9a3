using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Breakaway.Web.Articles;

/// <summary>
/// Turns YamlDotNet's parser messages into advice a member of staff can act on ("put the title in double quotes"),
/// using the line the parser stopped at to name the field.
/// </summary>
public static partial class FrontMatterAdvice
{
    public static readonly IReadOnlyList<string> Fields = ["title", "summary", "published", "tags", "author", "draft", "exercises", "image", "image_alt"];

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"Property '([^']+)' not found")]
    private static partial Regex UnknownProperty();

    /// <param name="line">The front-matter line the parser stopped at.</param>
    public static string For(YamlException ex, string line)
    {
        var match = FieldLine().Match(line);
        var field = match.Success ? match.Groups[1].Value : null;
        var value = match.Success ? match.Groups[2].Value.Trim() : line.Trim();
        var message = ex.InnerException?.Message + " " + ex.Message;
        var named = field is null ? "the value" : $"the {field}";

        if (UnknownProperty().Match(ex.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            return $"'{name}' is not a field an article can have (check the spelling and lower case): use {string.Join(", ", Fields)}";
        }

        if (message.Contains("found invalid mapping", StringComparison.Ordinal) || message.Contains("Mapping values are not allowed", StringComparison.Ordinal))
        {
            return value.Contains(':', StringComparison.Ordinal)
                ? $"{named} has a colon (:) in it: put {named} in double quotes, like {field ?? "title"}: \"{value.Replace("\"", "'", StringComparison.Ordinal)}\""
                : "a line is missing its 'name: value' form, or is indented: start every field at the beginning of its line";
        }

        if (message.Contains("double-quoted scalar", StringComparison.Ordinal) || message.Contains("quoted scalar", StringComparison.Ordinal))
        {
            return $"a quotation mark is not closed: end {named} with a double quote (\") on the same line";
        }

        if (message.Contains("tab character", StringComparison.Ordinal))
        {
            return "there is a tab at the start of a line: use spaces (or nothing) before each field, never tabs";
        }

        if (message.Contains("not a valid YAML Boolean", StringComparison.Ordinal))
        {
            return $"'{field ?? "draft"}' must be true or false, not '{value}'";
        }

        if (field is "tags" or "exercises" && value.StartsWith('[') && !value.Contains(']', StringComparison.Ordinal))
        {
            return $"the list in '{field}' is not closed: write it as [first, second] with the closing ] on the same line";
        }

        if (message.Contains("cannot start any token", StringComparison.Ordinal))
        {
            return $"{named} starts with a character YAML keeps for itself (such as @ or `): put {named} in double quotes";
        }

        if (message.Contains("did not find expected key", StringComparison.Ordinal) || message.Contains("indentation", StringComparison.Ordinal))
        {
            return "this line is indented or out of place: start every field at the beginning of its line, as 'name: value'";
        }

        if (message.Contains("No node deserializer", StringComparison.Ordinal) || message.Contains("deserializ", StringComparison.Ordinal))
        {
            return field is "tags" or "exercises"
                ? $"'{field}' must be a list in square brackets, such as {field}: [glutes, low-back-pain]"
                : $"'{field ?? "this field"}' must be plain text: if it starts with [ or {{, put it in double quotes";
        }

        // Anything else: YamlDotNet's own words, without its position prefix (the line is reported separately).
        var raw = ex.Message;
        var prefixEnd = raw.IndexOf("): ", StringComparison.Ordinal);
        return "the front matter could not be read: " + (prefixEnd >= 0 ? raw[(prefixEnd + 3)..].Trim() : raw.Trim());
    }
}
