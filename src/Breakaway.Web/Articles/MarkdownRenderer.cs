using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Breakaway.Web.Articles;

/// <summary>
/// The one Markdig pipeline of the site. Raw HTML is off, generic attributes are not enabled, and every
/// link, image and autolink is checked against an allow-list of schemes before rendering.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, _pipeline);

    public static YamlFrontMatterBlock? FrontMatter(MarkdownDocument document) =>
        document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();

    /// <summary>Makes the document safe and links its section headings, then renders it.</summary>
    /// <param name="images">
    /// The pictures beside the articles. Each <c>![alt](images/name)</c> gets the picture's served address, width and
    /// height; a picture that cannot be shown is left out and reported in <see cref="RenderedMarkdown.PictureProblems"/>.
    /// </param>
    public RenderedMarkdown Render(MarkdownDocument document, ContentImages? images = null)
    {
        RemoveUnsafeLinks(document);
        var pictures = new List<string>();
        var pictureProblems = ResolvePictures(document, images ?? ContentImages.Empty, pictures);
        var sections = LinkHeadings(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        var plainText = PlainText(document);
        return new RenderedMarkdown(writer.ToString(), sections, plainText, pictureProblems, pictures);
    }

    /// <summary>
    /// Finds the picture a Markdown or front-matter reference names: only <c>images/&lt;file name&gt;</c>, looked up by
    /// name in the index. Returns the picture, or the reason it cannot be shown.
    /// </summary>
    public static (ContentImage? Image, string? Problem) FindPicture(string? reference, ContentImages images)
    {
        var url = (reference ?? string.Empty).Trim();
        if (url.Length == 0)
        {
            return (null, "the picture has no file name: write images/<file name>");
        }

        if (url.StartsWith("//", StringComparison.Ordinal) || url.Contains("://", StringComparison.Ordinal))
        {
            return (null, $"pictures from other sites ('{url}') are blocked by the site's security policy: save the file in content/{ArticleLoader.TipsFolder}/{ContentImages.Folder}/ and write {ContentImages.Folder}/<file name>");
        }

        var prefix = ContentImages.Folder + "/";
        var name = url.StartsWith(prefix, StringComparison.Ordinal) ? url[prefix.Length..] : null;
        if (name is null || name.Contains("..", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return (null, $"picture '{url}' must be a file in content/{ArticleLoader.TipsFolder}/{ContentImages.Folder}/: write {ContentImages.Folder}/<file name>, without ../ or other folders");
        }

        if (images.Find(name) is { } image)
        {
            return (image, null);
        }

        return images.ProblemOf(name) is { } skipped
            ? (null, $"picture '{url}' is not shown because of a problem with the file: {skipped.Reason}")
            : (null, $"there is no picture '{url}': check that content/{ArticleLoader.TipsFolder}/{url} exists (names are case-sensitive)");
    }

    private static List<PictureProblem> ResolvePictures(MarkdownDocument document, ContentImages images, List<string> used)
    {
        var problems = new List<PictureProblem>();
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            var (image, problem) = FindPicture(link.Url, images);
            var alt = InlineText(link).Trim();
            if (image is not null && alt.Length == 0)
            {
                problem = $"picture '{link.Url}' has no description for people who cannot see it: write what it shows between the brackets, ![Side-lying clamshell]({link.Url})";
            }

            if (problem is not null || image is null)
            {
                problems.Add(new PictureProblem(link.Line, problem ?? "picture left out"));
                link.Remove();
                continue;
            }

            used.Add(image.Name);
            link.Url = image.Url;
            var attributes = link.GetAttributes();
            attributes.AddProperty("width", image.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            attributes.AddProperty("height", image.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            attributes.AddProperty("loading", "lazy");
            attributes.AddProperty("decoding", "async");
        }

        return problems;
    }

    /// <summary>Renders a short Markdown fragment (no front matter) safely.</summary>
    public string RenderFragment(string markdown) => Render(Parse(markdown)).Html;

    /// <summary>
    /// Only http, https, mailto and relative URLs are allowed. Browsers drop ASCII whitespace and control
    /// characters inside a scheme ("java&#9;script:"), and Markdig has already decoded entities, so the
    /// check strips those characters and compares the scheme case-insensitively.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var cleaned = new string([.. url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#', '\\']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true; // A relative path with a colon further on, such as "tips/a:b".
        }

        var scheme = cleaned[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    private static void RemoveUnsafeLinks(MarkdownDocument document)
    {
        // Materialise first: the loop edits the tree.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafeUrl(link.Url))
            {
                continue;
            }

            if (link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(InlineText(link)));
                continue;
            }

            // Keep the words of the link, drop the link itself.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }

            link.Remove();
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    private static List<ArticleHeading> LinkHeadings(MarkdownDocument document)
    {
        var sections = new List<ArticleHeading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            if (heading.Inline is null || string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (heading.Level == 2)
            {
                sections.Add(new ArticleHeading(id, InlineText(heading.Inline)));
            }

            if (heading.Inline.Descendants<LinkInline>().Any())
            {
                continue; // A link inside a link is not valid HTML.
            }

            // The heading text becomes a link to its own anchor, so readers can share a section.
            var anchor = new LinkInline("#" + id, string.Empty);
            foreach (var child in heading.Inline.ToList())
            {
                child.Remove();
                anchor.AppendChild(child);
            }

            anchor.GetAttributes().AddClass("heading-anchor");
            heading.Inline.AppendChild(anchor);
        }

        return sections;
    }

    private static string InlineText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }

    private static string PlainText(MarkdownDocument document)
    {
        var text = new System.Text.StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is YamlFrontMatterBlock)
            {
                continue;
            }

            if (leaf.Inline is not null)
            {
                text.Append(InlineText(leaf.Inline));
            }
            else if (leaf is CodeBlock code)
            {
                text.Append(code.Lines.ToString());
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}

public sealed record RenderedMarkdown(string Html, IReadOnlyList<ArticleHeading> Sections, string PlainText, IReadOnlyList<PictureProblem> PictureProblems, IReadOnlyList<string> Pictures);

/// <param name="Line">0-based line of the Markdown source.</param>
public sealed record PictureProblem(int Line, string Reason);
