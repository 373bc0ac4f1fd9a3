namespace Breakaway.Web.Articles;

/// <summary>Reads every file under <c>&lt;content&gt;/tips</c>; the same code serves the site and the CI content check.</summary>
public sealed class ArticleLoader(ArticleParser parser)
{
    public const string TipsFolder = "tips";

    public ArticleCatalog Load(string contentPath)
    {
        var tipsPath = Path.Combine(contentPath, TipsFolder);
        if (!Directory.Exists(tipsPath))
        {
            return new ArticleCatalog([], [new ContentProblem(tipsPath, 0, "the tips folder does not exist")]);
        }

        var files = Directory.EnumerateFiles(tipsPath, "*", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var results = new ArticleParseResult[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ParseFile(contentPath, files[i]));

        var articles = new List<Article>();
        var problems = new List<ContentProblem>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < files.Count; i++)
        {
            problems.AddRange(results[i].Problems);
            if (results[i].Article is not { } article)
            {
                continue;
            }

            if (seen.TryGetValue(article.Slug, out var first))
            {
                problems.Add(new ContentProblem(DisplayPath(contentPath, files[i]), 1, $"duplicate slug '{article.Slug}', already used by {first}"));
                continue;
            }

            seen.Add(article.Slug, DisplayPath(contentPath, files[i]));
            articles.Add(article);
        }

        return new ArticleCatalog(articles, problems);
    }

    private ArticleParseResult ParseFile(string contentPath, string file)
    {
        var display = DisplayPath(contentPath, file);
        var name = Path.GetFileName(file);
        if (!name.EndsWith(".md", StringComparison.Ordinal))
        {
            return new ArticleParseResult(null, [new ContentProblem(display, 1, "only '.md' files belong in the tips folder")]);
        }

        try
        {
            var text = File.ReadAllText(file);
            return parser.Parse(display, name[..^3], text);
        }
        catch (IOException ex)
        {
            return new ArticleParseResult(null, [new ContentProblem(display, 0, $"could not be read: {ex.Message}")]);
        }
    }

    private static string DisplayPath(string contentPath, string file) =>
        Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(contentPath)), Path.GetRelativePath(contentPath, file))
            .Replace('\\', '/');
}
