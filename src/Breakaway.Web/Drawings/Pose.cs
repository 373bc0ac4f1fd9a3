
namespace Breakaway.Web.Drawings;

/// <summary>
/// A drawing of an exercise: the figure's positions (start, end and any in between), the camera, and props.
/// Stored as JSON on the exercise; the SVG is made from it by <see cref="DrawingRenderer"/>.
/// </summary>
public sealed record ExerciseDrawing
{
    public DrawingView View { get; init; } = DrawingView.Side;

    /// <summary>How far the camera looks down on the figure, in degrees (0 = at floor level, 60 = from high above).</summary>
    public int Elevation { get; init; }

    /// <summary>Turns the camera about the figure, in degrees, on top of the view (-90 to 90).</summary>
    public int Turn { get; init; }

    public List<DrawingProp> Props { get; init; } = [];

    /// <summary>One position is a still drawing; two or more move from each to the next and back.</summary>
    public List<DrawingPosition> Positions { get; init; } = [];

    /// <summary>Where the arrow points out the movement (from the first position to the next); none when null.</summary>
    public Joint? Arrow { get; init; }
}

/// <summary>One named position of the figure, such as "Start" or "Hips lifted".</summary>
public sealed record DrawingPosition
{
    public string Label { get; init; } = "Start";

    public Pose Pose { get; init; } = new();
}

/// <summary>
/// Joint angles in degrees. The figure faces right in the side view. Trunk pitch 0 is upright, 90 tips it forward
/// onto hands and knees, -90 lays it on its back; roll 90 turns it onto its side. Hip and shoulder flexion 0 hang
/// the limb down along the trunk, 90 brings it forward; abduction moves it out to the side; knee and elbow 0 are
/// straight. Ankle 0 keeps the foot at a right angle to the shin; positive points the toes.
/// </summary>
public sealed record Pose
{
    public int TrunkPitch { get; init; }
    public int TrunkRoll { get; init; }
    public int Neck { get; init; }

    public int RightHipFlex { get; init; }
    public int RightHipAbduct { get; init; }
    public int RightHipRotate { get; init; }
    public int RightKnee { get; init; }
    public int RightAnkle { get; init; }

    public int LeftHipFlex { get; init; }
    public int LeftHipAbduct { get; init; }
    public int LeftHipRotate { get; init; }
    public int LeftKnee { get; init; }
    public int LeftAnkle { get; init; }

    public int RightShoulderFlex { get; init; }
    public int RightShoulderAbduct { get; init; }
    public int RightElbow { get; init; }

    public int LeftShoulderFlex { get; init; }
    public int LeftShoulderAbduct { get; init; }
    public int LeftElbow { get; init; }

    /// <summary>Moves the whole figure left (negative) or right along the floor, in drawing units (a thigh is 40).</summary>
    public int ShiftX { get; init; }

    /// <summary>Lifts the whole figure off the floor, for standing on a step, in drawing units.</summary>
    public int Raise { get; init; }
}

public enum DrawingView
{
    Side,
    Front,
    Back,
    ThreeQuarter,
    ThreeQuarterBack,
}

public enum DrawingProp
{
    Mat,
    Wall,
    Chair,
    Step,
    Band,
    Weight,
}

/// <summary>Points of the figure an arrow can follow.</summary>
public enum Joint
{
    Pelvis,
    Head,
    RightKnee,
    RightFoot,
    LeftKnee,
    LeftFoot,
    RightHand,
    LeftHand,
}
