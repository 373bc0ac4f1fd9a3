namespace Breakaway.Web.Articles;

/// <summary>Reads every file under <c>&lt;content&gt;/tips</c>; the same code serves the site and the CI content check.</summary>
public sealed class ArticleLoader(ArticleParser parser, long maxImageBytes = ArticleOptions.DefaultMaxImageKilobytes * 1024L)
{
    public const string TipsFolder = "tips";

    public ArticleCatalog Load(string contentPath)
    {
        var allFiles = Directory.Exists(contentPath)
            ? Directory.EnumerateFiles(contentPath, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(contentPath, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                .Select(f => DisplayPath(contentPath, f))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        var tipsPath = Path.Combine(contentPath, TipsFolder);
        if (!Directory.Exists(tipsPath))
        {
            return new ArticleCatalog([], [new ContentProblem(tipsPath, 0, "the tips folder does not exist")], files: allFiles);
        }

        var images = ContentImages.Load(tipsPath, file => DisplayPath(contentPath, file), maxImageBytes);

        var files = Directory.EnumerateFiles(tipsPath, "*", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var results = new ArticleParseResult[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ParseFile(contentPath, files[i], images));

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

        return new ArticleCatalog(articles, problems, images, allFiles);
    }

    private ArticleParseResult ParseFile(string contentPath, string file, ContentImages images)
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
            return parser.Parse(display, name[..^3], text, images);
        }
        catch (IOException ex)
        {
            return new ArticleParseResult(null, [new ContentProblem(display, 0, $"could not be read: {ex.Message}")]);
        }
    }

    public static string DisplayPath(string contentPath, string file) =>
        Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(contentPath)), Path.GetRelativePath(contentPath, file))
            .Replace('\\', '/');
}
