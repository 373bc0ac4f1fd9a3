using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>
/// The exercise drawings as people meet them: a visitor searching the library and reading the four glute exercises
/// of the first article (start, end, reduced motion and print, each kept as a screenshot of the drawing), the patient's
/// cards on /my, and a therapist drawing a new exercise in the editor with and without JavaScript.
/// </summary>
[Collection(ReaderJourneys.Name)]
public sealed class DrawingJourneyTests(AppServer server) : BrowserTest(server)
{
    private static readonly string[] GluteFour = ["glute-bridge", "locked-clamshell", "quadruped-fire-hydrant", "quadruped-donkey-kick"];

    [Fact]
    public async Task Visitor_SearchesKegel_AndSeesTheGluteDrawingsMoveHoldAndPrint()
    {
        await OpenAsync(Phone);
        await Page.GotoAsync("/exercises");
        await Page.GetByLabel("Search").FillAsync("kegel");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show exercises" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/exercises?q=kegel**");
        var names = await Page.Locator(".card-title").AllTextContentsAsync();
        Assert.Contains(names, n => n.Contains("long holds", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("quick squeezes", StringComparison.Ordinal));
        Assert.True(await Page.Locator(".card svg[role=img][aria-label]").CountAsync() == names.Count, "every card has a drawing with a text alternative");
        await CheckPageAsync("drawings-library-kegel");

        await Page.GetByLabel("Search").FillAsync("pelvic floor");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show exercises" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/exercises?q=pelvic+floor**");
        Assert.True(await Page.Locator(".card-title").CountAsync() >= 6);

        foreach (var slug in GluteFour)
        {
            await Page.GotoAsync($"/exercises/{slug}");
            var motion = Page.Locator("svg.drawing-motion");
            Assert.True(await motion.IsVisibleAsync());
            Assert.Contains(await Page.Locator(".exercise > p:not(.breadcrumb):not(.meta):not(.lead)").First.TextContentAsync() ?? "", await motion.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
            await CheckPageAsync($"drawings-{slug}");

            // The patient can stop the movement and start it again (WCAG 2.2.2).
            var toggle = Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Pause the movement") });
            if (slug == "glute-bridge")
            {
                // Scrolled off screen the drawing stops by itself, and moves again when it is back.
                await ScrollAsync("document.body.scrollHeight");
                await PausedAsync(motion, true);
                await ScrollAsync("0");
                await PausedAsync(motion, false);
            }

            await toggle.ClickAsync();
            Assert.True(await IsPausedAsync(motion));
            if (slug == "glute-bridge")
            {
                // One the patient stopped stays stopped when it scrolls back into view.
                await ScrollAsync("document.body.scrollHeight");
                await ScrollAsync("0");
                await Task.Delay(300, TestContext.Current.CancellationToken);
                Assert.True(await IsPausedAsync(motion), "the drawing moved again after scrolling back");
            }

            var play = Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Play the movement") });
            await Assertions.Expect(play).ToBeVisibleAsync();
            await play.ClickAsync();
            // Moving again (polled: the off-screen observer may be a frame behind).
            await PausedAsync(motion, false);
            await Assertions.Expect(toggle).ToBeVisibleAsync();

            // Start and end: stop the animation at the first second and at the end of the move.
            await motion.EvaluateAsync("svg => { svg.pauseAnimations(); svg.setCurrentTime(0.5); }");
            await motion.ScreenshotAsync(new() { Path = Shot($"{slug}-start") });
            var start = await TrunkBoxAsync(motion);
            var startFigure = await FigureAsync(motion);
            await motion.EvaluateAsync("svg => svg.setCurrentTime(2.4)");
            await motion.ScreenshotAsync(new() { Path = Shot($"{slug}-end") });
            var end = await TrunkBoxAsync(motion);
            Assert.NotEqual(startFigure, await FigureAsync(motion));
            if (slug == "glute-bridge")
            {
                // The hips go up: the trunk's box grows upward (smaller top in screen units) while the shoulders stay down.
                Assert.True(end[1] < start[1] - 10, $"trunk top {start[1]} -> {end[1]}");
            }

            await Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            Assert.False(await motion.IsVisibleAsync());
            Assert.False(await toggle.IsVisibleAsync());
            var still = Page.Locator("svg.drawing-still");
            Assert.True(await still.IsVisibleAsync());
            await still.ScreenshotAsync(new() { Path = Shot($"{slug}-reduced-motion") });

            await Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference, Media = Media.Print });
            Assert.True(await still.IsVisibleAsync());
            Assert.Equal("rgb(0, 0, 0)", await still.Locator(".dw-near").First.EvaluateAsync<string>("e => getComputedStyle(e).stroke"));
            await still.ScreenshotAsync(new() { Path = Shot($"{slug}-print") });
            await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        }

        await Page.GotoAsync("/tips/glutes-and-low-back-pain");
        Assert.True(await Page.Locator(".exercise-card svg.drawing-thumb[role=img]").CountAsync() >= 4);
        await CheckPageAsync("drawings-article-cards");
    }

    [Fact]
    public async Task Patient_SeesADrawingOnEveryCard_AndTherapistDrawsANewExercise()
    {
        await OpenAsync(Phone);
        await SignInAsync(Page, "patient@demo.test");
        await ArrivedAtAsync(Page, "**/my");
        var cards = Page.Locator("li.exercise-card");
        var count = await cards.CountAsync();
        Assert.True(count >= 5);
        for (var i = 0; i < count; i++)
        {
            var label = await cards.Nth(i).Locator("svg[role=img]").First.GetAttributeAsync("aria-label");
            Assert.StartsWith("Drawing of the ", label, StringComparison.Ordinal);
        }

        await CheckPageAsync("drawings-my-today");
        await Page.GotoAsync("/my/handout");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await Page.Locator(".handout-list svg.drawing-still, .handout-list svg.drawing").First.IsVisibleAsync());
        await Page.ScreenshotAsync(new() { Path = Shot("handout-print"), FullPage = true });
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A therapist, on a desktop, with the script: the preview follows a changed angle.
        await OpenAsync(Desktop);
        await SignInAsync(Page, "therapist@demo.test");
        await ArrivedAtAsync(Page, "**/admin");
        await Page.GotoAsync("/admin/exercises/new");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Wall sit");
        await Page.GetByLabel("First position: base pose").SelectOptionAsync("standing");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this position" }).ClickAsync();
        await LoadedAsync(Page);
        Assert.Equal("Wall sit", await Page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        Assert.True(await Page.Locator(".drawing-preview svg[role=img]").IsVisibleAsync());
        var before = await Page.Locator(".drawing-preview svg").InnerHTMLAsync();
        await Page.Locator("fieldset.drawing-position summary").First.ClickAsync();
        await Page.Locator("#pos0-RightKnee").FillAsync("90");
        await Assertions.Expect(Page.Locator(".drawing-preview svg")).Not.ToHaveJSPropertyAsync("innerHTML", before);
        await Page.Locator("#pos0-RightKnee").FillAsync("400");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview drawing" }).ClickAsync();
        await LoadedAsync(Page);
        await Assertions.Expect(Page.Locator(".field-error", new() { HasText = "Right leg, knee bend: use a number from 0 to 170 degrees." })).ToBeVisibleAsync();
        await CheckPageAsync("drawings-editor");
    }

    [Fact]
    public async Task Therapist_WithoutJavaScript_PreviewsADrawingWithTheButton()
    {
        var context = await Server.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "therapist@demo.test");
        await ArrivedAtAsync(page, "**/admin");
        await page.GotoAsync("/admin/exercises/new");
        await page.GetByLabel("First position: base pose").SelectOptionAsync("side-lying");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this position" }).ClickAsync();
        await page.GetByLabel("Next position: base pose").SelectOptionAsync("side-lying");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this position" }).ClickAsync();
        await page.Locator("fieldset.drawing-position summary").Nth(1).ClickAsync();
        await page.Locator("#pos1-LeftHipAbduct").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview drawing" }).ClickAsync();

        var still = page.Locator(".drawing-preview svg.drawing-motion");
        Assert.Equal(2, await page.Locator("fieldset.drawing-position").CountAsync());
        Assert.Equal("30", await page.Locator("#pos1-LeftHipAbduct").InputValueAsync());
        Assert.True(await still.CountAsync() == 1);
        await page.ScreenshotAsync(new() { Path = Shot("editor-no-script"), FullPage = true });
        await context.DisposeAsync();
    }

    /// <summary>Scrolls the page and waits two frames, so the intersection observer has seen the new position.</summary>
    private async Task ScrollAsync(string top)
    {
        await Page.EvaluateAsync($"() => window.scrollTo(0, {top})");
        await Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    private static Task<bool> IsPausedAsync(ILocator motion) => motion.EvaluateAsync<bool>("svg => svg.animationsPaused()");

    /// <summary>Waits (up to 5 s) until the drawing's animations are paused or running, as asked.</summary>
    private static async Task PausedAsync(ILocator motion, bool paused)
    {
        for (var tries = 0; await IsPausedAsync(motion) != paused; tries++)
        {
            Assert.True(tries < 50, paused ? "the drawing kept moving off screen" : "the drawing did not move again on screen");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppServer.ScreenshotFolder, "drawings");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }

    private static Task<string> FigureAsync(ILocator svg) =>
        svg.EvaluateAsync<string>("s => [...s.querySelectorAll('.dw-limb')].map(p => { const b = p.getBBox(); return [b.x, b.y, b.width, b.height].map(Math.round).join(','); }).join(';')");

    private static async Task<double[]> TrunkBoxAsync(ILocator svg) =>
        await svg.Locator(".dw-body").First.EvaluateAsync<double[]>("p => { const b = p.getBBox(); return [b.x, b.y, b.width, b.height]; }");
}
