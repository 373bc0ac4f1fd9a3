using System.Net;
using System.Xml.Linq;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Pages;

/// <summary>One site on the standard test folder, shared by the tests that only read it.</summary>
public sealed class TipsSite : IAsyncLifetime
{
    public TempContent Content { get; } = TipsPagesTests.StandardContent();

    public BreakawayFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new BreakawayFactory().With("Articles:Path", Content.Path);
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

/// <summary>
/// The tips pages on a controlled content folder, through real HTTP and HTML. Tests that only read share one site;
/// a test that moves the clock or changes the folder starts its own.
/// </summary>
public sealed class TipsPagesTests(TipsSite site) : IClassFixture<TipsSite>
{
    private readonly TempContent _content = site.Content;
    private readonly HttpClient _client = site.Client;

    public static TempContent StandardContent()
    {
        var content = new TempContent()
            .Add("glute-basics", TempContent.Article("Glute basics", "2026-11-02", "[glutes, low-back-pain]", Sections("Why", "How", "When") + "\n\nMention of squats."))
            .Add("pelvic-floor-facts", TempContent.Article("Pelvic floor facts", "2026-11-05", "[pelvic-floor, glutes]", "Glutes and the pelvic floor work together."))
            .Add("breathing", TempContent.Article("Breathing well", "2026-11-07", "[core]", "Breathe slowly. Glutes are not mentioned much here."))
            .Add("a-draft", TempContent.Article("A draft", "2026-11-01", "[glutes]", "Unfinished glutes text.", "draft: true\n"))
            .Add("tomorrow", TempContent.Article("Future glutes", "2026-11-26", "[glutes]", "Not yet."));
        for (var i = 1; i <= 12; i++)
        {
            content.Add($"filler-{i:00}", TempContent.Article($"Filler {i}", $"2026-10-{i:00}", "[filler]", "Plain words."));
        }

        return content;
    }

    private static string Sections(params string[] names) =>
        string.Join("\n\n", names.Select(n => $"## {n}\n\nText about {n.ToLowerInvariant()} and glutes."));

    [Fact]
    public async Task Get_Home_ShowsClinicContactsAndLatestTips()
    {
        var page = await _client.GetDocumentAsync("/");

        Assert.Contains("Book a free consultation", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='tel:5550100142']"));
        Assert.NotNull(page.QuerySelector("a[href='mailto:hello@breakaway-pt.example']"));
        var latest = page.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Breathing well", "Pelvic floor facts", "Glute basics"], latest);
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
    }

    [Fact]
    public async Task Get_Home_UsesClinicDetailsFromConfiguration()
    {
        using var factory = new BreakawayFactory().With("Articles:Path", _content.Path)
            .With("Clinic:Phone", "+1 555 010 9999").With("Clinic:Name", "Test Clinic");
        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.NotNull(page.QuerySelector("a[href='tel:+15550109999']"));
        Assert.Equal("Test Clinic", page.Text(".brand"));
    }

    [Fact]
    public async Task Get_Tips_ListsNewestFirst_TenPerPage_WithoutDraftsOrFutureArticles()
    {
        var first = await _client.GetDocumentAsync("/tips");
        var second = await _client.GetDocumentAsync("/tips?page=2");

        var titles = first.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(10, titles.Count);
        Assert.Equal(["Breathing well", "Pelvic floor facts", "Glute basics", "Filler 12"], titles.Take(4));
        Assert.Equal(5, second.QuerySelectorAll(".card-title a").Length);
        var all = titles.Concat(second.QuerySelectorAll(".card-title a").Select(a => a.TextContent)).ToList();
        Assert.DoesNotContain("A draft", all);
        Assert.DoesNotContain("Future glutes", all);
        Assert.Equal("/tips?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/tips?page=0")]
    [InlineData("/tips?page=3")]
    [InlineData("/tips?page=abc")]
    [InlineData("/tips?page=-1")]
    public async Task Get_Tips_PageOutOfRange_Returns404(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_Article_ShowsEverythingAReaderNeeds()
    {
        var page = await _client.GetDocumentAsync("/tips/glute-basics");

        Assert.Equal("Glute basics", page.Text("h1"));
        Assert.Equal("2026-11-02", page.QuerySelector(".article-header time")!.GetAttribute("datetime"));
        Assert.Contains("Team", page.Text(".article-header .meta"), StringComparison.Ordinal);
        Assert.Contains("1 min read", page.Text(".article-header .meta"), StringComparison.Ordinal);
        Assert.Equal(["glutes", "low back pain"], page.QuerySelectorAll(".article-header .tag").Select(t => t.TextContent));
        Assert.Equal(["#why", "#how", "#when"], page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("h2#why a.heading-anchor[href='#why']"));
        Assert.Equal(["Pelvic floor facts"], page.QuerySelectorAll(".related .card-title a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Get_Article_HasSharingMetadata()
    {
        var page = await _client.GetDocumentAsync("/tips/glute-basics");

        Assert.Equal("https://clinic.example/tips/glute-basics", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Glute basics", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("https://clinic.example/tips/glute-basics", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        var jsonLd = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Article", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Glute basics", jsonLd.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Get_Article_WithFewerThanThreeSections_HasNoTableOfContents()
    {
        var page = await _client.GetDocumentAsync("/tips/breathing");

        Assert.Null(page.QuerySelector(".toc"));
    }

    [Theory]
    [InlineData("/tips/a-draft")]
    [InlineData("/tips/tomorrow")]
    [InlineData("/tips/no-such-tip")]
    [InlineData("/tips/..%2f..%2fappsettings.json")]
    [InlineData("/tips/..%5c..%5cappsettings")]
    [InlineData("/tips/Glute-Basics")]
    [InlineData("/tips/glute_basics")]
    [InlineData("/tips/tag/no-such-tag")]
    [InlineData("/tips/tag/Bad%20Tag")]
    [InlineData("/no/such/page")]
    public async Task Get_UnknownOrMalformedAddress_ShowsTheSite404Page(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task Get_VeryLongSlug_Returns404()
    {
        var response = await _client.GetAsync("/tips/" + new string('a', 5000), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_Tag_ListsOnlyThatTag()
    {
        var page = await _client.GetDocumentAsync("/tips/tag/glutes");

        Assert.Equal("Tips about glutes", page.Text("h1"));
        Assert.Equal(["Pelvic floor facts", "Glute basics"], page.QuerySelectorAll(".card-title a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Search_RanksTitleMatchesFirst()
    {
        var page = await _client.GetDocumentAsync("/tips?q=glute");

        var titles = page.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal("Glute basics", titles[0]);
        Assert.Equal(["Glute basics", "Pelvic floor facts", "Breathing well"], titles);
        Assert.Contains("3 tips match", page.Text(".result-count"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_RequiresEveryWord_AndHidesDrafts()
    {
        var page = await _client.GetDocumentAsync("/tips?q=unfinished");
        var both = await _client.GetDocumentAsync("/tips?q=breathe+glutes");

        Assert.Empty(page.QuerySelectorAll(".card-title"));
        Assert.Contains("No tips match", page.Text(".result-count"), StringComparison.Ordinal);
        Assert.Equal(["Breathing well"], both.QuerySelectorAll(".card-title a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Search_QueryIsShownAsText()
    {
        var response = await _client.GetStringAsync("/tips?q=%3Cscript%3Ealert(1)%3C/script%3E", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>alert", response, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Feed_IsAtomWithPublishedArticlesOnly()
    {
        var response = await _client.GetAsync("/tips/feed.xml", TestContext.Current.CancellationToken);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = xml.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(15, entries.Count);
        Assert.Equal("Breathing well", entries[0].Element(atom + "title")!.Value);
        Assert.Equal("https://clinic.example/tips/breathing", entries[0].Element(atom + "link")!.Attribute("href")!.Value);
        Assert.DoesNotContain(entries, e => e.Element(atom + "title")!.Value is "A draft" or "Future glutes");
    }

    [Fact]
    public async Task Get_Sitemap_ListsPagesArticlesAndTags()
    {
        var xml = XDocument.Parse(await _client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("https://clinic.example/", urls);
        Assert.Contains("https://clinic.example/tips/glute-basics", urls);
        Assert.Contains("https://clinic.example/tips/tag/pelvic-floor", urls);
        Assert.DoesNotContain("https://clinic.example/tips/a-draft", urls);
        Assert.DoesNotContain("https://clinic.example/tips/tomorrow", urls);
    }

    [Fact]
    public async Task FutureArticle_AppearsOnItsPublicationDay()
    {
        await using var factory = new BreakawayFactory().With("Articles:Path", _content.Path);
        factory.Clock.Advance(TimeSpan.FromDays(1));

        var page = await factory.CreateClient().GetDocumentAsync("/tips/tomorrow");

        Assert.Equal("Future glutes", page.Text("h1"));
    }

    [Fact]
    public async Task Development_ShowsDraftsForPreview()
    {
        using var factory = new BreakawayFactory { Environment = "Development" }.With("Articles:Path", _content.Path);

        var page = await factory.CreateClient().GetDocumentAsync("/tips/a-draft");

        Assert.Contains("Draft", page.Text(".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenArticle_IsSkipped_WhileEveryOtherPageWorks()
    {
        using var content = StandardContent().Add("broken", "---\ntitle: [oops\n---\n");
        using var factory = new BreakawayFactory().With("Articles:Path", content.Path);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tips/broken", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tips", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tips/glute-basics", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task CachedIndex_ShowsANewArticle_OnceTheFolderReloads()
    {
        using var content = StandardContent();
        await using var factory = new BreakawayFactory().With("Articles:Path", content.Path);
        var client = factory.CreateClient();
        var before = await client.GetDocumentAsync("/tips");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tips", TestContext.Current.CancellationToken)).StatusCode);

        content.Add("brand-new", TempContent.Article("Brand new tip", "2026-11-24", "[core]"));

        var found = false;
        for (var i = 0; i < 100 && !found; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            found = (await client.GetStringAsync("/tips", TestContext.Current.CancellationToken)).Contains("Brand new tip", StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Brand new tip", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(found, "the cached tips index never showed the new article");
    }

    [Fact]
    public async Task Get_Health_Answers200()
    {
        var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
