using Breakaway.Web.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages.Tips;

public sealed class TagModel(PublishedArticles articles) : PageModel
{
    public string Tag { get; private set; } = string.Empty;
    public string Label => Tag.Replace('-', ' ');
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public IActionResult OnGet(string tag)
    {
        if (tag.Length > 40 || !ArticleParser.TagPattern().IsMatch(tag))
        {
            return NotFound();
        }

        Tag = tag;
        Articles = articles.WithTag(tag);
        return Articles.Count == 0 ? NotFound() : Page();
    }
}
