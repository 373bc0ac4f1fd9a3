using Breakaway.Web.Infrastructure;

namespace Breakaway.Web.Articles;

/// <summary>
/// The articles readers may see today: drafts and articles dated in the future are hidden everywhere
/// (pages, search, feed, sitemap) except in Development, where staff preview them.
/// </summary>
public sealed class PublishedArticles(ArticleStore store, ClinicClock clock, IHostEnvironment environment)
{
    private readonly bool _showUnpublished = environment.IsDevelopment();
    private Snapshot? _snapshot;

    public IReadOnlyList<Article> All() => Current().Articles;

    public Article? Find(string slug)
    {
        var article = store.Current.Find(slug);
        return article is not null && IsVisible(article, clock.Today()) ? article : null;
    }

    public IReadOnlyList<Article> WithTag(string tag) =>
        [.. All().Where(a => a.Tags.Contains(tag, StringComparer.Ordinal))];

    public IReadOnlyList<TagCount> Tags() => Current().Tags;

    /// <summary>Other articles sharing the most tags, newest first among equals.</summary>
    public IReadOnlyList<Article> Related(Article article, int count) =>
        [.. All()
            .Where(a => a.Slug != article.Slug)
            .Select(a => (Article: a, Shared: a.Tags.Count(article.Tags.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenByDescending(x => x.Article.Published)
            .Take(count)
            .Select(x => x.Article)];

    /// <summary>
    /// Every word of the query must appear somewhere. Articles whose title holds a word come first;
    /// then by score (title 10, tag 5, summary 3, each body occurrence 1 up to 5), then newest.
    /// </summary>
    public IReadOnlyList<Article> Search(string query)
    {
        var terms = SearchTerms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = new List<(Article Article, bool InTitle, int Score)>();
        foreach (var article in All())
        {
            var score = 0;
            var inTitle = false;
            var allFound = true;
            foreach (var term in terms)
            {
                var title = article.Title.Contains(term, StringComparison.OrdinalIgnoreCase);
                var tag = article.Tags.Any(t => t.Contains(term, StringComparison.Ordinal));
                var summary = article.Summary.Contains(term, StringComparison.OrdinalIgnoreCase);
                var body = CountOccurrences(article.SearchText, term, 5);
                if (!title && !tag && !summary && body == 0)
                {
                    allFound = false;
                    break;
                }

                inTitle |= title;
                score += (title ? 10 : 0) + (tag ? 5 : 0) + (summary ? 3 : 0) + body;
            }

            if (allFound)
            {
                hits.Add((article, inTitle, score));
            }
        }

        return [.. hits
            .OrderByDescending(h => h.InTitle)
            .ThenByDescending(h => h.Score)
            .ThenByDescending(h => h.Article.Published)
            .Select(h => h.Article)];
    }

    /// <summary>Longer searches are cut to this many characters (the page shows the cut query back).</summary>
    public const int MaxQueryLength = 200;

    internal static List<string> SearchTerms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in query.Length > MaxQueryLength ? query[..MaxQueryLength] : query)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return [.. words.Where(w => w.Length >= 2).Distinct().Take(10)];
    }

    private static int CountOccurrences(string text, string term, int max)
    {
        var count = 0;
        var index = 0;
        while (count < max && (index = text.IndexOf(term, index, StringComparison.Ordinal)) >= 0)
        {
            count++;
            index += term.Length;
        }

        return count;
    }

    private bool IsVisible(Article article, DateOnly today) =>
        _showUnpublished || (!article.Draft && article.Published <= today);

    private Snapshot Current()
    {
        // Visibility depends on the catalog and the date only, so it is computed once per (catalog, day).
        var catalog = store.Current;
        var today = clock.Today();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && ReferenceEquals(snapshot.Catalog, catalog) && snapshot.Today == today)
        {
            return snapshot;
        }

        var visible = catalog.All.Where(a => IsVisible(a, today)).ToList();
        var tags = visible
            .SelectMany(a => a.Tags)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
        snapshot = new Snapshot(catalog, today, visible, tags);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private sealed record Snapshot(ArticleCatalog Catalog, DateOnly Today, IReadOnlyList<Article> Articles, IReadOnlyList<TagCount> Tags);
}

public sealed record TagCount(string Tag, int Count);
