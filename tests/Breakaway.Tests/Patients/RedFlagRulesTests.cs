using Breakaway.Web.Domain;
using Breakaway.Web.Sessions;

namespace Breakaway.Tests.Patients;

public sealed class RedFlagRulesTests
{
    private static IReadOnlyList<string> Reasons(RedFlagSigns signs, params ExerciseLog[] logs) => RedFlagRules.Reasons(signs, logs, _ => "Glute bridge");

    [Theory]
    [InlineData(RedFlagSigns.PainDownLeg, "pain spreading down a leg")]
    [InlineData(RedFlagSigns.NumbnessOrTingling, "numbness or tingling")]
    [InlineData(RedFlagSigns.BladderOrBowelChange, "new bladder or bowel changes")]
    [InlineData(RedFlagSigns.PainGettingWorse, "pain that keeps getting worse")]
    public void AnyWarningSign_IsARedFlag(RedFlagSigns sign, string reason) => Assert.Equal([reason], Reasons(sign));

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(10, true)]
    public void PainOfSevenOrMore_IsARedFlag(int pain, bool flagged) =>
        Assert.Equal(flagged, Reasons(RedFlagSigns.None, new ExerciseLog { Pain = pain, SetsCompleted = 1 }).Count > 0);

    [Fact]
    public void AStopCueThatMeansPain_IsARedFlag_AnotherStopCueIsNot()
    {
        Assert.Equal(["stopped Glute bridge because of pain"], Reasons(RedFlagSigns.None, new ExerciseLog { StopCueId = 1, StopCueWasPain = true, Pain = 3 }));
        Assert.Empty(Reasons(RedFlagSigns.None, new ExerciseLog { StopCueId = 2, StopCueWasPain = false, Pain = 2 }));
    }
}
