using Breakaway.Web.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Tips;

/// <summary>The tips index, newest first, and search when <c>q</c> is given (ranked, title matches first).</summary>
public sealed class IndexModel(PublishedArticles articles, IOptions<ArticleOptions> options) : PageModel
{
    public string? Query { get; private set; }
    public IReadOnlyList<Article> Articles { get; private set; } = [];
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; }
    public int Total { get; private set; }

    public IActionResult OnGet(string? q, [FromQuery(Name = "page")] string? pageNumber)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Query?.Length > PublishedArticles.MaxQueryLength)
        {
            Query = Query[..PublishedArticles.MaxQueryLength];
        }

        var all = Query is null ? articles.All() : articles.Search(Query);
        var pageSize = options.Value.PageSize;
        Total = all.Count;
        PageCount = Math.Max(1, (int)Math.Ceiling(all.Count / (double)pageSize));

        // "page" is also Razor Pages' own route value, so the query value is bound by name.
        var number = 1;
        if (pageNumber is not null && (!int.TryParse(pageNumber, out number) || number < 1 || number > PageCount))
        {
            return NotFound();
        }

        PageNumber = number;
        Articles = [.. all.Skip((PageNumber - 1) * pageSize).Take(pageSize)];
        Tags = articles.Tags();
        return Page();
    }

    /// <summary>The query is written by hand: "page" is also Razor Pages' own route value, so Url.Page cannot carry it.</summary>
    public string PageUrl(int number)
    {
        var path = Url.Page("/Tips/Index")!;
        var query = Query is null ? string.Empty : "q=" + Uri.EscapeDataString(Query) + "&";
        return number == 1 && Query is null ? path : $"{path}?{query}page={number}";
    }
}
