using System.Reflection;

namespace Breakaway.Web.Drawings;

/// <summary>The joint angles the editor shows as number fields: label, group, allowed range, and how to read and write each.</summary>
public sealed record PoseField(string Name, string Label, string Group, int Min, int Max, string Unit = "degrees")
{
    private PropertyInfo Property => typeof(Pose).GetProperty(Name)!;

    public int Get(Pose pose) => (int)Property.GetValue(pose)!;

    public static IReadOnlyList<PoseField> All { get; } =
    [
        new(nameof(Pose.TrunkPitch), "Trunk tilt (0 upright, 90 face down, -90 on the back)", "Body", -180, 180),
        new(nameof(Pose.TrunkRoll), "Trunk roll (90 on the side)", "Body", -180, 180),
        new(nameof(Pose.Neck), "Head nod", "Body", -60, 90),
        new(nameof(Pose.ShiftX), "Move along the floor", "Body", -100, 100, "units"),
        new(nameof(Pose.Raise), "Raise off the floor", "Body", 0, 60, "units"),
        new(nameof(Pose.RightHipFlex), "Hip bend", "Right leg", -40, 170),
        new(nameof(Pose.RightHipAbduct), "Hip out to the side", "Right leg", -60, 90),
        new(nameof(Pose.RightHipRotate), "Hip turn outward", "Right leg", -90, 90),
        new(nameof(Pose.RightKnee), "Knee bend", "Right leg", 0, 170),
        new(nameof(Pose.RightAnkle), "Toes pointed", "Right leg", -60, 90),
        new(nameof(Pose.LeftHipFlex), "Hip bend", "Left leg", -40, 170),
        new(nameof(Pose.LeftHipAbduct), "Hip out to the side", "Left leg", -60, 90),
        new(nameof(Pose.LeftHipRotate), "Hip turn outward", "Left leg", -90, 90),
        new(nameof(Pose.LeftKnee), "Knee bend", "Left leg", 0, 170),
        new(nameof(Pose.LeftAnkle), "Toes pointed", "Left leg", -60, 90),
        new(nameof(Pose.RightShoulderFlex), "Shoulder forward", "Right arm", -90, 200),
        new(nameof(Pose.RightShoulderAbduct), "Shoulder out to the side", "Right arm", -30, 180),
        new(nameof(Pose.RightElbow), "Elbow bend", "Right arm", 0, 160),
        new(nameof(Pose.LeftShoulderFlex), "Shoulder forward", "Left arm", -90, 200),
        new(nameof(Pose.LeftShoulderAbduct), "Shoulder out to the side", "Left arm", -30, 180),
        new(nameof(Pose.LeftElbow), "Elbow bend", "Left arm", 0, 160),
    ];

    /// <summary>The messages for angles outside their range, keyed by field, in words a therapist reads at the field.</summary>
    public static IEnumerable<(string Name, string Message)> Problems(Pose pose) =>
        All.Where(f => f.Get(pose) < f.Min || f.Get(pose) > f.Max)
           .Select(f => (f.Name, $"{f.Group}, {f.Label.ToLowerInvariant()}: use a number from {f.Min} to {f.Max} {f.Unit}."));
}
