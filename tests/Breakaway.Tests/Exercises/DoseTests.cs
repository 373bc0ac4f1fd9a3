using Breakaway.Web.Domain;

namespace Breakaway.Tests.Exercises;

public sealed class DoseTests
{
    [Theory]
    [InlineData(2, 10, 5, false, "side", "at the top", "2 sets of 10, hold 5 seconds at the top")]
    [InlineData(2, 15, 0, true, "side", null, "2 sets of 15 on each side")]
    [InlineData(2, 12, 0, true, "leg", null, "2 sets of 12 on each leg")]
    [InlineData(1, 10, 1, false, "side", null, "1 set of 10, hold 1 second")]
    [InlineData(3, 8, 3, true, "leg", "at the top", "3 sets of 8 on each leg, hold 3 seconds at the top")]
    public void Describe_WritesTheDoseInPlainWords(int sets, int reps, int hold, bool perSide, string sideName, string? holdAt, string expected)
    {
        var dose = new Dose { Sets = sets, Reps = reps, HoldSeconds = hold, PerSide = perSide };

        Assert.Equal(expected, dose.Describe(sideName, holdAt));
    }

    [Theory]
    [InlineData(7, "Every day.")]
    [InlineData(1, "Once a week.")]
    [InlineData(3, "3 times a week.")]
    public void DescribeFrequency_IsPlain(int timesPerWeek, string expected)
    {
        Assert.Equal(expected, new Dose { TimesPerWeek = timesPerWeek }.DescribeFrequency());
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(11, 10, 0)]
    [InlineData(2, 0, 0)]
    [InlineData(2, 101, 0)]
    [InlineData(2, 10, -1)]
    [InlineData(2, 10, 301)]
    public void Validation_RejectsOutOfRangeDoses(int sets, int reps, int hold)
    {
        var dose = new Dose { Sets = sets, Reps = reps, HoldSeconds = hold };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(dose, new(dose), results, validateAllProperties: true);

        Assert.False(valid);
    }
}
