namespace Breakaway.Web.Articles;

/// <summary>A health tip parsed from <c>content/tips/&lt;slug&gt;.md</c>, rendered once and kept in memory.</summary>
public sealed record Article
{
    public required string Slug { get; init; }

    /// <summary>The file it came from, as problems name it (<c>content/tips/a.md</c>).</summary>
    public string File { get; init; } = string.Empty;
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required DateOnly Published { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required string Author { get; init; }
    public bool Draft { get; init; }
    public required IReadOnlyList<string> ExerciseSlugs { get; init; }

    /// <summary>File line of the <c>exercises:</c> key, for content-check messages.</summary>
    public int ExercisesLine { get; init; }

    /// <summary>Safe HTML of the body: raw HTML disabled, unsafe links removed.</summary>
    public required string Html { get; init; }

    /// <summary>Second-level headings in order, for the table of contents.</summary>
    public required IReadOnlyList<ArticleHeading> Sections { get; init; }

    public required int WordCount { get; init; }

    /// <summary>Lower-cased plain text of the body, for search.</summary>
    public required string SearchText { get; init; }

    /// <summary>The cover picture from front matter (<c>image</c>), shown on the article and its cards.</summary>
    public ContentImage? Cover { get; init; }

    /// <summary>What the cover shows (<c>image_alt</c>); set whenever <see cref="Cover"/> is.</summary>
    public string? CoverAlt { get; init; }

    /// <summary>File names of the pictures the body shows, in order.</summary>
    public IReadOnlyList<string> Pictures { get; init; } = [];

    /// <summary>Problems that left a picture out but kept the article on the site.</summary>
    public IReadOnlyList<ContentProblem> Warnings { get; init; } = [];

    public int ReadingMinutes => Math.Max(1, (int)Math.Ceiling(WordCount / 200.0));
}

public sealed record ArticleHeading(string Id, string Text);

/// <summary>Why a content file was skipped, as <c>file:line: reason</c>.</summary>
public sealed record ContentProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
