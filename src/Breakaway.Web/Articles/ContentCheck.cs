using Breakaway.Web.Data.Seed;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Articles;

/// <summary>
/// The content check CI runs (<c>ContentFolderTests</c>) and staff run before a pull request
/// (<c>check-content [folder]</c>): every problem of every file, as <c>file:line: reason</c>.
/// </summary>
public static class ContentCheck
{
    /// <summary>Skipped files, pictures left out, and exercises that are not in <paramref name="library"/>.</summary>
    public static IReadOnlyList<ContentProblem> Problems(ArticleCatalog catalog, IReadOnlyCollection<string> library) =>
    [
        .. catalog.AllProblems,
        .. catalog.All.SelectMany(a => a.ExerciseSlugs.Where(slug => !library.Contains(slug))
            .Select(slug => new ContentProblem(a.File, a.ExercisesLine, $"unknown exercise '{slug}' in 'exercises': use a slug from the exercise library, such as glute-bridge"))),
    ];

    /// <summary>
    /// <c>check-content [folder]</c>: the folder given (relative to the current directory), or <c>Articles:Path</c>.
    /// Exercises are checked against the starter library the site seeds, as CI's fresh database has it.
    /// Exit code 0 when every file is fine, 1 otherwise.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, string folder)
    {
        var options = app.Services.GetRequiredService<IOptions<ArticleOptions>>().Value;
        var path = string.IsNullOrEmpty(folder) ? options.ResolvePath(app.Environment.ContentRootPath) : Path.GetFullPath(folder);
        var catalog = app.Services.GetRequiredService<ArticleLoader>().Load(path);
        // Outcome measures (content/measures/*.yaml) are checked with the articles: a broken one is skipped on a site.
        var measures = Measures.MeasureSet.Load(path);
        IReadOnlyList<ContentProblem> problems = [.. Problems(catalog, [.. ExerciseLibrary.All.Select(e => e.Slug)]), .. measures.Problems];

        foreach (var problem in problems)
        {
            await Console.Out.WriteLineAsync(problem.ToString());
        }

        var pictures = catalog.Images.All.Count();
        await Console.Out.WriteLineAsync(problems.Count == 0
            ? $"{path}: {catalog.All.Count} articles and {pictures} pictures, no problems."
            : $"{path}: {problems.Count} {(problems.Count == 1 ? "problem" : "problems")} to fix before committing ({catalog.All.Count} articles and {pictures} pictures loaded).");
        return problems.Count == 0 ? 0 : 1;
    }
}
