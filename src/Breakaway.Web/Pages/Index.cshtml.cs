using Breakaway.Web.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages;

public sealed class IndexModel(PublishedArticles articles) : PageModel
{
    public IReadOnlyList<Article> Latest { get; private set; } = [];

    public void OnGet() => Latest = [.. articles.All().Take(3)];
}
