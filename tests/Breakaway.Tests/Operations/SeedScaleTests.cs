using Breakaway.Testing;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Operations;

/// <summary><c>seed-scale</c> adds fake patients, so it needs its flag and never runs in Production.</summary>
public sealed class SeedScaleTests
{
    [Fact]
    public async Task SeedScale_IsRefusedInProduction_AndWithoutItsFlag()
    {
        await using var database = TestDatabase.Create();

        var production = await AppCommand.RunAsync(database, ["seed-scale", "30", "--fake-patients"]);
        var noFlag = await AppCommand.RunAsync(database, ["seed-scale", "30"]);

        Assert.Equal(2, production.ExitCode);
        Assert.Contains("never runs in Production", production.Errors, StringComparison.Ordinal);
        Assert.Equal(2, noFlag.ExitCode);
        Assert.Contains("seed-scale <N> --fake-patients", noFlag.Errors, StringComparison.Ordinal);
    }
}
