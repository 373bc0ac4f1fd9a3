using System.Text.Json;
using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Tips;

public sealed class ArticleModel(PublishedArticles articles, ArticleExerciseCards exerciseCards, BreakawayDbContext db, IOptions<ClinicOptions> clinic) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<Article> Related { get; private set; } = [];
    public IReadOnlyList<ExerciseCard> ExerciseCards { get; private set; } = [];
    public string ClinicName => clinic.Value.Name;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // The slug is only ever a dictionary key; it never becomes a file path.
        if (!Slug.IsValid(slug) || articles.Find(slug) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        Related = articles.Related(article, 3);
        ExerciseCards = await exerciseCards.ForAsync(article, db, cancellationToken);
        return Page();
    }

    /// <summary>schema.org metadata; System.Text.Json escapes '&lt;' so the data cannot close the script element.</summary>
    public string JsonLd(string url, string? imageUrl)
    {
        var data = new Dictionary<string, object>
        {
        ["@context"] = "https://schema.org",
        ["@type"] = "Article",
        ["headline"] = Article.Title,
        ["description"] = Article.Summary,
        ["datePublished"] = Article.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["author"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = Article.Author },
        ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = ClinicName },
        ["mainEntityOfPage"] = url,
        ["keywords"] = string.Join(", ", Article.Tags),
        };
        if (imageUrl is not null)
        {
            data["image"] = imageUrl;
        }

        return JsonSerializer.Serialize(data);
    }
}
