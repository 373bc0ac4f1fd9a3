using Breakaway.Web.Articles;
using Breakaway.Web.Domain;

namespace Breakaway.Tests.Articles;

public sealed class ArticleParserTests
{
    private readonly ArticleParser _parser = new(new MarkdownRenderer(), "The Team");

    private ArticleParseResult Parse(string markdown, string slug = "a-tip") =>
        _parser.Parse($"content/tips/{slug}.md", slug, markdown);

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var result = Parse("""
            ---
            title: "Glutes: the basics"
            summary: Why they matter.
            published: 2026-11-02
            tags: [glutes, low-back-pain]
            author: Demo Therapist
            draft: true
            exercises: [glute-bridge]
            ---

            Hello **there** reader.

            ## One
            """);

        Assert.Empty(result.Problems);
        var article = result.Article!;
        Assert.Equal("a-tip", article.Slug);
        Assert.Equal("Glutes: the basics", article.Title);
        Assert.Equal("Why they matter.", article.Summary);
        Assert.Equal(new DateOnly(2026, 11, 2), article.Published);
        Assert.Equal(["glutes", "low-back-pain"], article.Tags);
        Assert.Equal("Demo Therapist", article.Author);
        Assert.True(article.Draft);
        Assert.Equal(["glute-bridge"], article.ExerciseSlugs);
        Assert.Contains("<strong>there</strong>", article.Html, StringComparison.Ordinal);
        Assert.Equal(4, article.WordCount);
        Assert.Equal(1, article.ReadingMinutes);
    }

    [Fact]
    public void Parse_NoAuthor_UsesTheDefaultByline()
    {
        var result = Parse("---\ntitle: T\nsummary: S\npublished: 2026-11-02\n---\nBody\n");

        Assert.Equal("The Team", result.Article!.Author);
    }

    [Fact]
    public void Parse_ReadingTime_RoundsUpAt200WordsAMinute()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 401));

        var result = Parse($"---\ntitle: T\nsummary: S\npublished: 2026-11-02\n---\n{body}\n");

        Assert.Equal(3, result.Article!.ReadingMinutes);
    }

    [Theory]
    [InlineData("---\nsummary: S\npublished: 2026-11-02\n---\nBody", 2, "'title' is required")]
    [InlineData("---\ntitle: T\npublished: 2026-11-02\n---\nBody", 2, "'summary' is required")]
    [InlineData("---\ntitle: T\nsummary: S\n---\nBody", 2, "'published' is required")]
    [InlineData("---\ntitle: T\nsummary: S\npublished: 25/11/2026\n---\nBody", 2, "'published' must be a date")]
    [InlineData("---\ntitle: T\nsummary: S\npublished: 2026-11-02\ntags: [Low Back]\n---\nBody", 2, "tag 'Low Back'")]
    [InlineData("---\ntitle: T\nsummary: S\npublished: 2026-11-02\ntags: [ok, under_score]\n---\nBody", 2, "tag 'under_score'")]
    [InlineData("---\ntitle: T\nsummary: S\npublished: 2026-11-02\nexercises: [Glute Bridge]\n---\nBody", 2, "exercise 'Glute Bridge'")]
    [InlineData("Body without front matter", 1, "missing front matter")]
    [InlineData("---\ntitle: T\nsummary: S\npublished: 2026-11-02\n---\n\n# Big heading\n", 7, "use '##' for sections")]
    public void Parse_InvalidFile_ReportsLineAndReason(string markdown, int line, string reason)
    {
        var result = Parse(markdown);

        Assert.Null(result.Article);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("content/tips/a-tip.md", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"content/tips/a-tip.md:{line}: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_PointsAtTheBrokenLine()
    {
        var result = Parse("---\ntitle: T\nsummary: S\npublished: 2026-11-02\ntags: [a, b\nauthor: x\n---\nBody");

        var problem = Assert.Single(result.Problems);
        Assert.InRange(problem.Line, 5, 7);
        Assert.Equal("the list in 'tags' is not closed: write it as [first, second] with the closing ] on the same line", problem.Reason);
    }

    [Theory]
    [InlineData("title: Hip stretches: a gentle start", "the title has a colon (:) in it: put the title in double quotes, like title: \"Hip stretches: a gentle start\"")]
    [InlineData("title: \"Hip stretches", "a quotation mark is not closed: end the title with a double quote (\") on the same line")]
    [InlineData("\ttitle: Hips", "there is a tab at the start of a line: use spaces (or nothing) before each field, never tabs")]
    [InlineData("title: @home", "the title starts with a character YAML keeps for itself (such as @ or `): put the title in double quotes")]
    [InlineData("draft: maybe", "'draft' must be true or false, not 'maybe'")]
    [InlineData("Title: Hips", "'Title' is not a field an article can have (check the spelling and lower case): use title, summary, published, tags, author, draft, exercises, image, image_alt")]
    public void Parse_YamlMistake_IsReportedAsAdviceOnItsLine(string line, string advice)
    {
        var result = Parse($"---\nsummary: S\n{line}\npublished: 2026-11-02\n---\nBody");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(advice, problem.Reason);
    }

    [Fact]
    public void Parse_UnknownField_IsReportedSoTyposShowUp()
    {
        var result = Parse("---\ntitle: T\nsummary: S\npublished: 2026-11-02\ntagz: [a]\n---\nBody");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(5, problem.Line);
        Assert.Contains("tagz", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("dot.dot")]
    [InlineData("")]
    public void Parse_BadFileName_IsRejected(string slug)
    {
        var result = Parse("---\ntitle: T\nsummary: S\npublished: 2026-11-02\n---\nBody", slug);

        Assert.Null(result.Article);
        Assert.Contains("not a valid slug", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SlugIsValid_RejectsTooLongAndTraversal()
    {
        Assert.True(Slug.IsValid(new string('a', 80)));
        Assert.False(Slug.IsValid(new string('a', 81)));
        Assert.False(Slug.IsValid("../etc"));
        Assert.False(Slug.IsValid("a\0b"));
        Assert.False(Slug.IsValid("a\\b"));
    }
}
