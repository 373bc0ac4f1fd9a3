using Breakaway.Web.Articles;
using Breakaway.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages.Admin;

/// <summary>
/// Every file under the content folder and what the site made of it, so staff can see why an article is not on the
/// site without reading the server log: published, draft, scheduled, or skipped with the reason and line.
/// </summary>
public sealed class ContentModel(ArticleStore store, ClinicClock clock) : PageModel
{
    public enum FileState
    {
        Published,
        Draft,
        Scheduled,
        Skipped,
        Picture,
        NotRead,
    }

    public sealed record Row(string File, FileState State, string Summary, IReadOnlyList<ContentProblem> Problems, Article? Article);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Problems not tied to one listed file (the tips folder missing).</summary>
    public IReadOnlyList<ContentProblem> FolderProblems { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string ContentPath => store.ContentPath;

    public int Count(FileState state) => Rows.Count(r => r.State == state);

    public int ProblemCount => Rows.Sum(r => r.Problems.Count) + FolderProblems.Count;

    public void OnGet()
    {
        var catalog = store.Current;
        Today = clock.Today();
        var byFile = catalog.All.ToDictionary(a => a.File, StringComparer.Ordinal);
        var problems = catalog.AllProblems.ToLookup(p => p.File, StringComparer.Ordinal);
        var files = catalog.Files.ToHashSet(StringComparer.Ordinal);
        var usedBy = catalog.All
            .SelectMany(a => UsedPictures(a).Select(name => (Name: name, a.Title)))
            .ToLookup(x => x.Name, x => x.Title, StringComparer.Ordinal);

        Rows = [.. catalog.Files.Select(file => Describe(file, byFile.GetValueOrDefault(file), [.. problems[file]], catalog.Images, usedBy))];
        FolderProblems = [.. catalog.AllProblems.Where(p => !files.Contains(p.File))];
    }

    private Row Describe(string file, Article? article, IReadOnlyList<ContentProblem> problems, ContentImages images, ILookup<string, string> usedBy)
    {
        if (article is not null)
        {
            var date = article.Published.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var (state, summary) = article.Draft
                ? (FileState.Draft, $"Draft: not on the site. Remove 'draft: true' to publish it on {date}.")
                : article.Published > Today
                    ? (FileState.Scheduled, $"Scheduled: appears on the site on {date}.")
                    : (FileState.Published, $"On the site since {date}.");
            if (problems.Count > 0)
            {
                summary += problems.Count == 1 ? " One picture is left out:" : $" {problems.Count} pictures are left out:";
            }

            return new Row(file, state, summary, problems, article);
        }

        var segments = file.Split('/');
        var name = segments[^1];
        if (segments.Length == 4 && segments[1] == ArticleLoader.TipsFolder && segments[2] == ContentImages.Folder)
        {
            if (images.Find(name) is { } image)
            {
                var users = usedBy[name].ToList();
                var use = users.Count == 0 ? "Not used by any article yet." : "Used by " + string.Join(", ", users) + ".";
                return new Row(file, FileState.Picture, $"Picture, {image.Width} × {image.Height}, {(image.Bytes + 1023) / 1024} KB. {use}", problems, null);
            }

            return new Row(file, FileState.Skipped, "Not shown anywhere, because:", problems, null);
        }

        if (problems.Count > 0)
        {
            return new Row(file, FileState.Skipped, "Not on the site, because:", problems, null);
        }

        return new Row(file, FileState.NotRead, $"Not read by the site: articles go in {segments[0]}/{ArticleLoader.TipsFolder}/, pictures in {segments[0]}/{ArticleLoader.TipsFolder}/{ContentImages.Folder}/.", problems, null);
    }

    private static IEnumerable<string> UsedPictures(Article article)
    {
        if (article.Cover is { } cover)
        {
            yield return cover.Name;
        }

        foreach (var name in article.Pictures)
        {
            yield return name;
        }
    }
}
