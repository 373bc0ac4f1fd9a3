using System.Globalization;

namespace Breakaway.Web.Measures;

/// <summary>How a questionnaire asks: a fixed list of questions, or activities the patient names once and rates each time (PSFS).</summary>
public enum MeasureKind
{
    Questions,
    Activities,
}

/// <summary>What the patient's answers add up to.</summary>
public enum MeasureScoring
{
    Mean,
    Sum,
}

/// <summary>
/// What a change is measured from: the first answer (<see cref="Baseline"/>, as for pain or function), or zero
/// (<see cref="Zero"/>: the questionnaire itself asks about change, as a global rating of change does).
/// </summary>
public enum ChangeFrom
{
    Baseline,
    Zero,
}

/// <summary>Whether a change is as large as the smallest change that matters to the patient (the MCID), and which way.</summary>
public enum ChangeJudgement
{
    NoMeaningfulChange,
    Better,
    Worse,
}

/// <summary>
/// One outcome measure, read from <c>content/measures/&lt;slug&gt;.yaml</c>: what it asks, its answer scale with labels,
/// how it is scored, which direction is better and its MCID. Immutable; the catalog swaps whole sets.
/// </summary>
public sealed record MeasureDefinition(
    string Slug,
    string Name,
    string ShortName,
    string Summary,
    string Instructions,
    MeasureKind Kind,
    int Min,
    int Max,
    IReadOnlyDictionary<int, string> Labels,
    IReadOnlyList<string> Questions,
    string? ActivityPrompt,
    string? ActivityQuestion,
    int MaxActivities,
    MeasureScoring Scoring,
    bool HigherIsBetter,
    double Mcid,
    ChangeFrom ChangeFrom,
    string Licence,
    string File)
{
    /// <summary>Every value a patient can choose, lowest first.</summary>
    public IEnumerable<int> Values => Enumerable.Range(Min, Max - Min + 1);

    /// <summary>The label of a value, or null when the scale names only some points (such as its two ends).</summary>
    public string? Label(int value) => Labels.TryGetValue(value, out var label) ? label : null;

    /// <summary>The questions of one round: the fixed list, or one per named activity.</summary>
    public IReadOnlyList<string> QuestionsFor(IReadOnlyList<string> activities) =>
        Kind == MeasureKind.Questions ? Questions : [.. activities.Select(a => (ActivityQuestion ?? "{activity}").Replace("{activity}", a, StringComparison.Ordinal))];

    /// <summary>The score of one complete round of answers, rounded to one decimal.</summary>
    public double Score(IReadOnlyList<int> answers)
    {
        if (answers.Count == 0)
        {
            throw new ArgumentException("A score needs at least one answer.", nameof(answers));
        }

        if (answers.Any(a => a < Min || a > Max))
        {
            throw new ArgumentOutOfRangeException(nameof(answers), $"Answers of {ShortName} run from {Min} to {Max}.");
        }

        var total = Scoring == MeasureScoring.Sum ? answers.Sum() : answers.Average();
        return Math.Round(total, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The change that is judged: latest minus baseline, or the latest score itself when the measure asks about change.</summary>
    public double Change(double baseline, double latest) =>
        Math.Round(ChangeFrom == ChangeFrom.Zero ? latest : latest - baseline, 1, MidpointRounding.AwayFromZero);

    /// <summary>Better or worse by at least the MCID (in the measure's own direction), or no change that matters.</summary>
    public ChangeJudgement Judge(double change)
    {
        var improvement = HigherIsBetter ? change : -change;
        return improvement >= Mcid - 1e-9 ? ChangeJudgement.Better
            : improvement <= -Mcid + 1e-9 ? ChangeJudgement.Worse
            : ChangeJudgement.NoMeaningfulChange;
    }

    /// <summary>The trend in plain words for the patient: "Better than when you started by 3 points."</summary>
    public string DescribeForPatient(double change)
    {
        var size = Math.Abs(change);
        var points = $"{Number(size)} {(size == 1 ? "point" : "points")}";
        return (ChangeFrom, Judge(change)) switch
        {
            (ChangeFrom.Zero, ChangeJudgement.Better) => $"You feel better than when you started: you chose {WithSign(change)}.",
            (ChangeFrom.Zero, ChangeJudgement.Worse) => $"You feel worse than when you started: you chose {WithSign(change)}. Please tell your physical therapist.",
            (ChangeFrom.Zero, _) => $"You feel about the same as when you started: you chose {WithSign(change)}.",
            (_, ChangeJudgement.Better) => $"Better than when you started by {points}.",
            (_, ChangeJudgement.Worse) => $"Worse than when you started by {points}. Please tell your physical therapist.",
            _ when size == 0 => "The same as when you started.",
            _ => $"About the same as when you started: {points} {(IsImprovement(change) ? "better" : "worse")}, which is less than the {Number(Mcid)} points that usually make a real difference.",
        };
    }

    private bool IsImprovement(double change) => HigherIsBetter ? change > 0 : change < 0;

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string WithSign(double value) => value > 0 ? "+" + Number(value) : Number(value);
}
