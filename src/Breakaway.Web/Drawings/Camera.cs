namespace Breakaway.Web.Drawings;

/// <summary>An orthographic camera: turned about the vertical for the view, then tipped down by the elevation.</summary>
public readonly record struct Camera(double Yaw, double Elevation)
{
    public static Camera For(ExerciseDrawing drawing) => new((drawing.View switch
    {
        DrawingView.Front => -90,
        DrawingView.Back => 90,
        DrawingView.ThreeQuarter => -40,
        DrawingView.ThreeQuarterBack => 140,
        _ => 0,
    } + drawing.Turn) * Math.PI / 180, drawing.Elevation * Math.PI / 180);

    /// <summary>Screen point (SVG units, y down) and depth (larger is nearer the camera).</summary>
    public (double X, double Y, double Depth) Project(Vec3 p)
    {
        var x = (p.X * Math.Cos(Yaw)) + (p.Z * Math.Sin(Yaw));
        var z = (-p.X * Math.Sin(Yaw)) + (p.Z * Math.Cos(Yaw));
        var y = (p.Y * Math.Cos(Elevation)) - (z * Math.Sin(Elevation));
        var depth = (p.Y * Math.Sin(Elevation)) + (z * Math.Cos(Elevation));
        return (x, -y, depth);
    }
}
