namespace Breakaway.Web.Domain;

/// <summary>Patient-facing names of the library's categories and body regions.</summary>
public static class ExerciseText
{
    public static string Label(this ExerciseCategory category) => category switch
    {
        ExerciseCategory.WarmUp => "Warm-up",
        ExerciseCategory.Activation => "Activation",
        ExerciseCategory.Mobility => "Mobility",
        ExerciseCategory.Strengthening => "Strengthening",
        ExerciseCategory.Functional => "Everyday movement",
        _ => category.ToString(),
    };

    public static string Label(this BodyRegion region) => region switch
    {
        BodyRegion.Hips => "Hips and glutes",
        BodyRegion.Core => "Core and breathing",
        BodyRegion.LowBack => "Low back",
        BodyRegion.PelvicFloor => "Pelvic floor",
        BodyRegion.Legs => "Legs",
        _ => region.ToString(),
    };

    /// <summary>URL form of an enum value: <c>WarmUp</c> becomes <c>warm-up</c>.</summary>
    public static string Key<T>(this T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParseKey<T>(string? key, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.Key(), key, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
