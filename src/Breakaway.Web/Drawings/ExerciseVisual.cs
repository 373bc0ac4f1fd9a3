namespace Breakaway.Web.Drawings;

public enum VisualSize
{
    /// <summary>The moving drawing, with the positions side by side for reduced motion and print.</summary>
    Full,

    /// <summary>A small still of the key position, for lists and cards.</summary>
    Thumbnail,

    /// <summary>The positions side by side only: the printed handout.</summary>
    Print,
}

/// <summary>
/// What the <c>_ExerciseVisual</c> partial shows for one exercise: today its drawing; the one place where a card's
/// picture is decided, so photos and videos can sit beside the drawing later.
/// </summary>
public sealed record ExerciseVisual(string Name, string StartingPosition, ExerciseDrawing? Drawing, int HoldSeconds, VisualSize Size)
{
    public bool HasDrawing => Drawing is { Positions.Count: > 0 };

    /// <summary>The exercise's name as it reads inside a sentence: "the glute bridge".</summary>
    public string NameInSentence => (Name ?? "exercise").ToLowerInvariant();

    /// <summary>The text alternative: the exercise's own starting-position words, then the positions it moves through.</summary>
    public string AltText
    {
        get
        {
            var text = $"Drawing of the {NameInSentence}. {StartingPosition}".TrimEnd();
            if (Drawing is { Positions.Count: > 1 } d)
            {
                text += $" The drawing shows: {string.Join(", then ", d.Positions.Select(p => (p.Label ?? "").ToLowerInvariant()))}.";
            }

            return text;
        }
    }

    /// <summary>The shorter alternative of a thumbnail: the list around it already names the exercise.</summary>
    public string ThumbnailText => Drawing is { Positions.Count: > 0 } d ? $"Drawing of the {NameInSentence}: {(d.Positions[^1].Label ?? "").ToLowerInvariant()}" : Name ?? "Exercise";
}
