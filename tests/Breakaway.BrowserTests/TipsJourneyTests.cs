using System.Net;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ReaderJourneys.Name)]
public sealed class TipsJourneyTests(AppServer server) : BrowserTest(server)
{
    public static TheoryData<string> Screens => new() { "phone", "desktop" };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Reader_GoesFromHomeToTipsToArticleToTagToSearch(string screen)
    {
        await OpenAsync(screen == "phone" ? Phone : Desktop);

        await Page.GotoAsync("/");
        Assert.Equal("Move with confidence again", await Page.Locator("h1").TextContentAsync());
        await CheckPageAsync($"home-{screen}");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Health tips", Exact = true }).ClickAsync();
        await ArrivedAtAsync(Page, "**/tips");
        Assert.True(await Page.Locator(".card-title").CountAsync() >= 5);
        await CheckPageAsync($"tips-{screen}");

        await Page.GetByRole(AriaRole.Link, new() { Name = "How your glutes protect your low back" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/tips/glutes-and-low-back-pain");
        Assert.Equal("How your glutes protect your low back", await Page.Locator("h1").TextContentAsync());
        Assert.True(await Page.Locator(".toc a").CountAsync() >= 3);
        await CheckPageAsync($"article-{screen}");

        await Page.Locator(".article-header .tag").First.ClickAsync();
        await ArrivedAtAsync(Page, "**/tips/tag/**");
        StringAssert(await Page.Locator("h1").TextContentAsync(), "Tips about");
        await CheckPageAsync($"tag-{screen}");

        await Page.GotoAsync("/tips");
        await Page.GetByLabel("Search the tips").FillAsync("pelvic floor");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/tips?q=*");
        StringAssert(await Page.Locator(".result-count").TextContentAsync(), "match");
        Assert.True(await Page.Locator(".card-title").CountAsync() >= 1);
        await CheckPageAsync($"search-{screen}");
    }

    [Theory]
    [InlineData("Your pelvic floor and everyday lifting", "pelvic-floor-and-everyday-lifting")]
    [InlineData("From the mat to real life: squats, step-ups and hip hinges", "squats-step-ups-and-hip-hinges")]
    public async Task Reader_OpensAnIllustratedArticle_OnAPhone_AndEveryPictureLoadsAtItsSize(string title, string slug)
    {
        await OpenAsync(Phone);
        await Page.GotoAsync("/tips");
        Assert.True(await Page.Locator(".card-picture").CountAsync() >= 2);

        await Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await ArrivedAtAsync(Page, $"**/tips/{slug}");
        var pictures = Page.Locator("main .article img");
        Assert.Equal(2, await pictures.CountAsync());
        for (var i = 0; i < await pictures.CountAsync(); i++)
        {
            // Body pictures load lazily: bring each into view, as a reader scrolling would. The wait polls a property
            // (a string predicate would need eval, which the site's CSP forbids).
            await pictures.Nth(i).ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(pictures.Nth(i)).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await pictures.Nth(i).EvaluateAsync<int>("i => i.naturalWidth") > 0, $"picture {i} did not load");
        }

        var boxes = await Page.EvaluateAsync<double[]>("[...document.querySelectorAll('main .article img')].map(i => i.getBoundingClientRect().width / i.getBoundingClientRect().height)");
        var ratios = await Page.EvaluateAsync<double[]>("[...document.querySelectorAll('main .article img')].map(i => i.width / i.height)");
        Assert.All(boxes.Zip(ratios), pair => Assert.InRange(pair.First, pair.Second * 0.98, pair.Second * 1.02));
        var scrollWidth = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Phone.Width, $"page is {scrollWidth}px wide on a {Phone.Width}px screen");
        await CheckPageAsync($"article-pictures-{slug}");
    }

    [Fact]
    public async Task Staff_SeeTheStateOfEveryContentFile_FromTheClinicPage()
    {
        await OpenAsync(Desktop);
        await SignInAsync(Page, "therapist@demo.test");
        await ArrivedAtAsync(Page, "**/admin");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Content files" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin/content");

        Assert.Equal("Content files", await Page.Locator("h1").TextContentAsync());
        var rows = Page.Locator("table.content-files tbody tr");
        Assert.True(await rows.CountAsync() >= 11, $"expected every committed file, found {await rows.CountAsync()} rows");
        Assert.Equal("Published", await rows.Filter(new() { HasText = "pelvic-floor-and-everyday-lifting.md" }).Locator(".badge").TextContentAsync());
        Assert.Equal("Picture", await rows.Filter(new() { HasText = "the-knack.svg" }).Locator(".badge").TextContentAsync());
        await CheckPageAsync("admin-content");
    }

    [Fact]
    public async Task Phone_ArticleFitsTheScreenWithoutSidewaysScrolling()
    {
        await OpenAsync(Phone);

        await Page.GotoAsync("/tips/glutes-and-low-back-pain");

        var scrollWidth = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Phone.Width, $"page is {scrollWidth}px wide on a {Phone.Width}px screen");
    }

    [Fact]
    public async Task SkipLink_MovesFocusToTheMainContent()
    {
        await OpenAsync(Desktop);
        await Page.GotoAsync("/tips");

        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await Page.EvaluateAsync<string>("document.activeElement.textContent"));
        await Page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await Page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Error404_IsTheSitePage()
    {
        await OpenAsync(Phone);

        var response = await Page.GotoAsync("/tips/no-such-tip");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await Page.Locator("h1").TextContentAsync());
        await CheckPageAsync("not-found");
    }

    [Theory]
    [InlineData("/tips/..%2f..%2fappsettings.json")]
    [InlineData("/tips/..%5cappsettings.json")]
    public async Task RealServer_MalformedSlug_Returns404(string path)
    {
        using var client = new HttpClient();

        var response = await client.GetAsync(Server.BaseUrl + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static void StringAssert(string? actual, string expected) =>
        Assert.Contains(expected, actual ?? string.Empty, StringComparison.Ordinal);
}
