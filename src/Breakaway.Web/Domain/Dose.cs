using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Breakaway.Web.Domain;

/// <summary>How much of an exercise: the library default, or a therapist's override for one patient.</summary>
public sealed record Dose
{
    [Range(1, 10)]
    public int Sets { get; init; } = 1;

    [Range(1, 100)]
    public int Reps { get; init; } = 10;

    [Range(0, 300)]
    public int HoldSeconds { get; init; }

    public bool PerSide { get; init; }

    [Range(0, 600)]
    public int RestSeconds { get; init; } = 30;

    [Range(1, 7)]
    public int TimesPerWeek { get; init; } = 3;

    /// <summary>The dose in plain words: "2 sets of 15 on each side", "2 sets of 10, hold 5 seconds at the top".</summary>
    public string Describe(string sideName = "side", string? holdAt = null)
    {
        var text = Sets == 1 ? $"1 set of {Reps}" : $"{Sets} sets of {Reps}";
        if (PerSide)
        {
            text += $" on each {sideName}";
        }

        if (HoldSeconds > 0)
        {
            var hold = HoldSeconds == 1 ? "1 second" : $"{HoldSeconds} seconds";
            text += string.IsNullOrWhiteSpace(holdAt) ? $", hold {hold}" : $", hold {hold} {holdAt}";
        }

        return text;
    }

    public string DescribeRest() =>
        RestSeconds == 0 ? "No rest needed between sets." : string.Create(CultureInfo.InvariantCulture, $"Rest {RestSeconds} seconds between sets.");

    public string DescribeFrequency() => TimesPerWeek switch
    {
        7 => "Every day.",
        1 => "Once a week.",
        2 => "Twice a week.",
        _ => string.Create(CultureInfo.InvariantCulture, $"{TimesPerWeek} times a week."),
    };
}
