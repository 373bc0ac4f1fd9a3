using Breakaway.Web.Domain;

namespace Breakaway.Web.Sessions;

/// <summary>
/// When a session means "stop these exercises and contact the clinic": any warning sign ticked, pain of 7 or
/// more on any exercise or for the session as a whole, or a stop cue that means pain.
/// </summary>
public static class RedFlagRules
{
    public const int PainThreshold = 7;

    public static IReadOnlyList<string> Reasons(RedFlagSigns signs, IEnumerable<ExerciseLog> exercises, Func<int, string> exerciseName) =>
        Reasons(signs, null, exercises, exerciseName);

    /// <param name="sessionPain">The one pain answer of the shortened log (0-10), which counts like pain on an exercise.</param>
    public static IReadOnlyList<string> Reasons(RedFlagSigns signs, int? sessionPain, IEnumerable<ExerciseLog> exercises, Func<int, string> exerciseName)
    {
        var reasons = new List<string>();
        if (sessionPain >= PainThreshold)
        {
            reasons.Add($"pain {sessionPain}/10 during the session");
        }

        if (signs.HasFlag(RedFlagSigns.PainDownLeg))
        {
            reasons.Add("pain spreading down a leg");
        }

        if (signs.HasFlag(RedFlagSigns.NumbnessOrTingling))
        {
            reasons.Add("numbness or tingling");
        }

        if (signs.HasFlag(RedFlagSigns.BladderOrBowelChange))
        {
            reasons.Add("new bladder or bowel changes");
        }

        if (signs.HasFlag(RedFlagSigns.PainGettingWorse))
        {
            reasons.Add("pain that keeps getting worse");
        }

        foreach (var log in exercises)
        {
            if (log.Pain >= PainThreshold)
            {
                reasons.Add($"pain {log.Pain}/10 during {exerciseName(log.ExerciseId)}");
            }

            if (log.StopCueWasPain)
            {
                reasons.Add($"stopped {exerciseName(log.ExerciseId)} because of pain");
            }
        }

        return reasons;
    }
}
