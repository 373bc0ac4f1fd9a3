using Breakaway.Tests.Support;
using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Articles;

/// <summary>
/// The CI content check: every file committed under content/ must load. A failure lists each problem
/// as <c>file:line: reason</c>, so the author sees exactly what to fix.
/// </summary>
public sealed class ContentFolderTests
{
    private static readonly ArticleCatalog Catalog =
        new ArticleLoader(new ArticleParser(new MarkdownRenderer(), "Team")).Load(RepoPaths.Content);

    [Fact]
    public void EveryArticleInContentFolder_Loads()
    {
        var problems = string.Join(Environment.NewLine, Catalog.Problems.Select(p => p.ToString()));

        Assert.True(Catalog.Problems.Count == 0, "Broken articles in content/:" + Environment.NewLine + problems);
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

        var problems = Catalog.All
            .SelectMany(a => a.ExerciseSlugs.Where(slug => !library.Contains(slug))
                .Select(slug => new ContentProblem($"content/tips/{a.Slug}.md", a.ExercisesLine, $"unknown exercise '{slug}' in 'exercises'")))
            .ToList();

        Assert.True(problems.Count == 0, "Articles list exercises the library does not have:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ContentFolder_HasTheFirstFiveArticles()
    {
        Assert.True(Catalog.All.Count >= 5, $"expected at least five articles, found {Catalog.All.Count}");
        Assert.All(Catalog.All, a => Assert.InRange(a.WordCount, 300, 1000));
    }
}
