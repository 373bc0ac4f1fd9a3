using Breakaway.Web.Domain;

namespace Breakaway.Web.Data.Seed;

/// <summary>The shape of one exercise in the seeded library (see <see cref="ExerciseLibrary"/>).</summary>
/// <param name="ProgressesTo">Slugs of harder exercises this one leads to.</param>
internal sealed record SeedExercise(
    string Slug,
    string Name,
    string Purpose,
    BodyRegion Region,
    ExerciseCategory Category,
    string StartingPosition,
    string[] Steps,
    Dose Dose,
    string[] FormCues,
    SeedStopCue[] StopCues,
    string[] ProgressesTo,
    string? Equipment = null,
    string? HoldAt = null,
    string SideName = "side");

/// <param name="IsPain">True when the cue means pain; hitting it raises a flag for the therapist.</param>
internal sealed record SeedStopCue(string Text, bool IsPain = false);
