namespace Breakaway.Web.Drawings;

/// <summary>A point or direction in the drawing's world: x to the figure's front (right), y up, z toward the side-view camera.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
    public static Vec3 operator *(Vec3 a, double k) => new(a.X * k, a.Y * k, a.Z * k);

    public Vec3 Cross(Vec3 b) => new((Y * b.Z) - (Z * b.Y), (Z * b.X) - (X * b.Z), (X * b.Y) - (Y * b.X));
}

/// <summary>The figure's joints in world space, after forward kinematics, resting on the floor (y = 0).</summary>
public sealed record Skeleton(
    Vec3 Pelvis, Vec3 Neck, Vec3 Head,
    Vec3 RightHip, Vec3 RightKnee, Vec3 RightAnkle, Vec3 RightToe,
    Vec3 LeftHip, Vec3 LeftKnee, Vec3 LeftAnkle, Vec3 LeftToe,
    Vec3 RightShoulder, Vec3 RightElbow, Vec3 RightHand,
    Vec3 LeftShoulder, Vec3 LeftElbow, Vec3 LeftHand)
{
    // Segment lengths in drawing units, roughly an adult's proportions.
    public const double TrunkLength = 52, HipHalfWidth = 8, ShoulderHalfWidth = 10, NeckLength = 6, HeadRadius = 8.5;
    public const double Thigh = 40, Shin = 38, Foot = 11, UpperArm = 24, Forearm = 22;

    /// <summary>Half the stroke width of each part, so that the drawn outline (not the bone line) touches the floor.</summary>
    public const double TrunkRadius = 7, LegRadius = 4.5, ArmRadius = 3.5;

    public static Skeleton Of(Pose pose)
    {
        var pitch = Rad(pose.TrunkPitch);
        var up = new Vec3(Math.Sin(pitch), Math.Cos(pitch), 0);
        var forward0 = new Vec3(Math.Cos(pitch), -Math.Sin(pitch), 0);
        var right0 = new Vec3(0, 0, 1);

        // Roll about the trunk's own axis: positive turns the belly toward the side-view camera.
        var roll = Rad(pose.TrunkRoll);
        var forward = (forward0 * Math.Cos(roll)) + (right0 * Math.Sin(roll));
        var right = (right0 * Math.Cos(roll)) - (forward0 * Math.Sin(roll));

        var pelvis = new Vec3(0, 0, 0);
        var neck = pelvis + (up * TrunkLength);
        var neckBend = Rad(pose.Neck);
        var headDirection = (up * Math.Cos(neckBend)) + (forward * Math.Sin(neckBend));
        var head = neck + (headDirection * (NeckLength + HeadRadius));

        var (rHip, rKnee, rAnkle, rToe) = Leg(pelvis + (right * HipHalfWidth), up, forward, right, pose.RightHipFlex, pose.RightHipAbduct, pose.RightHipRotate, pose.RightKnee, pose.RightAnkle);
        var (lHip, lKnee, lAnkle, lToe) = Leg(pelvis - (right * HipHalfWidth), up, forward, -right, pose.LeftHipFlex, pose.LeftHipAbduct, -pose.LeftHipRotate, pose.LeftKnee, pose.LeftAnkle);
        var (rShoulder, rElbow, rHand) = Arm(neck + (right * ShoulderHalfWidth) - (up * 3), up, forward, right, pose.RightShoulderFlex, pose.RightShoulderAbduct, pose.RightElbow);
        var (lShoulder, lElbow, lHand) = Arm(neck - (right * ShoulderHalfWidth) - (up * 3), up, forward, -right, pose.LeftShoulderFlex, pose.LeftShoulderAbduct, pose.LeftElbow);

        var skeleton = new Skeleton(pelvis, neck, head, rHip, rKnee, rAnkle, rToe, lHip, lKnee, lAnkle, lToe, rShoulder, rElbow, rHand, lShoulder, lElbow, lHand);
        return skeleton.Moved(new Vec3(pose.ShiftX, pose.Raise - skeleton.Lowest(), 0));
    }

    /// <summary>Every joint with the radius of the stroke drawn through it.</summary>
    public IEnumerable<(Vec3 Point, double Radius)> Outline()
    {
        yield return (Pelvis, TrunkRadius);
        yield return (Neck, TrunkRadius);
        yield return (RightHip, TrunkRadius);
        yield return (LeftHip, TrunkRadius);
        yield return (RightShoulder, TrunkRadius);
        yield return (LeftShoulder, TrunkRadius);
        yield return (Head, HeadRadius);
        foreach (var p in new[] { RightKnee, RightAnkle, RightToe, LeftKnee, LeftAnkle, LeftToe })
        {
            yield return (p, LegRadius);
        }

        foreach (var p in new[] { RightElbow, RightHand, LeftElbow, LeftHand })
        {
            yield return (p, ArmRadius);
        }
    }

    public Vec3 At(Joint joint) => joint switch
    {
        Joint.Pelvis => Pelvis,
        Joint.Head => Head,
        Joint.RightKnee => RightKnee,
        Joint.RightFoot => RightAnkle,
        Joint.LeftKnee => LeftKnee,
        Joint.LeftFoot => LeftAnkle,
        Joint.RightHand => RightHand,
        Joint.LeftHand => LeftHand,
        _ => Pelvis,
    };

    private double Lowest() => Outline().Min(o => o.Point.Y - o.Radius);

    private Skeleton Moved(Vec3 by) => new(
        Pelvis + by, Neck + by, Head + by,
        RightHip + by, RightKnee + by, RightAnkle + by, RightToe + by,
        LeftHip + by, LeftKnee + by, LeftAnkle + by, LeftToe + by,
        RightShoulder + by, RightElbow + by, RightHand + by,
        LeftShoulder + by, LeftElbow + by, LeftHand + by);

    /// <param name="side">Unit vector pointing out of this side of the body (the body's right for the right leg).</param>
    private static (Vec3 Hip, Vec3 Knee, Vec3 Ankle, Vec3 Toe) Leg(Vec3 hip, Vec3 up, Vec3 forward, Vec3 side, int flex, int abduct, int rotate, int knee, int ankle)
    {
        var a = Rad(flex);
        var thigh = (-up * Math.Cos(a)) + (forward * Math.Sin(a));
        var kneecap = (forward * Math.Cos(a)) + (up * Math.Sin(a));
        var b = Rad(abduct);
        thigh = (thigh * Math.Cos(b)) + (side * Math.Sin(b));
        // Hip rotation turns the kneecap about the thigh; outward (positive) turns it toward this side.
        var g = Rad(rotate);
        var outward = thigh.Cross(kneecap);
        outward = Dot(outward, side) < 0 ? -outward : outward;
        kneecap = (kneecap * Math.Cos(g)) + (outward * Math.Sin(g));

        var k = Rad(knee);
        var shin = (thigh * Math.Cos(k)) - (kneecap * Math.Sin(k));
        var instep = (thigh * Math.Sin(k)) + (kneecap * Math.Cos(k));
        var p = Rad(ankle);
        var foot = (instep * Math.Cos(p)) + (shin * Math.Sin(p));

        var kneePoint = hip + (thigh * Thigh);
        var anklePoint = kneePoint + (shin * Shin);
        return (hip, kneePoint, anklePoint, anklePoint + (foot * Foot));
    }

    private static (Vec3 Shoulder, Vec3 Elbow, Vec3 Hand) Arm(Vec3 shoulder, Vec3 up, Vec3 forward, Vec3 side, int flex, int abduct, int elbow)
    {
        var a = Rad(flex);
        var upper = (-up * Math.Cos(a)) + (forward * Math.Sin(a));
        var front = (forward * Math.Cos(a)) + (up * Math.Sin(a));
        var b = Rad(abduct);
        upper = (upper * Math.Cos(b)) + (side * Math.Sin(b));
        var e = Rad(elbow);
        var fore = (upper * Math.Cos(e)) + (front * Math.Sin(e));
        var elbowPoint = shoulder + (upper * UpperArm);
        return (shoulder, elbowPoint, elbowPoint + (fore * Forearm));
    }

    private static double Dot(Vec3 a, Vec3 b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    private static double Rad(double degrees) => degrees * Math.PI / 180;
}
