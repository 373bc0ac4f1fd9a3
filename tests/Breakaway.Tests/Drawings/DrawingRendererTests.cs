using System.Globalization;
using System.Xml.Linq;
using Breakaway.Tests.Support;
using Breakaway.Web.Drawings;

namespace Breakaway.Tests.Drawings;

public sealed class DrawingRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly DrawingRenderer renderer = new();

    public static TheoryData<string> LibrarySlugs() => [.. LibraryDrawings.BySlug.Keys];

    [Theory]
    [MemberData(nameof(LibrarySlugs))]
    public void Render_EveryLibraryDrawing_IsWellFormedAccessibleSvgWithoutStyleAttributes(string slug)
    {
        var drawing = LibraryDrawings.BySlug[slug];

        foreach (var mode in Enum.GetValues<DrawingMode>())
        {
            var svg = renderer.Render(drawing, $"Drawing of {slug}", 5, mode);
            var root = XElement.Parse(svg);

            Assert.Equal(Svg + "svg", root.Name);
            Assert.Equal("img", (string?)root.Attribute("role"));
            Assert.Equal($"Drawing of {slug}", root.Element(Svg + "title")?.Value);
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
            Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "style" or "foreignObject");
            Assert.All(root.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => Assert.DoesNotContain("NaN", a.Value, StringComparison.Ordinal));
            KeepForEyes(slug, mode, svg);
        }
    }

    [Theory]
    [InlineData(5, 1.0 + 1.2 + 5 + 1.2)]
    [InlineData(10, 1.0 + 1.2 + 10 + 1.2)]
    [InlineData(0, 1.0 + 1.2 + 0.6 + 1.2)]
    public void Motion_DurationFollowsTheHoldTime(int hold, double expectedSeconds)
    {
        var drawing = LibraryDrawings.BySlug["glute-bridge"];

        var svg = XElement.Parse(renderer.Render(drawing, "Glute bridge", hold, DrawingMode.Motion));

        var durations = svg.Descendants(Svg + "animate").Select(a => (string?)a.Attribute("dur")).Distinct().ToList();
        Assert.Equal([expectedSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s"], durations);
        Assert.Equal(expectedSeconds, DrawingRenderer.LoopSeconds(drawing, hold), 3);
    }

    [Fact]
    public void Motion_HoldsAtTheLastPositionForTheHoldTime()
    {
        var drawing = LibraryDrawings.BySlug["glute-bridge"];

        var svg = XElement.Parse(renderer.Render(drawing, "Glute bridge", 5, DrawingMode.Motion));

        // The hips (trunk path) keep one shape from 2.2 s to 7.2 s of the 8.4 s loop.
        var trunk = svg.Descendants(Svg + "path").First(p => (string?)p.Attribute("class") == "dw-body");
        var animate = trunk.Element(Svg + "animate")!;
        var times = ((string)animate.Attribute("keyTimes")!).Split(';').Select(t => double.Parse(t, CultureInfo.InvariantCulture) * 8.4).ToList();
        var values = ((string)animate.Attribute("values")!).Split(';');
        var top = times.FindIndex(t => Math.Abs(t - 2.2) < 0.01);
        var held = times.FindIndex(t => Math.Abs(t - 7.2) < 0.01);
        Assert.True(top > 0 && held == top + 1, $"key times: {string.Join(", ", times)}");
        Assert.Equal(values[top], values[held]);
        Assert.NotEqual(values[0], values[top]);
    }

    [Fact]
    public void Still_ShowsEveryPositionWithItsLabel_AndOnePositionDrawingHasNoAnimation()
    {
        var bridge = XElement.Parse(renderer.Render(LibraryDrawings.BySlug["glute-bridge"], "Glute bridge", 5, DrawingMode.Still));
        var tilt = XElement.Parse(renderer.Render(LibraryDrawings.BySlug["pelvic-tilt"], "Pelvic tilt", 2, DrawingMode.Motion));

        Assert.Equal(["Start", "Hips lifted"], bridge.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Single(bridge.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "dw-arrow");
        Assert.Empty(tilt.Descendants(Svg + "animate"));
    }

    [Fact]
    public void Bridge_LiftsTheHipsOffTheFloor_WhileShouldersAndFeetStayDown()
    {
        var start = Skeleton.Of(LibraryDrawings.BySlug["glute-bridge"].Positions[0].Pose);
        var top = Skeleton.Of(LibraryDrawings.BySlug["glute-bridge"].Positions[1].Pose);

        Assert.True(top.Pelvis.Y - start.Pelvis.Y > 15, $"hips rise {top.Pelvis.Y - start.Pelvis.Y:0.0}");
        Assert.InRange(top.RightAnkle.Y, 0, Skeleton.LegRadius + 3);
        Assert.InRange(top.Neck.Y, 0, Skeleton.TrunkRadius + 4);
        Assert.InRange(Math.Abs(top.RightAnkle.X - start.RightAnkle.X), 0, 6);
    }

    [Fact]
    public void Clamshell_LiesOnItsSide_BottomLegStraight_TopKneeRises()
    {
        var drawing = LibraryDrawings.BySlug["locked-clamshell"];
        var start = Skeleton.Of(drawing.Positions[0].Pose);
        var end = Skeleton.Of(drawing.Positions[1].Pose);

        Assert.True(start.LeftHip.Y - start.RightHip.Y > 12, "one hip above the other: on the side");
        Assert.Equal(Skeleton.Thigh + Skeleton.Shin, Distance(start.RightHip, start.RightAnkle), 1);
        Assert.InRange(start.LeftKnee.Y, 0, Skeleton.LegRadius + 4);
        Assert.True(end.LeftKnee.Y - start.LeftKnee.Y > 6, "top knee lifts");
        Assert.True(Distance(start.LeftAnkle, start.RightKnee) < 14, "top foot tucked at the bottom knee");
        Assert.True(start.LeftAnkle.Z < start.RightKnee.Z, "the foot rests behind the knee, not in front");
        Assert.True(start.LeftKnee.Z > start.RightKnee.Z + 15, "the top knee lies on the floor in front of the bottom leg");
        Assert.True(Distance(start.LeftAnkle, end.LeftAnkle) < 4, "the knee lifts about the foot, which stays put");
    }

    [Fact]
    public void BandedClamshell_KneesStartTogether_TopKneeOpensWhileTheHeelsStayTogether()
    {
        var drawing = LibraryDrawings.BySlug["banded-clamshell"];
        var start = Skeleton.Of(drawing.Positions[0].Pose);
        var end = Skeleton.Of(drawing.Positions[1].Pose);

        Assert.True(Distance(start.LeftKnee, start.RightKnee) < (2 * Skeleton.LegRadius) + 6, "knees together");
        Assert.True(end.LeftKnee.Y - start.LeftKnee.Y > 12, "top knee opens");
        Assert.True(Distance(end.LeftAnkle, end.RightAnkle) < (2 * Skeleton.LegRadius) + 6, "heels still together");
        Assert.True(start.RightKnee.X > start.Pelvis.X + 20 && start.RightAnkle.X > start.RightKnee.X, "hips and knees bent, feet in line behind");
    }

    [Fact]
    public void NearLimbs_HaveAWhiteEdge_AndTheMatLiesOnTheFloorAsSeenFromAbove()
    {
        var hydrant = XElement.Parse(renderer.Render(LibraryDrawings.BySlug["quadruped-fire-hydrant"], "Fire hydrant", 0, DrawingMode.Still));
        var bridge = XElement.Parse(renderer.Render(LibraryDrawings.BySlug["glute-bridge"], "Glute bridge", 0, DrawingMode.Motion));

        var paths = hydrant.Descendants(Svg + "path").ToList();
        Assert.Equal(paths.Count(p => ((string?)p.Attribute("class"))?.Contains("dw-near", StringComparison.Ordinal) == true), paths.Count(p => (string?)p.Attribute("class") == "dw-halo"));
        Assert.All(bridge.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "dw-halo"), h => Assert.NotNull(h.Element(Svg + "animate")));
        Assert.True(MatHeight(hydrant) > 30, $"seen from above the mat is a floor area ({MatHeight(hydrant):0.0} high)");
        Assert.InRange(MatHeight(bridge), 2, 4);
    }

    /// <summary>The screen height of the mat's outline (its first panel).</summary>
    private static double MatHeight(XElement svg)
    {
        var d = (string)svg.Descendants(Svg + "path").First(p => (string?)p.Attribute("class") == "dw-mat").Attribute("d")!;
        var ys = d.Split(['M', 'L', 'Z'], StringSplitOptions.RemoveEmptyEntries).Select(pair => double.Parse(pair.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();
        return ys.Max() - ys.Min();
    }

    [Fact]
    public void FireHydrant_LiftsTheBentKneeOutToTheSide_DonkeyKickLiftsTheSoleUpBehind()
    {
        var hydrant = LibraryDrawings.BySlug["quadruped-fire-hydrant"];
        var kick = LibraryDrawings.BySlug["quadruped-donkey-kick"];
        var (h0, h1) = (Skeleton.Of(hydrant.Positions[0].Pose), Skeleton.Of(hydrant.Positions[1].Pose));
        var (k0, k1) = (Skeleton.Of(kick.Positions[0].Pose), Skeleton.Of(kick.Positions[1].Pose));

        Assert.True(Math.Abs(h1.RightKnee.Z - h0.RightKnee.Z) > 25 && h1.RightKnee.Y > h0.RightKnee.Y + 15, "knee out to the side and up");
        Assert.Equal(h0.Pelvis.Y, h1.Pelvis.Y, 1);
        Assert.True(k1.RightAnkle.Y > k1.RightKnee.Y + 30, "shin points up: sole toward the ceiling");
        Assert.True(k1.RightKnee.X < k0.RightKnee.X - 25, "thigh goes back behind the body");
    }

    private static double Distance(Vec3 a, Vec3 b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)) + ((a.Z - b.Z) * (a.Z - b.Z)));

    /// <summary>Every drawing goes to artifacts/drawings, so a person can look at them (convert them to PNG to view).</summary>
    private static void KeepForEyes(string slug, DrawingMode mode, string svg)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "drawings");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{slug}-{mode.ToString().ToLowerInvariant()}.svg"), svg);
    }
}
