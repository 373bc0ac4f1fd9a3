using Breakaway.Tests.Support;
using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Articles;

/// <summary>
/// The CI content check: every file committed under content/ must load, with every picture it uses. A failure lists
/// each problem as <c>file:line: reason</c>, so the author sees exactly what to fix (<c>check-content</c> prints the same).
/// </summary>
public sealed class ContentFolderTests
{
    private static readonly ArticleCatalog Catalog =
        new ArticleLoader(new ArticleParser(new MarkdownRenderer(), "Team")).Load(RepoPaths.Content);

    [Fact]
    public void EveryArticleInContentFolder_Loads()
    {
        var problems = Catalog.AllProblems.ToList();

        Assert.True(problems.Count == 0, "Broken articles or pictures in content/:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryExerciseAnArticleLists_IsInTheSeededLibrary()
    {
        await using var factory = new BreakawayFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var library = await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Exercises
            .Where(e => e.IsPublic && !e.IsArchived)
            .Select(e => e.Slug)
            .ToListAsync(TestContext.Current.CancellationToken);

        var problems = ContentCheck.Problems(Catalog, library).Where(p => p.Reason.StartsWith("unknown exercise", StringComparison.Ordinal)).ToList();

        Assert.True(problems.Count == 0, "Articles list exercises the library does not have:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ContentFolder_HasTheFirstFiveArticles()
    {
        Assert.True(Catalog.All.Count >= 5, $"expected at least five articles, found {Catalog.All.Count}");
        Assert.All(Catalog.All, a => Assert.InRange(a.WordCount, 300, 1000));
    }

    [Fact]
    public void ContentFolder_HasArticlesWithPictures_EachPictureDescribedAndUsed()
    {
        var illustrated = Catalog.All.Where(a => a.Cover is not null && a.Pictures.Count > 0).ToList();
        var used = Catalog.All.SelectMany(a => a.Pictures.Append(a.Cover?.Name)).OfType<string>().ToHashSet();

        Assert.True(illustrated.Count >= 2, $"expected at least two articles with a cover and pictures, found {illustrated.Count}");
        Assert.All(illustrated, a => Assert.False(string.IsNullOrWhiteSpace(a.CoverAlt)));
        Assert.All(Catalog.Images.All, image => Assert.True(used.Contains(image.Name), $"content/tips/images/{image.Name} is not used by any article"));
    }

    [Fact]
    public void ContentCheck_ReportsMissingDescriptionMissingFileAndOversizePicture_AsFileLineReason()
    {
        using var content = new TempContent().Add("pictures", TempContent.Article("Pictures", body:
            "![](images/small.png)\n\n![A bridge](images/missing.png)\n\n![A big one](images/big.png)\n\n![Fine](images/small.png)"));
        var images = Directory.CreateDirectory(Path.Combine(content.TipsPath, "images")).FullName;
        File.WriteAllBytes(Path.Combine(images, "small.png"), TestPictures.Png(4, 3));
        File.WriteAllBytes(Path.Combine(images, "big.png"), [.. TestPictures.Png(4, 3), .. new byte[3 * 1024]]);
        var folder = Path.GetFileName(content.Path);

        var catalog = new ArticleLoader(new ArticleParser(new MarkdownRenderer(), "Team"), maxImageBytes: 2 * 1024).Load(content.Path);
        var problems = ContentCheck.Problems(catalog, []).Select(p => p.ToString()).ToList();

        Assert.Equal(4, problems.Count);
        Assert.StartsWith($"{folder}/tips/images/big.png:0: the picture is 4 KB; the limit is 2 KB", problems[0], StringComparison.Ordinal);
        Assert.StartsWith($"{folder}/tips/pictures.md:8: picture 'images/small.png' has no description", problems[1], StringComparison.Ordinal);
        Assert.StartsWith($"{folder}/tips/pictures.md:10: there is no picture 'images/missing.png'", problems[2], StringComparison.Ordinal);
        Assert.StartsWith($"{folder}/tips/pictures.md:12: picture 'images/big.png' is not shown because of a problem with the file: the picture is 4 KB", problems[3], StringComparison.Ordinal);
        Assert.Equal(["small.png"], catalog.Find("pictures")!.Pictures);
    }
}
