using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ReaderJourneys.Name)]
public sealed class ExerciseJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Reader_GoesFromTheFirstArticleToAnExercise_OnAPhone()
    {
        await OpenAsync(Phone);

        await Page.GotoAsync("/tips/glutes-and-low-back-pain");
        Assert.Equal(4, await Page.Locator(".exercise-card").CountAsync());

        await Page.Locator(".exercise-card").First.GetByRole(AriaRole.Link, new() { Name = "Glute bridge", Exact = true }).ClickAsync();
        await ArrivedAtAsync(Page, "**/exercises/glute-bridge");

        Assert.Equal("2 sets of 10, hold 5 seconds at the top", await Page.Locator(".dose-box .dose").TextContentAsync());
        Assert.Equal(3, await Page.Locator(".stop-box li").CountAsync());
        await CheckPageAsync("exercise-glute-bridge");
    }

    [Fact]
    public async Task Library_FiltersWithoutJavaScript()
    {
        await using var context = await Server.NewContextAsync(new() { ViewportSize = Desktop, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/exercises");
        await page.GetByLabel("Type of exercise").SelectOptionAsync("warm-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show exercises" }).ClickAsync();
        await ArrivedAtAsync(page, "**/exercises?*category=warm-up*");

        Assert.Equal(2, await page.Locator(".card-title").CountAsync());
    }

    [Fact]
    public async Task Library_PassesAxe()
    {
        await OpenAsync(Phone);

        await Page.GotoAsync("/exercises");

        await CheckPageAsync("exercises");
    }
}
