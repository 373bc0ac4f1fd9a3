using Breakaway.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>Opens pages at a given screen size, scans each with axe and keeps a screenshot of it.</summary>
public abstract class BrowserTest(AppServer server) : IAsyncLifetime
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private IBrowserContext? _context;

    protected AppServer Server => server;

    protected IPage Page { get; set; } = null!;

    protected async Task OpenAsync(ViewportSize viewport)
    {
        _context = await server.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport });
        Page = await _context.NewPageAsync();
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="glob"/> (<c>**</c> any text, <c>*</c> any text
    /// without "/"), by polling the address. Not <c>WaitForURLAsync</c>: when the address already matches, Playwright
    /// .NET looks whether "load" has fired and only then subscribes to the event (<c>Frame.WaitForLoadStateAsync</c>),
    /// so a "load" that arrives between the two is missed and the wait runs out after 60 s with only "NetworkIdle" in
    /// its log. That is what timed out 2 of 17 journeys in one CI run on this 2-core machine. What a test reads next is
    /// found through locators, which wait for their element anyway.
    /// </summary>
    protected static Task ArrivedAtAsync(IPage page, string glob) => ArrivedAtAsync(page, GlobPattern(glob));

    /// <inheritdoc cref="ArrivedAtAsync(IPage, string)"/>
    protected static Task ArrivedAtAsync(IPage page, Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = 30_000 });

    private static Regex GlobPattern(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    /// <summary>Every demo account's password (AppServer seeds them).</summary>
    protected const string DemoPassword = "breakaway-demo-2026";

    /// <summary>Signs in through the real form, as a person types it.</summary>
    protected static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Sign-in name or e-mail").FillAsync(login);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Presses "Save today's session" and waits for the saved session. Tests share one site, so the patient may have
    /// logged a session today already; then the page asks first and this answers "yes, add another".
    /// </summary>
    protected static async Task SaveSessionAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        // Either the saved session (its list of exercises) or the question; the page before has neither.
        var question = page.Locator("#another-today");
        await question.Or(page.Locator("main .logged-list")).First.WaitForAsync();
        if (await question.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, add another session today" }).ClickAsync();
        }

        await ArrivedAtAsync(page, "**/my/sessions/*");
    }

    /// <summary>
    /// Polls the document's own state rather than waiting for Playwright's "load" event (see <see cref="ArrivedAtAsync(IPage, string)"/>).
    /// Not <c>WaitForFunctionAsync</c>: its polling evaluates the predicate as a string inside the page, which the
    /// site's CSP (no 'unsafe-eval') refuses.
    /// </summary>
    protected static async Task LoadedAsync(IPage page)
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                if (await page.EvaluateAsync<string>("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal) && tries < 300)
            {
                // A navigation replaced the document between two looks; look at the new one.
            }

            Assert.True(tries < 300, $"{page.Url} did not finish loading in 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the page's (installed) fake clock where it is: from then on only RunForAsync moves its timers. The clock
    /// runs on between reading it and pausing it; on a busy machine that can be more than the margin, which Playwright
    /// refuses ("Cannot fast-forward to the past"), so it reads again with a wider margin.
    /// </summary>
    protected async Task PauseClockAsync()
    {
        foreach (var margin in new[] { 100, 500, 2_000 })
        {
            var now = await Page.EvaluateAsync<double>("() => Date.now()");
            try
            {
                await Page.Clock.PauseAtAsync(DateTime.UnixEpoch.AddMilliseconds(now + margin));
                return;
            }
            catch (PlaywrightException e) when (e.Message.Contains("fast-forward to the past", StringComparison.Ordinal) && margin < 2_000)
            {
                // Read the clock again.
            }
        }
    }

    /// <summary>
    /// Asserts zero axe violations (WCAG 2.x A and AA rules and best practices) and saves the page's HTML and a
    /// full-page screenshot. On the suite's PostgreSQL pass only the load is awaited: the markup does not depend on
    /// the database provider, the SQLite pass has already scanned the same pages from the same seed, and the scans
    /// were most of the browser suite's time (86 scans of 1 to 6 s each on this 2-core machine).
    /// </summary>
    protected async Task CheckPageAsync(string name)
    {
        await LoadedAsync(Page);
        if (TestDatabase.SuiteUsesPostgres)
        {
            return;
        }

        // Only the violations come back: the passes' node lists, serialised across the protocol, cost a fifth of a scan.
        // Legacy mode runs axe in the page itself. The default mode finishes every scan in a new blank page (a new
        // context and renderer process), which keeps results apart from frames of other origins; the site's pages have
        // no frames, and in legacy mode the suite's 94 scans take 45 s instead of 160 (the suite's CPU time: 246 s instead of 306).
#pragma warning disable CS0618 // Deque marks legacy mode as "may be removed"; the package version is pinned.
        var results = await Page.RunAxeLegacy(options: new AxeRunOptions { ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
        var violations = string.Join(Environment.NewLine, results.Violations.Select(Describe));
        Assert.True(results.Violations.Length == 0, $"axe found violations on {Page.Url}:{Environment.NewLine}{violations}");

        // The HTML is kept for the W3C Nu checker, which .ci/run runs over artifacts/html.
        // The served bytes (not the live DOM) are saved, fetched with the page's own cookies.
        var source = await Page.Context.APIRequest.GetAsync(Page.Url);
        await File.WriteAllTextAsync(Path.Combine(AppServer.HtmlFolder, $"{name}.html"), await source.TextAsync());

        var size = Page.ViewportSize!;
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppServer.ScreenshotFolder, $"{name}-{size.Width}x{size.Height}.png"),
            FullPage = true,
        });
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
