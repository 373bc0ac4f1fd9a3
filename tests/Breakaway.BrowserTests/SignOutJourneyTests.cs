using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ReaderJourneys.Name)]
public sealed class SignOutJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Patient_OnAPhone_SignsOutFromTheHeader_AndNothingOfTheirsShowsAfterwards()
    {
        await OpenAsync(Phone);
        await SignInAsync(Page, "patient@demo.test");
        await ArrivedAtAsync(Page, "**/my");
        Assert.Equal("Hello, Demo Patient", await Page.Locator("h1").TextContentAsync());

        // The button in the page header, as a person presses it.
        await Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/account/sign-out");
        Assert.Contains("You are signed out", await Page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("signed-out");

        // The back button, then the address of their page: neither shows anything of theirs.
        await Page.GoBackAsync();
        var back = await Page.ContentAsync();
        Assert.DoesNotContain("Demo Patient", back, StringComparison.Ordinal);
        Assert.DoesNotContain("Glute bridge", back, StringComparison.Ordinal);

        await Page.GotoAsync("/my");
        Assert.Contains("/account/sign-in", Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Glute bridge", await Page.ContentAsync(), StringComparison.Ordinal);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "signed-out-back-to-my-390x844.png"), FullPage = true });
    }
}
