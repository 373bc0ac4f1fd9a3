using System.Net;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

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
