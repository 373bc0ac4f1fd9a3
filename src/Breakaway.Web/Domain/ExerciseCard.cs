using Breakaway.Web.Drawings;

namespace Breakaway.Web.Domain;

/// <summary>What an exercise card shows: name, dose in plain words, the stop cues and the drawing.</summary>
public sealed record ExerciseCard(string Slug, string Name, string Purpose, string DoseText, IReadOnlyList<string> StopCues, ExerciseDrawing? Drawing = null)
{
    public static ExerciseCard From(Exercise e) =>
        new(e.Slug, e.Name, e.Purpose, e.Dose.Describe(e.SideName, e.HoldAt), [.. e.StopCues.OrderBy(c => c.Order).Select(c => c.Text)], e.Drawing);
}
