namespace Breakaway.Web.Drawings;

/// <summary>Words for the editor's lists.</summary>
public static class DrawingText
{
    public static string Label(this DrawingProp prop) => prop switch
    {
        DrawingProp.Mat => "Mat",
        DrawingProp.Wall => "Wall",
        DrawingProp.Chair => "Chair",
        DrawingProp.Step => "Step",
        DrawingProp.Band => "Band above the knees",
        DrawingProp.Weight => "Weight in the hands",
        _ => prop.ToString(),
    };

    public static string Label(this Joint joint) => joint switch
    {
        Joint.Pelvis => "Hips",
        Joint.Head => "Head",
        Joint.RightKnee => "Right knee",
        Joint.RightFoot => "Right foot",
        Joint.LeftKnee => "Left knee",
        Joint.LeftFoot => "Left foot",
        Joint.RightHand => "Right hand",
        Joint.LeftHand => "Left hand",
        _ => joint.ToString(),
    };
}
