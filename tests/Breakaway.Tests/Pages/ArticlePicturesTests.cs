using System.Net;
using System.Net.Http.Headers;
using Breakaway.Tests.Articles;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Pages;

/// <summary>
/// One site on a content folder with pictures, a broken article, a draft, a scheduled article, an unsafe SVG and a stray
/// file. Every test only reads it.
/// </summary>
public sealed class PicturesSite : IAsyncLifetime
{
    public TempContent Content { get; } = ArticlePicturesTests.PictureContent();

    public BreakawayFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new BreakawayFactory().WithDemo().With("Articles:Path", Content.Path);
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Content.Dispose();
    }
}

public sealed class ArticlePicturesTests(PicturesSite site) : IClassFixture<PicturesSite>
{
    private readonly HttpClient _client = site.Client;

    public static TempContent PictureContent()
    {
        var content = new TempContent()
            .Add("with-pictures", TempContent.Article("Clamshells with pictures", "2026-11-20", "[glutes]",
                "Lie on your side.\n\n![Side-lying clamshell, top knee lifted](images/clamshell.png)\n\nDo not do this:\n\n![Secrets](images/../../appsettings.json)\n",
                "image: images/cover.png\nimage_alt: A person lying on their side on a mat\n"))
            .Add("broken-title", "---\ntitle: Hip stretches: a gentle start\nsummary: S\npublished: 2026-11-01\n---\n\nBody\n")
            .Add("a-draft", TempContent.Article("Draft tip", "2026-11-01", "[core]", "Not yet.", "draft: true\n"))
            .Add("next-week", TempContent.Article("Next week's tip", "2026-12-01", "[core]"))
            .Add("plain", TempContent.Article("Plain tip", "2026-11-10", "[core]"));
        var images = Directory.CreateDirectory(Path.Combine(content.TipsPath, "images")).FullName;
        File.WriteAllBytes(Path.Combine(images, "clamshell.png"), TestPictures.Png(640, 360));
        File.WriteAllBytes(Path.Combine(images, "cover.png"), TestPictures.Png(1200, 630));
        File.WriteAllText(Path.Combine(images, "evil.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\">\n<script>alert(1)</script>\n</svg>");
        File.WriteAllText(Path.Combine(content.Path, "notes.txt"), "Ideas for next month.");
        return content;
    }

    private async Task<AngleSharp.Dom.IDocument> ArticleAsync() => await _client.GetDocumentAsync("/tips/with-pictures");

    [Fact]
    public async Task Get_ArticleWithRelativePicture_ShowsItWithAltSizeAndLazyLoading()
    {
        var page = await ArticleAsync();

        var picture = Assert.Single(page.QuerySelectorAll(".prose img"));
        Assert.Equal("Side-lying clamshell, top knee lifted", picture.GetAttribute("alt"));
        Assert.Equal("640", picture.GetAttribute("width"));
        Assert.Equal("360", picture.GetAttribute("height"));
        Assert.Equal("lazy", picture.GetAttribute("loading"));
        Assert.Matches("^/tips/images/clamshell\\.png\\?v=[0-9a-f]{12}$", picture.GetAttribute("src"));
    }

    [Fact]
    public async Task Get_Picture_Answers200_WithALongCacheAndAnETag()
    {
        var src = (await ArticleAsync()).QuerySelector(".prose img")!.GetAttribute("src")!;

        var response = await _client.GetAsync(src, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestPictures.Png(640, 360), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Public);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Get_Picture_WithItsETag_Answers304_AndWithoutTheFingerprint_Revalidates()
    {
        var first = await _client.GetAsync("/tips/images/clamshell.png", TestContext.Current.CancellationToken);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/tips/images/clamshell.png");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await _client.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/tips/images/..%2f..%2fappsettings.json")]
    [InlineData("/tips/images/..%2fwith-pictures.md")]
    [InlineData("/tips/images/%2e%2e%2f%2e%2e%2fnotes.txt")]
    [InlineData("/tips/images/..%5c..%5cappsettings.json")]
    [InlineData("/tips/images/../../appsettings.json")]
    [InlineData("/tips/images/images%2fclamshell.png")]
    [InlineData("/tips/images/Clamshell.png")]
    [InlineData("/tips/images/no-such.png")]
    [InlineData("/tips/images/evil.svg")]
    public async Task Get_PictureAddressOutsideTheFolderOrUnknown_ShowsTheSite404Page(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", Html.Parse(await response.BodyAsync()).Text("h1"));
    }

    [Fact]
    public async Task Get_ArticleWithAPictureOutsideTheFolder_LeavesThatPictureOut_AndLogsAWarning()
    {
        var page = await ArticleAsync();

        Assert.DoesNotContain(page.QuerySelectorAll("img"), img => img.GetAttribute("src")!.Contains("..", StringComparison.Ordinal));
        Assert.DoesNotContain("Secrets", page.QuerySelector(".prose")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains(site.Factory.Log.Lines, line => line.Contains("Picture left out", StringComparison.Ordinal)
            && line.Contains("with-pictures.md", StringComparison.Ordinal) && line.Contains("without ../", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ArticleWithCover_ShowsIt_AndSharesItWithAbsoluteAddresses()
    {
        var page = await ArticleAsync();

        var cover = page.QuerySelector(".article-header img.cover")!;
        Assert.Equal("A person lying on their side on a mat", cover.GetAttribute("alt"));
        Assert.Equal(("1200", "630"), (cover.GetAttribute("width"), cover.GetAttribute("height")));
        var ogImage = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Matches("^https://clinic\\.example/tips/images/cover\\.png\\?v=[0-9a-f]{12}$", ogImage);
        Assert.Equal("A person lying on their side on a mat", page.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        var jsonLd = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(ogImage, jsonLd.RootElement.GetProperty("image").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri(ogImage).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Get_ArticleWithoutCover_HasNoOgImage()
    {
        var page = await _client.GetDocumentAsync("/tips/plain");

        Assert.Null(page.QuerySelector("meta[property='og:image']"));
        Assert.Null(page.QuerySelector("img"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tips")]
    public async Task Cards_ShowTheCoverPicture(string url)
    {
        var page = await _client.GetDocumentAsync(url);

        var card = page.QuerySelectorAll(".card").Single(c => c.TextContent.Contains("Clamshells with pictures", StringComparison.Ordinal));
        var picture = card.QuerySelector("img.card-picture")!;
        Assert.StartsWith("/tips/images/cover.png?v=", picture.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(("1200", "630", "lazy"), (picture.GetAttribute("width"), picture.GetAttribute("height"), picture.GetAttribute("loading")));
        Assert.Null(page.QuerySelectorAll(".card").Single(c => c.TextContent.Contains("Plain tip", StringComparison.Ordinal)).QuerySelector("img"));
    }

    [Fact]
    public async Task AdminContent_ListsEveryFileWithItsState_AndSkippedOnesWithReasonAndLine()
    {
        var staff = site.Factory.NoRedirects();
        await staff.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);

        var response = await staff.GetAsync("/admin/content", TestContext.Current.CancellationToken);
        var page = Html.Parse(await response.BodyAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var rows = page.QuerySelectorAll(".content-files tbody tr").ToDictionary(
            r => r.QuerySelector("code")!.TextContent.Replace(Path.GetFileName(site.Content.Path), "content", StringComparison.Ordinal),
            r => (State: r.QuerySelector(".badge")!.TextContent, Details: r.Children[2].TextContent));
        Assert.Equal(
            ["content/notes.txt", "content/tips/a-draft.md", "content/tips/broken-title.md", "content/tips/images/clamshell.png", "content/tips/images/cover.png",
             "content/tips/images/evil.svg", "content/tips/next-week.md", "content/tips/plain.md", "content/tips/with-pictures.md"],
            rows.Keys);
        Assert.Equal("Skipped", rows["content/tips/broken-title.md"].State);
        Assert.Contains("Line 2: the title has a colon (:) in it: put the title in double quotes, like title: \"Hip stretches: a gentle start\"",
            rows["content/tips/broken-title.md"].Details, StringComparison.Ordinal);
        Assert.Equal("Draft", rows["content/tips/a-draft.md"].State);
        Assert.Equal("Scheduled", rows["content/tips/next-week.md"].State);
        Assert.Contains("1 December 2026", rows["content/tips/next-week.md"].Details, StringComparison.Ordinal);
        Assert.Equal("Published", rows["content/tips/with-pictures.md"].State);
        Assert.Contains("Line 16: picture 'images/../../appsettings.json' must be a file in content/tips/images/", rows["content/tips/with-pictures.md"].Details, StringComparison.Ordinal);
        Assert.Equal("Picture", rows["content/tips/images/clamshell.png"].State);
        Assert.Contains("640 × 360", rows["content/tips/images/clamshell.png"].Details, StringComparison.Ordinal);
        Assert.Contains("Used by Clamshells with pictures", rows["content/tips/images/cover.png"].Details, StringComparison.Ordinal);
        Assert.Equal("Skipped", rows["content/tips/images/evil.svg"].State);
        Assert.Contains("Line 2: remove the <script> element", rows["content/tips/images/evil.svg"].Details, StringComparison.Ordinal);
        Assert.Equal("Not read", rows["content/notes.txt"].State);
    }

    [Fact]
    public async Task AdminContent_IsLinkedFromTheClinicPage()
    {
        var staff = site.Factory.CreateClient();
        await staff.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);

        var page = await staff.GetDocumentAsync("/admin");

        Assert.NotNull(page.QuerySelector("main a[href='/admin/content']"));
    }

    [Fact]
    public async Task CheckContentCommand_PrintsEveryProblemAsFileLineReason_AndExits1()
    {
        var result = await AppCommand.RunAsync(site.Factory.Database, ["check-content", site.Content.Path]);

        var folder = Path.GetFileName(site.Content.Path);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"{folder}/tips/broken-title.md:2: the title has a colon (:) in it: put the title in double quotes, like title: \"Hip stretches: a gentle start\"", lines);
        Assert.Contains(lines, l => l.StartsWith($"{folder}/tips/with-pictures.md:16: picture 'images/../../appsettings.json' must be", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{folder}/tips/images/evil.svg:2: remove the <script> element", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("3 problems to fix before committing (4 articles and 2 pictures loaded).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckContentCommand_WithoutAFolder_ChecksArticlesPath_AndTheCommittedContentExits0()
    {
        // AppCommand passes --Articles:Path=<the repo's content>, as a deployment's settings would.
        var result = await AppCommand.RunAsync(site.Factory.Database, ["check-content"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(RepoPaths.Content)}: [0-9]+ articles and [0-9]+ pictures, no problems\\.", result.Output);
    }
}
