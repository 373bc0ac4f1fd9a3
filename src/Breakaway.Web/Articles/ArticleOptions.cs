using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.Articles;

public sealed class ArticleOptions
{
    public const string Section = "Articles";

    /// <summary>
    /// Folder that holds <c>tips/*.md</c>. Relative paths are resolved against the app's content root.
    /// Empty means the <c>content</c> folder copied next to the app at build and publish time.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Articles per page on <c>/tips</c>.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    /// <summary>Author shown when an article's front matter names none.</summary>
    [Required]
    public string DefaultAuthor { get; set; } = "The Breakaway Physical Therapy Team";

    /// <summary>How long to wait after a file change before reloading, so a burst of saves reloads once.</summary>
    [Range(0, 10_000)]
    public int ReloadDelayMilliseconds { get; set; } = 250;

    public const int DefaultMaxImageKilobytes = 500;

    /// <summary>Largest picture file in <c>tips/images/</c>; a larger one is left out (and fails the content check).</summary>
    [Range(1, 20_000)]
    public int MaxImageKilobytes { get; set; } = DefaultMaxImageKilobytes;

    public string ResolvePath(string contentRootPath) =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "content")
            : System.IO.Path.GetFullPath(Path, contentRootPath);
}
