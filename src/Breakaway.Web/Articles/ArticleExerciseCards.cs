using System.Collections.Concurrent;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.Domain;

namespace Breakaway.Web.Articles;

/// <summary>
/// The exercise cards an article lists in its <c>exercises:</c> front matter. A slug that names no public
/// exercise is left out with one warning per article and slug (the content test reports it in CI).
/// </summary>
public sealed partial class ArticleExerciseCards(ILogger<ArticleExerciseCards> logger)
{
    private readonly ConcurrentDictionary<(string Article, string Exercise), bool> _warned = new();

    public async Task<IReadOnlyList<ExerciseCard>> ForAsync(Article article, BreakawayDbContext db, CancellationToken cancellationToken)
    {
        if (article.ExerciseSlugs.Count == 0)
        {
            return [];
        }

        var slugs = article.ExerciseSlugs;
        var exercises = await db.Exercises
            .Where(e => slugs.Contains(e.Slug) && e.IsPublic && !e.IsArchived)
            .Include(e => e.StopCues)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var bySlug = exercises.ToDictionary(e => e.Slug, StringComparer.Ordinal);

        var cards = new List<ExerciseCard>(slugs.Count);
        foreach (var slug in slugs)
        {
            if (bySlug.TryGetValue(slug, out var exercise))
            {
                cards.Add(ExerciseCard.From(exercise));
            }
            else if (_warned.TryAdd((article.Slug, slug), true))
            {
                LogUnknownExercise(article.Slug, slug);
            }
        }

        return cards;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Article} lists exercise {Exercise}, which is not in the public library; its card is left out")]
    private partial void LogUnknownExercise(string article, string exercise);
}
