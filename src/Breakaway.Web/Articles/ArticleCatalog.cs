namespace Breakaway.Web.Articles;

/// <summary>
/// An immutable snapshot of every article that loaded, with the problems of the files that did not.
/// A reload builds a new catalog and swaps it in whole, so readers never see a half-loaded set.
/// </summary>
public sealed class ArticleCatalog
{
    public static readonly ArticleCatalog Empty = new([], []);

    private readonly Dictionary<string, Article> _bySlug;

    public ArticleCatalog(IEnumerable<Article> articles, IReadOnlyList<ContentProblem> problems, ContentImages? images = null, IReadOnlyList<string>? files = null)
    {
        // Newest first; the slug breaks ties so the order is stable.
        All = [.. articles.OrderByDescending(a => a.Published).ThenBy(a => a.Slug, StringComparer.Ordinal)];
        _bySlug = All.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        Problems = problems;
        Images = images ?? ContentImages.Empty;
        Warnings = [.. Images.Problems, .. All.SelectMany(a => a.Warnings)];
        Files = files ?? [];
    }

    /// <summary>Every loaded article, drafts and future ones included, newest first.</summary>
    public IReadOnlyList<Article> All { get; }

    /// <summary>Why files were skipped: the article is not on the site at all.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>Problems that left a picture out (a bad picture file, or an article's reference to one); the articles stay.</summary>
    public IReadOnlyList<ContentProblem> Warnings { get; }

    /// <summary>Every problem the content check reports, skipped files first.</summary>
    public IEnumerable<ContentProblem> AllProblems => Problems.Concat(Warnings);

    /// <summary>The pictures in <c>tips/images/</c>, by file name.</summary>
    public ContentImages Images { get; }

    /// <summary>Every file under the content folder at load time, as display paths (<c>content/tips/a.md</c>), sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    public Article? Find(string slug) => _bySlug.GetValueOrDefault(slug);
}
