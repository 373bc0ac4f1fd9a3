using Breakaway.Tests.Support;
using Breakaway.Web.Articles;

namespace Breakaway.Tests.Articles;

public sealed class MarkdownSafetyTests
{
    private static readonly string[] ForbiddenSchemes = ["javascript", "vbscript", "data"];
    private readonly MarkdownRenderer _renderer = new();

    public static TheoryData<string> UnsafeMarkdown => new()
    {
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;vascript:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](java&#9;script:alert(1))",
        "[click](java&#10;script:alert(1))",
        "[click](<java script:alert(1)>)",
        "[click](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](DATA:text/html,<script>alert(1)</script>)",
        "[click](vbscript:msgbox(1))",
        "[click](VbScript:msgbox(1))",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "[click][ref]\n\n[ref]: <JavaScript:alert(1)> \"title\"",
        "[ref]\n\n[ref]: vbscript:msgbox(1)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x][img]\n\n[img]: data:image/svg+xml,<svg/onload=alert(1)>",
        "![x](x.png){onerror=alert(1)}",
        "[click](https://example.com){onclick=alert(1)}",
        "# Heading {onmouseover=alert(1)}",
        "text {#id .class onclick=alert(1)}",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<div onclick=\"alert(1)\">x</div>",
        "<!-- comment --><style>body{display:none}</style>",
        "[x](\"onmouseover=alert(1))",
        "[x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")",
        "www.example.com/javascript:alert(1)",
        "[x](javascript:alert(1)\n\"title\")",
    };

    [Theory]
    [MemberData(nameof(UnsafeMarkdown))]
    public void Render_UnsafeInput_ProducesNoExecutableMarkup(string markdown)
    {
        var html = _renderer.RenderFragment(markdown);

        var document = Html.Parse(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style, svg, form"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event attribute {attribute.Name} in: {html}");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src")
                {
                    Assert.True(MarkdownRenderer.IsSafeUrl(attribute.Value), $"unsafe {attribute.Name}='{attribute.Value}' in: {html}");
                    var scheme = attribute.Value.Split(':')[0].Trim().ToLowerInvariant();
                    Assert.DoesNotContain(scheme, ForbiddenSchemes);
                }
            }
        }
    }

    [Theory]
    [InlineData("[a](https://example.com/page)", "https://example.com/page")]
    [InlineData("[a](http://example.com)", "http://example.com")]
    [InlineData("[a](mailto:hello@example.com)", "mailto:hello@example.com")]
    [InlineData("[a](/tips/other)", "/tips/other")]
    [InlineData("[a](other-tip)", "other-tip")]
    [InlineData("[a](#section)", "#section")]
    [InlineData("<https://example.com>", "https://example.com")]
    [InlineData("[a][r]\n\n[r]: https://example.com/ref", "https://example.com/ref")]
    public void Render_SafeLink_IsKept(string markdown, string href)
    {
        var document = Html.Parse(_renderer.RenderFragment(markdown));

        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == href);
    }

    [Fact]
    public void Render_UnsafeLink_KeepsItsWordsAsText()
    {
        var document = Html.Parse(_renderer.RenderFragment("Please [call **us**](javascript:alert(1)) today."));

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal("Please call us today.", document.Body!.TextContent.Trim());
    }

    [Fact]
    public void Render_UnsafeImage_IsReplacedByItsAltText()
    {
        var document = Html.Parse(_renderer.RenderFragment("![a diagram](javascript:alert(1))"));

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("a diagram", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RawHtml_IsShownAsText()
    {
        var html = _renderer.RenderFragment("<b>bold</b>");

        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Headings_GetIdsAndSelfLinks()
    {
        var rendered = _renderer.Render(_renderer.Parse("## Why it matters\n\ntext\n\n### Detail\n\nmore"));

        var document = Html.Parse(rendered.Html);
        var h2 = document.QuerySelector("h2#why-it-matters")!;
        Assert.Equal("#why-it-matters", h2.QuerySelector("a.heading-anchor")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("h3#detail a[href='#detail']"));
        Assert.Equal([new ArticleHeading("why-it-matters", "Why it matters")], rendered.Sections);
    }
}
