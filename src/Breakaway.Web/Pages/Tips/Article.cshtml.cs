using System.Text.Json;
using Breakaway.Web.Articles;
using Breakaway.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Tips;

public sealed class ArticleModel(PublishedArticles articles, IOptions<ClinicOptions> clinic) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<Article> Related { get; private set; } = [];
    public string ClinicName => clinic.Value.Name;

    public IActionResult OnGet(string slug)
    {
        // The slug is only ever a dictionary key; it never becomes a file path.
        if (!ArticleParser.IsValidSlug(slug) || articles.Find(slug) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        Related = articles.Related(article, 3);
        return Page();
    }

    /// <summary>schema.org metadata; System.Text.Json escapes '&lt;' so the data cannot close the script element.</summary>
    public string JsonLd(string url) => JsonSerializer.Serialize(new Dictionary<string, object>
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
    });
}
