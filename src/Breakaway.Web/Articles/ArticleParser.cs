using System.Globalization;
using Breakaway.Web.Domain;
using Markdig.Syntax;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Breakaway.Web.Articles;

/// <summary>Turns one Markdown file into an <see cref="Article"/>, or into the problems that keep it off the site.</summary>
public sealed partial class ArticleParser(MarkdownRenderer renderer, string defaultAuthor)
{
    private readonly IDeserializer _yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex TagPattern();

    /// <param name="displayPath">Path used in problem messages, such as <c>content/tips/a.md</c>.</param>
    /// <param name="slug">The file name without <c>.md</c>.</param>
    /// <param name="images">The pictures in <c>tips/images/</c> the article may use.</param>
    public ArticleParseResult Parse(string displayPath, string slug, string markdown, ContentImages? images = null)
    {
        images ??= ContentImages.Empty;
        if (!Slug.IsValid(slug))
        {
            return Fail(displayPath, 1,
                $"file name '{slug}.md' is not a valid slug: use 1-{Slug.MaxLength} lower-case letters, digits and hyphens");
        }

        var document = renderer.Parse(markdown);
        var frontMatterBlock = MarkdownRenderer.FrontMatter(document);
        if (frontMatterBlock is null || frontMatterBlock.Line != 0)
        {
            return Fail(displayPath, 1, "missing front matter: the file must start with a '---' line, the YAML fields, then '---'");
        }

        // Line numbers in messages are 1-based file lines; the YAML starts on the line after '---'.
        var yamlFirstLine = frontMatterBlock.Line + 2;
        FrontMatter? frontMatter;
        try
        {
            frontMatter = _yaml.Deserialize<FrontMatter>(frontMatterBlock.Lines.ToString());
        }
        catch (YamlException ex)
        {
            var yamlLines = frontMatterBlock.Lines.ToString().Split('\n');
            var errorLine = (int)Math.Max(1, ex.Start.Line);
            if (ex.Message.Contains("tab character", StringComparison.Ordinal))
            {
                // The parser names the line where the value began; the tab is usually on the next one.
                var tabLine = Array.FindIndex(yamlLines, errorLine - 1, l => l.StartsWith('\t'));
                errorLine = tabLine >= 0 ? tabLine + 1 : errorLine;
            }

            var text = errorLine <= yamlLines.Length ? yamlLines[errorLine - 1] : string.Empty;
            return Fail(displayPath, yamlFirstLine + errorLine - 1, FrontMatterAdvice.For(ex, text));
        }

        if (frontMatter is null)
        {
            return Fail(displayPath, 1, "front matter is empty: 'title', 'summary' and 'published' are required");
        }

        var problems = new List<ContentProblem>();
        if (string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            problems.Add(new(displayPath, yamlFirstLine, "'title' is required"));
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Summary))
        {
            problems.Add(new(displayPath, yamlFirstLine, "'summary' is required"));
        }

        DateOnly published = default;
        if (string.IsNullOrWhiteSpace(frontMatter.Published))
        {
            problems.Add(new(displayPath, yamlFirstLine, "'published' is required (a date such as 2026-11-25)"));
        }
        else if (!DateOnly.TryParseExact(frontMatter.Published.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out published))
        {
            problems.Add(new(displayPath, yamlFirstLine, $"'published' must be a date written yyyy-MM-dd, not '{frontMatter.Published}'"));
        }

        var tags = frontMatter.Tags ?? [];
        foreach (var tag in tags)
        {
            if (tag is null || tag.Length > 40 || !TagPattern().IsMatch(tag))
            {
                problems.Add(new(displayPath, yamlFirstLine,
                    $"tag '{tag}' must be lower-case words joined by hyphens, such as 'low-back-pain'"));
            }
        }

        var exercises = frontMatter.Exercises ?? [];
        foreach (var exercise in exercises)
        {
            if (!Slug.IsValid(exercise))
            {
                problems.Add(new(displayPath, yamlFirstLine, $"exercise '{exercise}' is not a valid exercise slug"));
            }
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level == 1)
            {
                problems.Add(new(displayPath, heading.Line + 1,
                    "use '##' for sections: the article title is already the page's only top-level heading"));
            }
        }

        if (problems.Count > 0)
        {
            return new ArticleParseResult(null, problems);
        }

        // Picture problems leave the picture out and keep the article (a warning at run time, an error in the content check).
        var warnings = new List<ContentProblem>();
        ContentImage? cover = null;
        if (!string.IsNullOrWhiteSpace(frontMatter.Image))
        {
            var imageLine = KeyLine(frontMatterBlock, yamlFirstLine, "image");
            (cover, var problem) = MarkdownRenderer.FindPicture(frontMatter.Image, images);
            if (cover is not null && string.IsNullOrWhiteSpace(frontMatter.ImageAlt))
            {
                (cover, problem) = (null, "the cover picture needs a description for people who cannot see it: add 'image_alt: What the picture shows'");
            }

            if (problem is not null)
            {
                warnings.Add(new(displayPath, imageLine, problem));
            }
        }

        else if (!string.IsNullOrWhiteSpace(frontMatter.ImageAlt))
        {
            warnings.Add(new(displayPath, KeyLine(frontMatterBlock, yamlFirstLine, "image_alt"), "'image_alt' describes a cover picture, but there is no 'image': add 'image: images/<file name>', or remove 'image_alt'"));
        }

        var rendered = renderer.Render(document, images);
        warnings.AddRange(rendered.PictureProblems.Select(p => new ContentProblem(displayPath, p.Line + 1, p.Reason)));
        var article = new Article
        {
            Slug = slug,
            File = displayPath,
            Title = frontMatter.Title!.Trim(),
            Summary = frontMatter.Summary!.Trim(),
            Published = published,
            Tags = [.. tags.Distinct(StringComparer.Ordinal)],
            Author = string.IsNullOrWhiteSpace(frontMatter.Author) ? defaultAuthor : frontMatter.Author.Trim(),
            Draft = frontMatter.Draft,
            ExerciseSlugs = [.. exercises.Distinct(StringComparer.Ordinal)],
            ExercisesLine = KeyLine(frontMatterBlock, yamlFirstLine, "exercises"),
            Html = rendered.Html,
            Sections = rendered.Sections,
            WordCount = CountWords(rendered.PlainText),
            SearchText = rendered.PlainText.ToLowerInvariant(),
            Cover = cover,
            CoverAlt = cover is null ? null : frontMatter.ImageAlt!.Trim(),
            Warnings = warnings,
            Pictures = rendered.Pictures,
        };
        return new ArticleParseResult(article, []);
    }

    private static int KeyLine(Markdig.Extensions.Yaml.YamlFrontMatterBlock block, int firstLine, string key)
    {
        var lines = block.Lines.ToString().Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return index < 0 ? firstLine : firstLine + index;
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static ArticleParseResult Fail(string file, int line, string reason) =>
        new(null, [new ContentProblem(file, line, reason)]);

    /// <summary>The fields staff may write in front matter. Unknown fields are an error, so typos show up.</summary>
    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Published { get; set; }
        public List<string>? Tags { get; set; }
        public string? Author { get; set; }
        public bool Draft { get; set; }
        public List<string>? Exercises { get; set; }
        public string? Image { get; set; }
        public string? ImageAlt { get; set; }
    }
}

public sealed record ArticleParseResult(Article? Article, IReadOnlyList<ContentProblem> Problems);
