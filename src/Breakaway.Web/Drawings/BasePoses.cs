namespace Breakaway.Web.Drawings;

/// <summary>The named starting points a therapist picks from in the exercise editor, then adjusts joint by joint.</summary>
public static class BasePoses
{
    public static Pose LyingOnBack { get; } = new()
    {
        TrunkPitch = -90, Neck = -8,
        RightHipFlex = 55, RightKnee = 123, RightAnkle = 22,
        LeftHipFlex = 55, LeftKnee = 123, LeftAnkle = 22,
    };

    public static Pose SideLying { get; } = new()
    {
        TrunkPitch = -90, TrunkRoll = 90, Neck = 0,
        RightHipFlex = 40, RightKnee = 70, RightAnkle = 20,
        LeftHipFlex = 40, LeftHipAbduct = -20, LeftKnee = 70, LeftAnkle = 20,
        RightShoulderFlex = 150, RightElbow = 110,
        LeftShoulderFlex = 50, LeftShoulderAbduct = -30, LeftElbow = 30,
    };

    public static Pose AllFours { get; } = new()
    {
        TrunkPitch = 84, Neck = -10,
        RightHipFlex = 84, RightKnee = 90, RightAnkle = 90,
        LeftHipFlex = 84, LeftKnee = 90, LeftAnkle = 90,
        RightShoulderFlex = 84, LeftShoulderFlex = 84,
    };

    public static Pose Standing { get; } = new()
    {
        RightShoulderFlex = 5, LeftShoulderFlex = 5, RightElbow = 10, LeftElbow = 10,
    };

    public static Pose Sitting { get; } = new()
    {
        RightHipFlex = 90, RightKnee = 90, LeftHipFlex = 90, LeftKnee = 90,
        RightShoulderFlex = 20, RightElbow = 60, LeftShoulderFlex = 20, LeftElbow = 60,
    };

    public static Pose Kneeling { get; } = new()
    {
        RightKnee = 90, RightAnkle = 90, LeftKnee = 90, LeftAnkle = 90,
        RightShoulderFlex = 5, LeftShoulderFlex = 5,
    };

    /// <summary>By the key the editor posts; the order is the order of the editor's list.</summary>
    public static IReadOnlyList<(string Key, string Label, Pose Pose)> All { get; } =
    [
        ("lying-on-back", "Lying on the back", LyingOnBack),
        ("side-lying", "Lying on the side", SideLying),
        ("all-fours", "On hands and knees", AllFours),
        ("standing", "Standing", Standing),
        ("sitting", "Sitting", Sitting),
        ("kneeling", "Kneeling", Kneeling),
    ];

    public static Pose? Find(string? key) => All.FirstOrDefault(p => p.Key == key).Pose;
}
