using System.Globalization;
using System.Text.RegularExpressions;
using Breakaway.Web.Articles;
using Breakaway.Web.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Breakaway.Web.Measures;

/// <summary>Turns one <c>content/measures/*.yaml</c> file into a <see cref="MeasureDefinition"/>, or into the problems that keep it out.</summary>
public static partial class MeasureParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public const int MaxQuestions = 50;

    public static (MeasureDefinition? Measure, IReadOnlyList<ContentProblem> Problems) Parse(string displayPath, string slug, string text)
    {
        if (!Slug.IsValid(slug))
        {
            return Fail(displayPath, 1, $"file name '{slug}.yaml' is not a valid slug: use 1-{Slug.MaxLength} lower-case letters, digits and hyphens");
        }

        Definition? d;
        try
        {
            d = Yaml.Deserialize<Definition>(text);
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(1, ex.Start.Line);
            var reason = ex.InnerException?.Message ?? ex.Message;
            if (reason.Contains("not found on type", StringComparison.Ordinal) || reason.Contains("Property '", StringComparison.Ordinal))
            {
                reason = $"'{PropertyName(reason)}' is not a field a measure can have (check the spelling; fields are lower case with underscores)";
            }
            else if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase))
            {
                reason = "use spaces, never tabs, to indent";
            }
            else
            {
                reason = $"this line is not valid YAML or has a value of the wrong kind ({FirstLine(reason)})";
            }

            return Fail(displayPath, line, reason);
        }

        if (d is null)
        {
            return Fail(displayPath, 1, "the file is empty: 'name', 'kind', 'scale', 'higher_is' and 'mcid' are required");
        }

        var problems = new List<ContentProblem>();
        void Problem(string key, string reason) => problems.Add(new(displayPath, KeyLine(text, key), reason));

        if (string.IsNullOrWhiteSpace(d.Name))
        {
            Problem("name", "'name' is required");
        }

        if (string.IsNullOrWhiteSpace(d.Summary))
        {
            Problem("summary", "'summary' is required: one plain sentence for the patient");
        }

        if (string.IsNullOrWhiteSpace(d.Licence))
        {
            Problem("licence", "'licence' is required: say who may use it (\"Free to use\", or the clinic's licence)");
        }

        var kind = d.Kind switch
        {
            "questions" => MeasureKind.Questions,
            "activities" => MeasureKind.Activities,
            _ => (MeasureKind?)null,
        };
        if (kind is null)
        {
            Problem("kind", "'kind' must be 'questions' or 'activities'");
        }

        if (kind == MeasureKind.Questions && (d.Questions is null || d.Questions.Count == 0 || d.Questions.Any(string.IsNullOrWhiteSpace)))
        {
            Problem("questions", "a measure of kind 'questions' needs a 'questions' list with at least one question, none empty");
        }
        else if (d.Questions is { Count: > MaxQuestions })
        {
            Problem("questions", $"at most {MaxQuestions} questions");
        }

        if (kind == MeasureKind.Activities)
        {
            if (d.Activities is null || string.IsNullOrWhiteSpace(d.Activities.Prompt) || string.IsNullOrWhiteSpace(d.Activities.Question))
            {
                Problem("activities", "a measure of kind 'activities' needs 'activities' with 'prompt' and 'question'");
            }
            else if (!d.Activities.Question.Contains("{activity}", StringComparison.Ordinal))
            {
                Problem("question", "the activities 'question' must contain {activity}, where the patient's activity goes");
            }
            else if (d.Activities.Max is < 1 or > 10)
            {
                Problem("max", "activities 'max' must be 1-10");
            }
        }

        if (d.Scale is null)
        {
            Problem("scale", "'scale' is required, with 'min' and 'max'");
        }
        else if (d.Scale.Min is null || d.Scale.Max is null || d.Scale.Min >= d.Scale.Max || d.Scale.Max - d.Scale.Min > 20)
        {
            Problem("scale", "'scale' needs whole numbers 'min' below 'max', at most 20 apart");
        }
        else if ((d.Scale.Labels ?? []).Keys.Where(k => k < d.Scale.Min || k > d.Scale.Max).ToList() is [var outside, ..])
        {
            Problem(outside.ToString(CultureInfo.InvariantCulture), $"label {outside} is outside the scale ({d.Scale.Min} to {d.Scale.Max})");
        }

        var scoring = d.Scoring switch
        {
            null or "mean" => MeasureScoring.Mean,
            "sum" => MeasureScoring.Sum,
            _ => (MeasureScoring?)null,
        };
        if (scoring is null)
        {
            Problem("scoring", "'scoring' must be 'mean' or 'sum'");
        }

        var higherIsBetter = d.HigherIs switch
        {
            "better" => true,
            "worse" => false,
            _ => (bool?)null,
        };
        if (higherIsBetter is null)
        {
            Problem("higher_is", "'higher_is' must be 'better' or 'worse'");
        }

        if (d.Mcid is not { } mcid || mcid <= 0)
        {
            Problem("mcid", "'mcid' is required: the smallest change that matters, a number above 0");
        }

        var changeFrom = d.ChangeFrom switch
        {
            null or "baseline" => ChangeFrom.Baseline,
            "zero" => ChangeFrom.Zero,
            _ => (ChangeFrom?)null,
        };
        if (changeFrom is null)
        {
            Problem("change_from", "'change_from' must be 'baseline' or 'zero'");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var measure = new MeasureDefinition(
            slug, d.Name!.Trim(), string.IsNullOrWhiteSpace(d.ShortName) ? d.Name!.Trim() : d.ShortName.Trim(), d.Summary!.Trim(), d.Instructions?.Trim() ?? string.Empty,
            kind!.Value, d.Scale!.Min!.Value, d.Scale.Max!.Value, d.Scale.Labels ?? [],
            [.. (d.Questions ?? []).Select(q => q.Trim())], d.Activities?.Prompt?.Trim(), d.Activities?.Question?.Trim(), d.Activities?.Max ?? 5,
            scoring!.Value, higherIsBetter!.Value, d.Mcid!.Value, changeFrom!.Value, d.Licence!.Trim(), displayPath);
        return (measure, []);
    }

    private static (MeasureDefinition?, IReadOnlyList<ContentProblem>) Fail(string file, int line, string reason) => (null, [new ContentProblem(file, line, reason)]);

    /// <summary>The 1-based line of <paramref name="key"/>'s first occurrence, or 1.</summary>
    private static int KeyLine(string text, string key)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        return index + 1 is var line && line > 0 ? line : 1;
    }

    private static string PropertyName(string message) => PropertyPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : "a field";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex("Property '([^']+)'")]
    private static partial Regex PropertyPattern();

    private sealed class Definition
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? Summary { get; set; }
        public string? Instructions { get; set; }
        public string? Kind { get; set; }
        public List<string>? Questions { get; set; }
        public ActivitiesPart? Activities { get; set; }
        public ScalePart? Scale { get; set; }
        public string? Scoring { get; set; }
        public string? HigherIs { get; set; }
        public double? Mcid { get; set; }
        public string? ChangeFrom { get; set; }
        public string? Licence { get; set; }
    }

    private sealed class ActivitiesPart
    {
        public int Max { get; set; } = 5;
        public string? Prompt { get; set; }
        public string? Question { get; set; }
    }

    private sealed class ScalePart
    {
        public int? Min { get; set; }
        public int? Max { get; set; }
        public Dictionary<int, string>? Labels { get; set; }
    }
}
