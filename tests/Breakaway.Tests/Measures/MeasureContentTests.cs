using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Articles;
using Breakaway.Web.Measures;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Measures;

/// <summary>The content check of <c>content/measures/</c>: every shipped definition loads; a broken one is reported as <c>file:line: reason</c> and skipped.</summary>
public sealed class MeasureContentTests
{
    [Fact]
    public void EveryMeasureInContentFolder_Loads()
    {
        var set = MeasureSet.Load(RepoPaths.Content);

        Assert.True(set.Problems.Count == 0, "Broken measures in content/measures/:" + Environment.NewLine + string.Join(Environment.NewLine, set.Problems));
        Assert.Equal(["groc", "nprs", "psfs"], set.All.Select(m => m.Slug).Order(StringComparer.Ordinal));
        Assert.All(set.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Licence)));
    }

    [Fact]
    public async Task BrokenDefinition_InACopyOfTheFolder_FailsTheCheckWithFileLineReason_AndTheSiteStillStarts()
    {
        using var content = new TempContent().Add("a-tip", TempContent.Article("A tip"));
        var measures = Directory.CreateDirectory(Path.Combine(content.Path, "measures")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "measures")))
        {
            File.Copy(file, Path.Combine(measures, Path.GetFileName(file)));
        }

        var psfs = Path.Combine(measures, "psfs.yaml");
        var lines = File.ReadAllLines(psfs);
        var higherIs = Array.FindIndex(lines, l => l.StartsWith("higher_is:", StringComparison.Ordinal));
        lines[higherIs] = "higher_is: sideways";
        File.WriteAllLines(psfs, lines);
        File.WriteAllText(Path.Combine(measures, "odi.yaml"), "name: Oswestry\nsumary: typo\n");
        var folder = Path.GetFileName(content.Path);

        var problems = MeasureSet.Load(content.Path).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            $"{folder}/measures/odi.yaml:2: 'sumary' is not a field a measure can have (check the spelling; fields are lower case with underscores)",
            $"{folder}/measures/psfs.yaml:{higherIs + 1}: 'higher_is' must be 'better' or 'worse'",
        ], problems);

        await using var factory = new BreakawayFactory().With("Articles:Path", content.Path);
        var client = factory.CreateClient();
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var catalog = factory.Services.GetRequiredService<MeasureCatalog>();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(["groc", "nprs"], catalog.All.Select(m => m.Slug).Order(StringComparer.Ordinal));
        Assert.Contains(factory.Log.Lines, l => l.Contains("Skipped measure", StringComparison.Ordinal) && l.Contains("psfs.yaml", StringComparison.Ordinal));
    }
}
