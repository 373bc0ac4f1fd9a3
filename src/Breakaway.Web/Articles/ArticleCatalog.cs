namespace Breakaway.Web.Articles;

/// <summary>
/// An immutable snapshot of every article that loaded, with the problems of the files that did not.
/// A reload builds a new catalog and swaps it in whole, so readers never see a half-loaded set.
/// </summary>
public sealed class ArticleCatalog
{
    public static readonly ArticleCatalog Empty = new([], []);

    private readonly Dictionary<string, Article> _bySlug;

    public ArticleCatalog(IEnumerable<Article> articles, IReadOnlyList<ContentProblem> problems)
    {
        // Newest first; the slug breaks ties so the order is stable.
        All = [.. articles.OrderByDescending(a => a.Published).ThenBy(a => a.Slug, StringComparer.Ordinal)];
        _bySlug = All.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        Problems = problems;
    }

    /// <summary>Every loaded article, drafts and future ones included, newest first.</summary>
    public IReadOnlyList<Article> All { get; }

    public IReadOnlyList<ContentProblem> Problems { get; }

    public Article? Find(string slug) => _bySlug.GetValueOrDefault(slug);
}
