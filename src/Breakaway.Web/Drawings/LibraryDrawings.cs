using static Breakaway.Web.Drawings.BasePoses;

namespace Breakaway.Web.Drawings;

/// <summary>
/// The drawings of the seeded library, by slug. Each starts from a base pose and changes only the joints the
/// exercise moves, so the numbers read like the instructions. The views were chosen to show the movement:
/// side-on for bridges and kicks, from in front of the chest and a little above for clamshells, from behind and
/// above for hydrants.
/// </summary>
public static class LibraryDrawings
{
    private static readonly Pose BridgeTop = LyingOnBack with
    {
        TrunkPitch = -112, Neck = 22, RightHipFlex = 0, RightKnee = 112, RightAnkle = 0, LeftHipFlex = 0, LeftKnee = 112, LeftAnkle = 0,
        RightShoulderFlex = -22, LeftShoulderFlex = -22,
    };

    // Lying on the right side, hips rolled a little forward (roll past 90), the head on the lower arm and the upper
    // hand on the floor in front of the chest. Locked: the lower leg straight, the upper foot resting just behind
    // the lower knee and the upper knee down on the floor in front; it lifts about the foot, which stays put.
    private static readonly Pose SideLyingArms = SideLying with
    {
        TrunkRoll = 100, RightShoulderFlex = 170, RightElbow = 140, RightShoulderAbduct = 0, LeftShoulderFlex = 80, LeftShoulderAbduct = -35, LeftElbow = 70,
    };

    private static readonly Pose LockedClamshell = SideLyingArms with
    {
        RightHipFlex = 5, RightKnee = 0, RightAnkle = 10,
        LeftHipFlex = 50, LeftHipAbduct = -22, LeftHipRotate = -5, LeftKnee = 115, LeftAnkle = 20,
    };

    private static readonly Pose LockedClamshellLifted = LockedClamshell with { LeftHipFlex = 45, LeftHipAbduct = 4, LeftHipRotate = -20 };

    // Both knees bent, heels together; the upper knee opens while the heels stay touching.
    private static readonly Pose HeelsTogether = SideLyingArms with
    {
        RightHipFlex = 45, RightHipAbduct = 4, RightKnee = 90, LeftHipFlex = 45, LeftHipAbduct = -10, LeftKnee = 90,
    };

    private static readonly Pose HeelsTogetherOpen = HeelsTogether with { LeftHipFlex = 35, LeftHipAbduct = 22, LeftHipRotate = -35 };

    private static readonly Pose HalfKneelSquat = Standing with
    {
        TrunkPitch = 35, Neck = -20, RightHipFlex = 100, RightKnee = 100, RightAnkle = -30, LeftHipFlex = 100, LeftKnee = 100, LeftAnkle = -30,
        RightShoulderFlex = 60, LeftShoulderFlex = 60, RightElbow = 0, LeftElbow = 0, ShiftX = -14,
    };

    private static readonly Pose SplitStance = Standing with
    {
        RightHipFlex = 28, RightKnee = 8, RightAnkle = -8, LeftHipFlex = -22, LeftKnee = 12, LeftAnkle = 45,
    };

    private static readonly Pose HingeStart = Standing with { RightKnee = 12, LeftKnee = 12, RightHipFlex = 6, LeftHipFlex = 6, RightAnkle = -6, LeftAnkle = -6 };

    private static readonly Pose Hinged = HingeStart with
    {
        TrunkPitch = 62, Neck = -25, RightHipFlex = 80, LeftHipFlex = 80, RightKnee = 22, LeftKnee = 22, RightAnkle = -4, LeftAnkle = -4,
        RightShoulderFlex = 62, LeftShoulderFlex = 62, RightElbow = 0, LeftElbow = 0, ShiftX = -22,
    };

    private static readonly Pose OnStepStart = Standing with { RightHipFlex = 62, RightKnee = 78, RightAnkle = -16 };

    public static IReadOnlyDictionary<string, ExerciseDrawing> BySlug { get; } = new Dictionary<string, ExerciseDrawing>(StringComparer.Ordinal)
    {
        ["glute-bridge"] = Two(DrawingView.Side, 0, [DrawingProp.Mat], Joint.Pelvis, ("Start", LyingOnBack), ("Hips lifted", BridgeTop)),
        ["banded-glute-bridge"] = Two(DrawingView.Side, 0, [DrawingProp.Mat, DrawingProp.Band], Joint.Pelvis, ("Start", LyingOnBack), ("Hips lifted", BridgeTop)),
        ["single-leg-glute-bridge"] = Two(DrawingView.Side, 0, [DrawingProp.Mat], Joint.Pelvis,
            ("Start, one leg straight", LyingOnBack with { LeftHipFlex = 55, LeftKnee = 0, LeftAnkle = 0 }),
            ("Hips lifted", BridgeTop with { LeftHipFlex = 0, LeftKnee = 0, LeftAnkle = 0 })),
        ["pelvic-tilt"] = One(DrawingView.Side, 0, [DrawingProp.Mat], ("Lying on the back, knees bent", LyingOnBack)),
        ["diaphragmatic-breathing"] = One(DrawingView.Side, 0, [DrawingProp.Mat],
            ("Hands on chest and belly", LyingOnBack with { RightShoulderFlex = 30, RightElbow = 120, LeftShoulderFlex = 10, LeftElbow = 110 })),
        // Seen from in front of the chest, a little above and (locked) toward the head: the bend of the upper leg, its
        // foot by the lower knee and the knee rising all show; straight from the front the thighs point at the camera.
        ["locked-clamshell"] = Two(DrawingView.Side, 25, [DrawingProp.Mat], Joint.LeftKnee,
            ("Start: top knee on the floor", LockedClamshell), ("Top knee lifted a little", LockedClamshellLifted)) with { Turn = -20 },
        ["banded-clamshell"] = Two(DrawingView.Side, 20, [DrawingProp.Mat, DrawingProp.Band], Joint.LeftKnee,
            ("Start: knees together", HeelsTogether), ("Top knee lifted", HeelsTogetherOpen)),
        ["quadruped-fire-hydrant"] = Two(DrawingView.ThreeQuarterBack, 35, [DrawingProp.Mat], Joint.RightKnee,
            ("Start on hands and knees", AllFours), ("Bent knee lifted to the side", AllFours with { RightHipAbduct = 60 })),
        ["banded-fire-hydrant"] = Two(DrawingView.ThreeQuarterBack, 35, [DrawingProp.Mat, DrawingProp.Band], Joint.RightKnee,
            ("Start on hands and knees", AllFours), ("Bent knee lifted to the side", AllFours with { RightHipAbduct = 50 })),
        ["quadruped-donkey-kick"] = Two(DrawingView.Side, 0, [DrawingProp.Mat], Joint.RightKnee,
            ("Start on hands and knees", AllFours), ("Heel pushed toward the ceiling", AllFours with { RightHipFlex = 0, RightKnee = 90, RightAnkle = 0 })),
        ["bodyweight-squat"] = Two(DrawingView.Side, 0, [DrawingProp.Chair], Joint.Pelvis, ("Standing tall", Standing with { ShiftX = 0 }), ("Sitting back", HalfKneelSquat)),
        ["split-squat"] = Two(DrawingView.Side, 0, [], Joint.Pelvis,
            ("Long step, back heel up", SplitStance),
            ("Both knees bent", SplitStance with { RightHipFlex = 80, RightKnee = 88, RightAnkle = -20, LeftHipFlex = -5, LeftKnee = 95, LeftAnkle = 40 })),
        ["step-up"] = Two(DrawingView.Side, 0, [DrawingProp.Step], Joint.Pelvis,
            ("One foot on the step", OnStepStart), ("Standing tall on the step", Standing with { Raise = 24, ShiftX = 30 })),
        ["hip-hinge"] = Two(DrawingView.Side, 0, [], Joint.Head, ("Standing, knees soft", HingeStart), ("Hips pushed back", Hinged)),
        ["weighted-hip-hinge"] = Two(DrawingView.Side, 0, [DrawingProp.Weight], Joint.Head,
            ("Weight in front of the thighs", HingeStart with { RightShoulderFlex = 10, LeftShoulderFlex = 10, RightElbow = 0, LeftElbow = 0 }),
            ("Hips pushed back", Hinged)),

        ["pelvic-floor-long-holds"] = One(DrawingView.Side, 0, [DrawingProp.Mat], ("Lying on the back, knees bent", LyingOnBack)),
        ["pelvic-floor-quick-contractions"] = One(DrawingView.Side, 0, [DrawingProp.Mat], ("Lying on the back, knees bent", LyingOnBack)),
        ["pelvic-floor-squeezes-sitting"] = One(DrawingView.Side, 0, [DrawingProp.Chair], ("Sitting upright, feet flat", Sitting)),
        ["pelvic-floor-squeezes-standing"] = One(DrawingView.Side, 0, [], ("Standing tall", Standing)),
        ["the-knack"] = One(DrawingView.Side, 0, [], ("Standing, about to cough", Standing with { Neck = 15, RightShoulderFlex = 70, RightElbow = 130 })),
        ["childs-pose-breathing"] = One(DrawingView.Side, 0, [DrawingProp.Mat],
            ("Sitting back on the heels, chest toward the floor", Kneeling with
            {
                TrunkPitch = 104, Neck = 5, RightHipFlex = 150, LeftHipFlex = 150, RightKnee = 155, LeftKnee = 155, RightAnkle = 70, LeftAnkle = 70,
                RightShoulderFlex = 170, LeftShoulderFlex = 170,
            })),
        ["happy-baby-stretch"] = One(DrawingView.Side, 0, [DrawingProp.Mat],
            ("On the back, knees toward the armpits, holding the feet", LyingOnBack with
            {
                RightHipFlex = 125, RightHipAbduct = 25, RightKnee = 95, RightAnkle = 0, LeftHipFlex = 125, LeftHipAbduct = 25, LeftKnee = 95, LeftAnkle = 0,
                RightShoulderFlex = 110, LeftShoulderFlex = 110, RightElbow = 20, LeftElbow = 20,
            })),
    };

    /// <summary>
    /// Library drawings that shipped once and were redrawn since, by slug: the SHA-256 of their stored JSON. An
    /// exercise still showing one of them, exactly as shipped, gets today's drawing; one a therapist changed keeps theirs.
    /// </summary>
    private static readonly Dictionary<string, string[]> Superseded = new(StringComparer.Ordinal)
    {
        // The first clamshells (December 2026), side-on from above at a turn: the legs could not be told apart.
        ["locked-clamshell"] = ["416afb4b6bcf070801ea069c60044c20e6b358054fe6dd3cfeece8b3815c7355"],
        ["banded-clamshell"] = ["8122cf5bc6f11f066d836b32f3f5ff53d031036bddd79b1cb70d74e9f2383287"],
    };

    public static IReadOnlyCollection<string> RedrawnSlugs => Superseded.Keys;

    /// <summary>True when <paramref name="drawing"/> is an earlier library drawing of <paramref name="slug"/>, unchanged.</summary>
    public static bool IsSuperseded(string slug, ExerciseDrawing drawing) =>
        Superseded.TryGetValue(slug, out var hashes)
        && hashes.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DrawingJson.Write(drawing)))), StringComparer.Ordinal);

    private static ExerciseDrawing One(DrawingView view, int elevation, DrawingProp[] props, (string Label, Pose Pose) only) =>
        new() { View = view, Elevation = elevation, Props = [.. props], Positions = [new() { Label = only.Label, Pose = only.Pose }] };

    private static ExerciseDrawing Two(DrawingView view, int elevation, DrawingProp[] props, Joint arrow, (string Label, Pose Pose) start, (string Label, Pose Pose) end) =>
        new()
        {
            View = view, Elevation = elevation, Props = [.. props], Arrow = arrow,
            Positions = [new() { Label = start.Label, Pose = start.Pose }, new() { Label = end.Label, Pose = end.Pose }],
        };
}
