using System.Collections.Frozen;
using Breakaway.Web.Articles;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Measures;

/// <summary>Every measure definition in one folder, by slug, with the problems of the files that were left out.</summary>
public sealed class MeasureSet(IReadOnlyList<MeasureDefinition> all, IReadOnlyList<ContentProblem> problems)
{
    private readonly FrozenDictionary<string, MeasureDefinition> _bySlug = all.ToFrozenDictionary(m => m.Slug, StringComparer.Ordinal);

    public IReadOnlyList<MeasureDefinition> All { get; } = all;

    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    public MeasureDefinition? Find(string? slug) => slug is not null && _bySlug.TryGetValue(slug, out var m) ? m : null;

    public const string Folder = "measures";

    /// <summary>Reads <c>&lt;content&gt;/measures/*.yaml</c>; the same code serves the site and the content check.</summary>
    public static MeasureSet Load(string contentPath)
    {
        var folder = Path.Combine(contentPath, Folder);
        if (!Directory.Exists(folder))
        {
            return new MeasureSet([], []);
        }

        var measures = new List<MeasureDefinition>();
        var problems = new List<ContentProblem>();
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var display = ArticleLoader.DisplayPath(contentPath, file);
            var name = Path.GetFileName(file);
            if (!name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                problems.Add(new ContentProblem(display, 1, "only '.yaml' files belong in the measures folder"));
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException ex)
            {
                problems.Add(new ContentProblem(display, 0, $"could not be read: {ex.Message}"));
                continue;
            }

            var (measure, found) = MeasureParser.Parse(display, name[..^5], text);
            problems.AddRange(found);
            if (measure is not null)
            {
                measures.Add(measure);
            }
        }

        return new MeasureSet(measures, problems);
    }
}

/// <summary>
/// The site's measures, loaded once at start from the content folder the articles use. A broken file is skipped with a
/// warning (its problems also fail the content check); the others keep working. Definitions change with a release.
/// </summary>
public sealed partial class MeasureCatalog
{
    private readonly Lazy<MeasureSet> _set;

    public MeasureCatalog(IOptions<ArticleOptions> options, IWebHostEnvironment environment, ILogger<MeasureCatalog> logger)
    {
        var path = options.Value.ResolvePath(environment.ContentRootPath);
        _set = new Lazy<MeasureSet>(() =>
        {
            var set = MeasureSet.Load(path);
            foreach (var problem in set.Problems)
            {
                LogSkipped(logger, problem.File, problem.Line, problem.Reason);
            }

            return set;
        });
    }

    public IReadOnlyList<MeasureDefinition> All => _set.Value.All;

    public MeasureDefinition? Find(string? slug) => _set.Value.Find(slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped measure {File}:{Line}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string file, int line, string reason);
}
