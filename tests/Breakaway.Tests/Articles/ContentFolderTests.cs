using Breakaway.Tests.Support;
using Breakaway.Web.Articles;

namespace Breakaway.Tests.Articles;

/// <summary>
/// The CI content check: every file committed under content/ must load. A failure lists each problem
/// as <c>file:line: reason</c>, so the author sees exactly what to fix.
/// </summary>
public sealed class ContentFolderTests
{
    private static readonly ArticleCatalog Catalog =
        new ArticleLoader(new ArticleParser(new MarkdownRenderer(), "Team"), TimeProvider.System).Load(RepoPaths.Content);

    [Fact]
    public void EveryArticleInContentFolder_Loads()
    {
        var problems = string.Join(Environment.NewLine, Catalog.Problems.Select(p => p.ToString()));

        Assert.True(Catalog.Problems.Count == 0, "Broken articles in content/:" + Environment.NewLine + problems);
    }

    [Fact]
    public void ContentFolder_HasTheFirstFiveArticles()
    {
        Assert.True(Catalog.All.Count >= 5, $"expected at least five articles, found {Catalog.All.Count}");
        Assert.All(Catalog.All, a => Assert.InRange(a.WordCount, 300, 1000));
    }
}
