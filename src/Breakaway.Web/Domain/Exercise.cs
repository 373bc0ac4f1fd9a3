namespace Breakaway.Web.Domain;

/// <summary>One exercise of the clinic's library, with its default dose and the cues a patient needs.</summary>
public sealed class Exercise
{
    public int Id { get; set; }

    /// <summary>URL-safe, unique: <c>^[a-z0-9-]{1,80}$</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>One short sentence: what the exercise is for.</summary>
    public required string Purpose { get; set; }

    public BodyRegion BodyRegion { get; set; }

    public ExerciseCategory Category { get; set; }

    public required string StartingPosition { get; set; }

    /// <summary>Numbered steps, in order.</summary>
    public List<string> Steps { get; set; } = [];

    public Dose Dose { get; set; } = new();

    /// <summary>Where in the movement the hold happens, e.g. "at the top". Empty when it needs no saying.</summary>
    public string? HoldAt { get; set; }

    /// <summary>What "per side" means for this exercise: "side", "leg" or "arm".</summary>
    public string SideName { get; set; } = "side";

    public string? Equipment { get; set; }

    /// <summary>"What you should feel": cues that the exercise is done right.</summary>
    public List<string> FormCues { get; set; } = [];

    /// <summary>When the patient should stop. Separate records, so a log can point at the cue that was hit.</summary>
    public List<StopCue> StopCues { get; set; } = [];

    /// <summary>Harder exercises to move on to.</summary>
    public List<ExerciseProgression> Progressions { get; set; } = [];

    /// <summary>Easier exercises to step back to.</summary>
    public List<ExerciseProgression> Regressions { get; set; } = [];

    /// <summary>The line drawing of the exercise's positions (see <c>Drawings/</c>); none when null.</summary>
    public Drawings.ExerciseDrawing? Drawing { get; set; }

    /// <summary>Optional picture or video (http or https only).</summary>
    public string? MediaUrl { get; set; }

    /// <summary>Shown on the public exercise pages.</summary>
    public bool IsPublic { get; set; } = true;

    /// <summary>Exercises in use are archived, never deleted: old programs and logs keep pointing at them.</summary>
    public bool IsArchived { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public sealed class StopCue
{
    public int Id { get; set; }

    public int ExerciseId { get; set; }

    public Exercise Exercise { get; set; } = null!;

    public int Order { get; set; }

    /// <summary>A short sentence to the patient, e.g. "You feel it in your low back, not your buttocks."</summary>
    public required string Text { get; set; }

    /// <summary>True when hitting this cue means pain (which raises a flag for the therapist).</summary>
    public bool IsPain { get; set; }
}

/// <summary>"<see cref="Harder"/> is a progression of <see cref="Easier"/>"; read the other way it is a regression.</summary>
public sealed class ExerciseProgression
{
    public int EasierId { get; set; }

    public Exercise Easier { get; set; } = null!;

    public int HarderId { get; set; }

    public Exercise Harder { get; set; } = null!;
}

public enum BodyRegion
{
    Hips,
    Core,
    LowBack,
    PelvicFloor,
    Legs,
}

public enum ExerciseCategory
{
    WarmUp,
    Activation,
    Mobility,
    Strengthening,
    Functional,
}
