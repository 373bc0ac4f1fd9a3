using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ClinicJourneys.Name)]
public sealed class PatientJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Patient_OnAPhone_SeesToday_LogsASessionWithAStopCue_AndSeesProgress()
    {
        await OpenAsync(Phone);
        await SignInAsync(Page, "patient@demo.test");
        await ArrivedAtAsync(Page, "**/my");

        Assert.True(await Page.Locator(".exercise-card").CountAsync() >= 5);
        Assert.True(await Page.Locator(".exercise-card .stop-box").First.IsVisibleAsync());
        await CheckPageAsync("my-today");

        // The hold timer appears because scripts run, and counts.
        var timer = Page.Locator("button[data-hold='5']");
        await timer.ClickAsync();
        await Assertions.Expect(Page.Locator("[data-hold-output]").Nth(1)).ToContainTextAsync("Hold");

        // One pain answer for the session; the clamshell's own details are folded under its card.
        var cards = Page.Locator(".exercise-card");
        await Page.Locator("label.choice-button", new() { HasText = "1" }).First.ClickAsync();
        var clamshell = cards.Nth(2);
        await clamshell.GetByText("Change what you did, or tell us about this exercise").ClickAsync();
        await clamshell.GetByLabel("Sets done").FillAsync("1");
        await clamshell.GetByLabel("I stopped because...").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await clamshell.GetByLabel("Too hard").CheckAsync();
        await clamshell.GetByLabel("Note for your therapist (optional)").FillAsync("Could not feel it in my buttock.");
        await SaveSessionAsync(Page);

        Assert.Equal("Session saved. Well done!", await Page.Locator("h1").TextContentAsync());
        Assert.Contains("Could not feel it in my buttock.", await Page.Locator(".logged-list").TextContentAsync(), StringComparison.Ordinal);
        // On a 390 px phone: nothing wider than the screen, and the secondary and danger buttons are outlined, not
        // filled like the main action (a "button.button" rule used to win over .button-secondary).
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal("rgb(255, 255, 255)", await Page.Locator("a.button-secondary", new() { HasText = "Change this session" }).EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await Page.Locator("button.button-secondary", new() { HasText = "Add note" }).EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(161, 38, 13)", await Page.Locator("a.button-danger").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await CheckPageAsync("my-session");

        // Deleting asks first, on a page of its own.
        await Page.Locator("a.button-danger").ClickAsync();
        Assert.Equal("Delete this session?", await Page.Locator("h1").TextContentAsync());
        await CheckPageAsync("my-session-delete");
        await Page.GetByRole(AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();
        Assert.Equal("Session saved. Well done!", await Page.Locator("h1").TextContentAsync());

        await Page.GotoAsync("/my/progress");
        Assert.Contains("1 of", await Page.Locator(".big-number").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await Page.Locator("td.day-done").CountAsync() >= 1);
        Assert.True(await Page.Locator("section[aria-labelledby=pain-title] svg[role=img]").CountAsync() >= 1);
        await CheckPageAsync("my-progress");

        await Page.GotoAsync("/my/handout");
        // The tick grid stacks on a phone: each exercise name gets the full width instead of wrapping letter by letter.
        Assert.True(await Page.Locator(".log-grid th[scope=row]").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width") > 250);
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await CheckPageAsync("my-handout");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "my-handout-print.png"), FullPage = true });
        Assert.False(await Page.Locator(".site-header nav").IsVisibleAsync());
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Page.GotoAsync("/my/help");
        await CheckPageAsync("my-help");
        await Page.GotoAsync("/my/calendar");
        await CheckPageAsync("my-calendar");
    }

    [Fact]
    public async Task Patient_RedFlagAnswer_ShowsStopAndCall()
    {
        await OpenAsync(Phone);
        await SignInAsync(Page, "patient2@demo.test");
        await ArrivedAtAsync(Page, "**/my");

        // Saving without the pain answers: the error summary comes first, takes focus, and its links reach the fields.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        Assert.StartsWith("Error: ", await Page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("There is a problem", await Page.Locator(".error-summary h2").TextContentAsync());
        await CheckPageAsync("my-today-error");
        await Page.Locator(".error-summary a").First.ClickAsync();
        await Assertions.Expect(Page.Locator("#Input_Pain")).ToBeFocusedAsync();

        await Page.Locator("label.choice-button", new() { HasText = "2" }).First.ClickAsync();
        await Page.GetByLabel("Numbness or tingling").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/my/sessions/*");

        Assert.Equal("Please stop these exercises and call the clinic", await Page.Locator(".alarm h1").TextContentAsync());
        Assert.True(await Page.Locator(".alarm a[href^='tel:']").IsVisibleAsync());
        await CheckPageAsync("my-session-red-flag");
    }
}
