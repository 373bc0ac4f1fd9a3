using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Breakaway.Web.Drawings;

public enum DrawingMode
{
    /// <summary>The figure moves from position to position (SMIL, no script), holding for the hold time.</summary>
    Motion,

    /// <summary>The positions side by side, labelled, with the arrow: for reduced motion, print and the handout.</summary>
    Still,

    /// <summary>The last position alone, small, with the arrow: for lists.</summary>
    Thumbnail,
}

/// <summary>
/// Turns an <see cref="ExerciseDrawing"/> into SVG line art: rounded limbs, the far side lighter, a floor line and
/// props, and a white edge under the near limbs where they cross the body. Output has no script and no style attributes (colours are presentation attributes with classes that the
/// stylesheet overrides for print), <c>role="img"</c>, an <c>aria-label</c> and a <c>&lt;title&gt;</c>.
/// Results are cached by drawing and request, so a page of cards costs a dictionary lookup per card.
/// </summary>
public sealed class DrawingRenderer
{
    public const double MoveSeconds = 1.2, RestSeconds = 1.0, ShortHoldSeconds = 0.6;
    private const double Halo = 3;
    private const int StepsPerMove = 5, MaxCached = 4000, MaxHoldSeconds = 60;
    private const string Near = "#23364a", Far = "#9aabbd", Floor = "#8a99a8", Prop = "#7b8794", Accent = "#c2410c";

    private readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);

    public string Render(ExerciseDrawing drawing, string title, int holdSeconds, DrawingMode mode)
    {
        var key = $"{(int)mode}|{holdSeconds}|{title}|{JsonSerializer.Serialize(drawing, DrawingJson.Options)}";
        if (cache.TryGetValue(key, out var svg))
        {
            return svg;
        }

        svg = mode switch
        {
            DrawingMode.Motion when drawing.Positions.Count > 1 => Motion(drawing, title, holdSeconds),
            DrawingMode.Thumbnail => Panels(drawing, title, [drawing.Positions.Count - 1], labels: false, cssClass: "drawing drawing-thumb"),
            _ => Panels(drawing, title, [.. Enumerable.Range(0, drawing.Positions.Count)], labels: drawing.Positions.Count > 1, cssClass: drawing.Positions.Count > 1 ? "drawing drawing-still" : "drawing"),
        };
        if (cache.Count > MaxCached)
        {
            cache.Clear();
        }

        cache[key] = svg;
        return svg;
    }

    /// <summary>Seconds of one loop: rest at the start, a move to each position, the hold at the last, and the move back.</summary>
    public static double LoopSeconds(ExerciseDrawing drawing, int holdSeconds) =>
        Timeline(drawing, holdSeconds).Last().Time;

    /// <summary>Key times of the loop: each entry is the pose the figure has at that second.</summary>
    internal static List<(double Time, Pose Pose)> Timeline(ExerciseDrawing drawing, int holdSeconds)
    {
        var positions = drawing.Positions.Select(p => p.Pose).ToList();
        var hold = holdSeconds > 0 ? Math.Min(holdSeconds, MaxHoldSeconds) : ShortHoldSeconds;
        var frames = new List<(double, Pose)> { (0, positions[0]), (RestSeconds, positions[0]) };
        var t = RestSeconds;
        var route = positions.Skip(1).Append(positions[0]).ToList();
        var from = positions[0];
        for (var i = 0; i < route.Count; i++)
        {
            var to = route[i];
            for (var s = 1; s <= StepsPerMove; s++)
            {
                var x = (double)s / StepsPerMove;
                frames.Add((t + (MoveSeconds * x), Lerp(from, to, x * x * (3 - (2 * x)))));
            }

            t += MoveSeconds;
            var isLast = i == route.Count - 2;
            var isBack = i == route.Count - 1;
            if (!isBack)
            {
                t += isLast ? hold : ShortHoldSeconds;
                frames.Add((t, to));
            }

            from = to;
        }

        return frames;
    }

    private static Pose Lerp(Pose a, Pose b, double t)
    {
        int L(int x, int y) => (int)Math.Round(x + ((y - x) * t));
        return new Pose
        {
            TrunkPitch = L(a.TrunkPitch, b.TrunkPitch), TrunkRoll = L(a.TrunkRoll, b.TrunkRoll), Neck = L(a.Neck, b.Neck),
            RightHipFlex = L(a.RightHipFlex, b.RightHipFlex), RightHipAbduct = L(a.RightHipAbduct, b.RightHipAbduct), RightHipRotate = L(a.RightHipRotate, b.RightHipRotate),
            RightKnee = L(a.RightKnee, b.RightKnee), RightAnkle = L(a.RightAnkle, b.RightAnkle),
            LeftHipFlex = L(a.LeftHipFlex, b.LeftHipFlex), LeftHipAbduct = L(a.LeftHipAbduct, b.LeftHipAbduct), LeftHipRotate = L(a.LeftHipRotate, b.LeftHipRotate),
            LeftKnee = L(a.LeftKnee, b.LeftKnee), LeftAnkle = L(a.LeftAnkle, b.LeftAnkle),
            RightShoulderFlex = L(a.RightShoulderFlex, b.RightShoulderFlex), RightShoulderAbduct = L(a.RightShoulderAbduct, b.RightShoulderAbduct), RightElbow = L(a.RightElbow, b.RightElbow),
            LeftShoulderFlex = L(a.LeftShoulderFlex, b.LeftShoulderFlex), LeftShoulderAbduct = L(a.LeftShoulderAbduct, b.LeftShoulderAbduct), LeftElbow = L(a.LeftElbow, b.LeftElbow),
            ShiftX = L(a.ShiftX, b.ShiftX), Raise = L(a.Raise, b.Raise),
        };
    }

    private static string Motion(ExerciseDrawing drawing, string title, int holdSeconds)
    {
        var camera = Camera.For(drawing);
        var timeline = Timeline(drawing, holdSeconds);
        var skeletons = timeline.Select(f => Skeleton.Of(f.Pose)).ToList();
        var total = timeline[^1].Time;
        var keyTimes = string.Join(';', timeline.Select(f => N(f.Time / total, "0.####")));
        var bounds = Bounds.Of(drawing, skeletons, camera);
        var dur = N(total, "0.##") + "s";

        var svg = Open(bounds.Width, bounds.Height, bounds.Left, bounds.Top, title, "drawing drawing-motion");
        Scenery(svg, drawing, skeletons, camera, bounds);
        foreach (var part in Parts.Ordered(drawing, skeletons[0], camera))
        {
            if (part.IsCircle)
            {
                var centres = skeletons.Select(s => camera.Project(part.Points(s)[0])).ToList();
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{part.Class}\" cx=\"{N(centres[0].X)}\" cy=\"{N(centres[0].Y)}\" r=\"{N(part.Width)}\" fill=\"{part.Colour}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<animate attributeName=\"cx\" dur=\"{dur}\" repeatCount=\"indefinite\" keyTimes=\"{keyTimes}\" values=\"{string.Join(';', centres.Select(c => N(c.X)))}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<animate attributeName=\"cy\" dur=\"{dur}\" repeatCount=\"indefinite\" keyTimes=\"{keyTimes}\" values=\"{string.Join(';', centres.Select(c => N(c.Y)))}\"/>");
                svg.Append("</circle>");
            }
            else
            {
                var paths = skeletons.Select(s => PathData(part.Points(s), camera, part.Closed)).ToList();
                var animation = $"<animate attributeName=\"d\" dur=\"{dur}\" repeatCount=\"indefinite\" keyTimes=\"{keyTimes}\" values=\"{string.Join(';', paths)}\"/>";
                if (part.HasHalo)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-halo\" d=\"{paths[0]}\" {HaloStroke(part)}>{animation}</path>");
                }

                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{part.Class}\" d=\"{paths[0]}\" {Stroke(part)}>");
                svg.Append(animation).Append("</path>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Panels(ExerciseDrawing drawing, string title, int[] shown, bool labels, string cssClass)
    {
        var camera = Camera.For(drawing);
        var all = drawing.Positions.Select(p => Skeleton.Of(p.Pose)).ToList();
        var bounds = Bounds.Of(drawing, all, camera);
        const double gap = 10, labelHeight = 14;
        var widest = labels ? drawing.Positions.Max(p => (p.Label ?? "").Length) * 5.4 : 0;
        if (bounds.Width < widest)
        {
            bounds = bounds with { Left = bounds.Left - ((widest - bounds.Width) / 2), Width = widest };
        }

        var width = (shown.Length * bounds.Width) + ((shown.Length - 1) * gap);
        var height = bounds.Height + (labels ? labelHeight : 0);

        var svg = Open(width, height, bounds.Left, bounds.Top, title, cssClass);
        for (var i = 0; i < shown.Length; i++)
        {
            var index = shown[i];
            var skeleton = all[index];
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({N(i * (bounds.Width + gap))} 0)\">");
            Scenery(svg, drawing, [skeleton], camera, bounds);
            foreach (var part in Parts.Ordered(drawing, skeleton, camera))
            {
                if (part.IsCircle)
                {
                    var c = camera.Project(part.Points(skeleton)[0]);
                    svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{part.Class}\" cx=\"{N(c.X)}\" cy=\"{N(c.Y)}\" r=\"{N(part.Width)}\" fill=\"{part.Colour}\"/>");
                }
                else
                {
                    var d = PathData(part.Points(skeleton), camera, part.Closed);
                    if (part.HasHalo)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-halo\" d=\"{d}\" {HaloStroke(part)}/>");
                    }

                    svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{part.Class}\" d=\"{d}\" {Stroke(part)}/>");
                }
            }

            if (index > 0 && drawing.Arrow is { } joint)
            {
                Arrow(svg, camera.Project(all[index - 1].At(joint)), camera.Project(skeleton.At(joint)), camera.Project(skeleton.Pelvis));
            }

            if (labels)
            {
                var label = WebUtility.HtmlEncode(drawing.Positions[index].Label);
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"dw-label\" x=\"{N(bounds.Left + (bounds.Width / 2))}\" y=\"{N(bounds.Top + bounds.Height + 10)}\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\" fill=\"{Near}\">{label}</text>");
            }

            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(double width, double height, double left, double top, string title, string cssClass)
    {
        var text = WebUtility.HtmlEncode(title);
        return new StringBuilder(4096).Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" viewBox=\"{N(left)} {N(top)} {N(width)} {N(height)}\" role=\"img\" aria-label=\"{text}\"><title>{text}</title>");
    }

    /// <summary>Floor, mat and the props that do not move with the figure.</summary>
    private static void Scenery(StringBuilder svg, ExerciseDrawing drawing, List<Skeleton> skeletons, Camera camera, Bounds bounds)
    {
        if (bounds.Mat is { Length: > 0 } mat)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-mat\" d=\"{Outline(mat)}\" fill=\"#dfe7ee\" stroke=\"{Floor}\" stroke-width=\"1\" stroke-linejoin=\"round\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-floor\" d=\"M{N(bounds.Left)} {N(bounds.Floor + 3)}H{N(bounds.Left + bounds.Width)}\" stroke=\"{Floor}\" stroke-width=\"1.5\" fill=\"none\"/>");

        foreach (var prop in drawing.Props)
        {
            var path = prop switch
            {
                DrawingProp.Chair => Chair(skeletons),
                DrawingProp.Step => Step(skeletons[0]),
                DrawingProp.Wall => Wall(skeletons),
                _ => null,
            };
            if (path is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-prop\" d=\"{PathData(path, camera, closed: false)}\" stroke=\"{Prop}\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\" fill=\"none\"/>");
            }
        }
    }

    private static Vec3[] Chair(List<Skeleton> skeletons)
    {
        var pelvis = skeletons.MinBy(s => s.Pelvis.Y)!.Pelvis;
        var seat = pelvis.Y - Skeleton.TrunkRadius - 1.5;
        var back = pelvis.X - 16;
        var front = pelvis.X + 14;
        // One path: back rest down to the seat, seat forward, then the legs (a move inside a path is "M").
        return [new(back - 3, seat + 42, -12), new(back, seat, -12), new(front, seat, -12), new(front, 0, -12), new(front, seat, -12), new(back, seat, -12), new(back, 0, -12)];
    }

    private static Vec3[] Step(Skeleton first)
    {
        var raised = first.RightAnkle.Y > first.LeftAnkle.Y ? (first.RightAnkle, first.RightToe) : (first.LeftAnkle, first.LeftToe);
        var top = Math.Min(raised.Item1.Y, raised.Item2.Y) - Skeleton.LegRadius - 1.5;
        var x0 = Math.Min(raised.Item1.X, raised.Item2.X) - 10;
        return [new(x0, 0, -12), new(x0, top, -12), new(x0 + 44, top, -12), new(x0 + 44, 0, -12)];
    }

    private static Vec3[] Wall(List<Skeleton> skeletons)
    {
        var x = skeletons.SelectMany(s => s.Outline()).Max(o => o.Point.X + o.Radius) + 4;
        return [new(x, 0, -12), new(x, 130, -12)];
    }

    private static void Arrow(StringBuilder svg, (double X, double Y, double Depth) from, (double X, double Y, double Depth) to, (double X, double Y, double Depth) centre)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 6)
        {
            return;
        }

        var (ux, uy) = (dx / length, dy / length);
        // Beside the movement, on the side away from the body, so it does not cover the limb.
        var (nx, ny) = (-uy, ux);
        var mid = ((from.X + to.X) / 2, (from.Y + to.Y) / 2);
        if (((mid.Item1 - centre.X) * nx) + ((mid.Item2 - centre.Y) * ny) < 0)
        {
            (nx, ny) = (-nx, -ny);
        }

        const double offset = 11, head = 5;
        var (sx, sy) = (from.X + (nx * offset) + (ux * 2), from.Y + (ny * offset) + (uy * 2));
        var (ex, ey) = (to.X + (nx * offset) - (ux * 2), to.Y + (ny * offset) - (uy * 2));
        var (cx, cy) = (((sx + ex) / 2) + (nx * length * 0.15), ((sy + ey) / 2) + (ny * length * 0.15));
        // The head points along the curve's last tangent (control point to end).
        var (tx, ty) = (ex - cx, ey - cy);
        var tl = Math.Sqrt((tx * tx) + (ty * ty));
        (tx, ty) = (tx / tl, ty / tl);
        var left = (ex - (tx * head) - (ty * head * 0.7), ey - (ty * head) + (tx * head * 0.7));
        var right = (ex - (tx * head) + (ty * head * 0.7), ey - (ty * head) - (tx * head * 0.7));
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-arrow\" d=\"M{N(sx)} {N(sy)}Q{N(cx)} {N(cy)} {N(ex - (tx * 2))} {N(ey - (ty * 2))}\" stroke=\"{Accent}\" stroke-width=\"2\" stroke-linecap=\"round\" fill=\"none\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"dw-arrowhead\" d=\"M{N(ex + (tx * 1.5))} {N(ey + (ty * 1.5))}L{N(left.Item1)} {N(left.Item2)}L{N(right.Item1)} {N(right.Item2)}Z\" fill=\"{Accent}\"/>");
    }

    private static string Outline((double X, double Y)[] points) =>
        string.Concat(points.Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{N(p.X)} {N(p.Y)}")) + "Z";

    /// <summary>The convex hull of a few screen points (Andrew's monotone chain), counter-clockwise.</summary>
    private static (double X, double Y)[] Hull((double X, double Y)[] points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3)
        {
            return sorted;
        }

        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
        var hull = new List<(double X, double Y)>();
        foreach (var pass in new[] { sorted, sorted.Reverse().ToArray() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return [.. hull];
    }

    private static string PathData(Vec3[] points, Camera camera, bool closed)
    {
        var text = new StringBuilder();
        for (var i = 0; i < points.Length; i++)
        {
            var p = camera.Project(points[i]);
            text.Append(i == 0 ? 'M' : 'L').Append(N(p.X)).Append(' ').Append(N(p.Y));
        }

        return closed ? text.Append('Z').ToString() : text.ToString();
    }

    private static string Stroke(Part part) =>
        $"stroke=\"{part.Colour}\" stroke-width=\"{N(part.Width)}\" stroke-linecap=\"round\" stroke-linejoin=\"round\" fill=\"{(part.Closed ? part.Colour : "none")}\"";

    /// <summary>A white edge under a near limb, so it stands out where it crosses the body drawn in the same colour.</summary>
    private static string HaloStroke(Part part) =>
        $"stroke=\"#fff\" stroke-width=\"{N(part.Width + Halo)}\" stroke-linecap=\"round\" stroke-linejoin=\"round\" fill=\"none\"";

    private static string N(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record Part(string Class, Func<Skeleton, Vec3[]> Points, double Width, string Colour, bool Closed = false, bool IsCircle = false)
    {
        public bool HasHalo => Class.Contains("dw-near", StringComparison.Ordinal);
    }

    private static class Parts
    {
        /// <summary>The figure's parts, farthest first, with the far side's limbs in the lighter colour.</summary>
        public static IEnumerable<Part> Ordered(ExerciseDrawing drawing, Skeleton at, Camera camera)
        {
            double Depth(Vec3 p) => camera.Project(p).Depth;
            var centre = Depth(at.Pelvis);
            string Side(Vec3 root) => Depth(root) < centre - 1 ? "far" : "near";
            string Colour(string side) => side == "far" ? Far : Near;

            var parts = new List<(double Depth, Part Part)>();
            void Add(Part part, double depth) => parts.Add((depth, part));

            Add(new Part("dw-body", s => [s.RightHip, s.LeftHip, s.LeftShoulder, s.RightShoulder], Skeleton.TrunkRadius * 2, Near, Closed: true), centre);
            Add(new Part("dw-body", s => [s.Neck, s.Head], 7, Near), Depth(at.Neck));
            Add(new Part("dw-head", s => [s.Head], Skeleton.HeadRadius, Near, IsCircle: true), Depth(at.Head));
            var limbs = new (Func<Skeleton, Vec3[]> Pick, double Width)[]
            {
                (s => [s.RightHip, s.RightKnee], Skeleton.LegRadius * 2), (s => [s.RightKnee, s.RightAnkle, s.RightToe], Skeleton.LegRadius * 2),
                (s => [s.LeftHip, s.LeftKnee], Skeleton.LegRadius * 2), (s => [s.LeftKnee, s.LeftAnkle, s.LeftToe], Skeleton.LegRadius * 2),
                (s => [s.RightShoulder, s.RightElbow], Skeleton.ArmRadius * 2), (s => [s.RightElbow, s.RightHand], Skeleton.ArmRadius * 2),
                (s => [s.LeftShoulder, s.LeftElbow], Skeleton.ArmRadius * 2), (s => [s.LeftElbow, s.LeftHand], Skeleton.ArmRadius * 2),
            };
            // Each segment is sorted on its own (a shin can pass behind the other leg while its thigh is in front);
            // the side a whole limb belongs to decides its colour.
            for (var i = 0; i < limbs.Length; i++)
            {
                var (pick, width) = limbs[i];
                var root = limbs[i - (i % 2)].Pick(at)[0];
                var which = Side(root);
                Add(new Part($"dw-limb dw-{which}", pick, width, Colour(which)), pick(at).Average(p => Depth(p)));
            }

            if (drawing.Props.Contains(DrawingProp.Band))
            {
                Add(new Part("dw-band", s => [s.RightKnee + ((s.RightHip - s.RightKnee) * 0.12), s.LeftKnee + ((s.LeftHip - s.LeftKnee) * 0.12)], 3, Accent), double.MaxValue);
            }

            if (drawing.Props.Contains(DrawingProp.Weight))
            {
                Add(new Part("dw-weight", s => [(s.RightHand + s.LeftHand) * 0.5], 5.5, Prop, IsCircle: true), double.MaxValue);
            }

            return parts.OrderBy(p => p.Depth).Select(p => p.Part);
        }
    }

    /// <summary>The screen box that holds every frame, the floor line under the figure, and the figure's footprint.</summary>
    private sealed record Bounds(double Left, double Top, double Width, double Height, double Floor, (double X, double Y)[] Mat)
    {
        public static Bounds Of(ExerciseDrawing drawing, List<Skeleton> skeletons, Camera camera)
        {
            var outline = skeletons.SelectMany(s => s.Outline()).ToList();
            var screen = outline.Select(o => (P: camera.Project(o.Point), o.Radius)).ToList();
            var foot = outline.Select(o => camera.Project(o.Point with { Y = 0 })).ToList();
            (double X, double Y)[] mat = [];
            if (drawing.Props.Contains(DrawingProp.Mat))
            {
                // The mat lies on the floor around the figure's footprint, seen from the camera, with a little thickness.
                const double around = 7, thickness = 3;
                var (x0, x1) = (outline.Min(o => o.Point.X - o.Radius) - around, outline.Max(o => o.Point.X + o.Radius) + around);
                var (z0, z1) = (outline.Min(o => o.Point.Z - o.Radius) - around, outline.Max(o => o.Point.Z + o.Radius) + around);
                var corners = new[] { new Vec3(x0, 0, z0), new Vec3(x1, 0, z0), new Vec3(x1, 0, z1), new Vec3(x0, 0, z1) }.Select(camera.Project).ToList();
                foot.AddRange(corners);
                mat = Hull([.. corners.Select(c => (c.X, c.Y)), .. corners.Select(c => (c.X, c.Y + thickness))]);
            }

            var floor = foot.Max(f => f.Y);
            var minX = Math.Min(screen.Min(s => s.P.X - s.Radius), foot.Min(f => f.X));
            var maxX = Math.Max(screen.Max(s => s.P.X + s.Radius), foot.Max(f => f.X));
            var minY = screen.Min(s => s.P.Y - s.Radius);
            if (drawing.Props.Contains(DrawingProp.Chair))
            {
                minY = Math.Min(minY, camera.Project(new Vec3(0, skeletons.Min(s => s.Pelvis.Y) + 34, 0)).Y);
                minX = Math.Min(minX, camera.Project(skeletons.MinBy(s => s.Pelvis.Y)!.Pelvis).X - 24);
            }

            if (drawing.Props.Contains(DrawingProp.Step))
            {
                maxX = Math.Max(maxX, camera.Project(skeletons[0].RightAnkle).X + 40);
            }

            if (drawing.Props.Contains(DrawingProp.Wall))
            {
                maxX += 8;
            }

            const double margin = 6;
            floor += mat.Length > 0 ? 3 : 0;
            return new Bounds(minX - margin, minY - margin, maxX - minX + (2 * margin), floor + 5 - minY + margin, floor, mat);
        }
    }
}
