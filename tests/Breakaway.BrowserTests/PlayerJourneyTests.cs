using Breakaway.Web.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>
/// The guided session on a 390x844 phone, its timers driven by Playwright's fake clock: the demo patient's whole
/// program, a stop cue, a reload in the middle of exercise 3, the browser's back button, double taps, the network
/// dropped before saving, and the short form without JavaScript.
/// </summary>
[Collection(ClinicJourneys.Name)]
public sealed class PlayerJourneyTests(AppServer server) : BrowserTest(server)
{
    private const string Patient = "patient@demo.test";

    // The demo program, in order (the starter template): its names and prescribed sets and reps.
    private static readonly (string Name, int Sets, int Reps)[] Program =
    [
        ("Pelvic tilt", 1, 10), ("Glute bridge", 2, 10), ("Locked clamshell", 2, 15), ("Quadruped fire hydrant", 2, 12), ("Quadruped donkey kick", 2, 12),
    ];

    private int _taps;

    [Fact]
    public async Task Player_WholeProgram_StopCueOnExercise3_ReloadAndSignInResume_SavedOnce()
    {
        await OpenAsync(Phone);
        await Page.Clock.InstallAsync();
        await SignInAsync(Page, Patient);
        await ArrivedAtAsync(Page, "**/my");
        var before = await SessionCountAsync();

        await TapAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Start today's session" }));
        await ArrivedAtAsync(Page, "**/my/play");
        await PauseClockAsync();
        var key = await Page.Locator("[data-key]").InputValueAsync();
        await ExpectExerciseAsync(0);
        await CheckPlayerAsync("player-exercise");
        await LooksRightOnAPhoneAsync();

        // A double tap on Start starts the count; its second tap does not pause it.
        await Screen().GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).DblClickAsync();
        _taps += 2;
        await Page.Clock.RunForAsync(4_000);
        await Assertions.Expect(Screen().Locator("[data-phase]")).ToHaveTextAsync("Hold");
        await Assertions.Expect(Screen().Locator("[data-where]")).ToHaveTextAsync("Rep 1 of 10 · set 1 of 1");
        await Assertions.Expect(Screen().GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        // The count and the Pause button are on the first screen: nobody scrolls with the phone on the floor.
        var pause = await Screen().GetByRole(AriaRole.Button, new() { Name = "Pause" }).BoundingBoxAsync();
        Assert.True(pause!.Y >= 0 && pause.Y + pause.Height <= Phone.Height, $"Pause is at {pause.Y} px");
        await CheckPlayerAsync("player-hold");
        await Page.Clock.RunForAsync(600_000);

        // Exercise 2 to its rest between sets, then the browser's back button and "Start today's session" again:
        // the player comes back to the same exercise.
        await ExpectExerciseAsync(1);
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Start glute bridge" }));
        await Page.Clock.RunForAsync(3_000 + (10 * 5_000) + (9 * 3_000) + 1_000);
        await Assertions.Expect(Screen().Locator("[data-phase]")).ToHaveTextAsync("Rest");
        await CheckPlayerAsync("player-rest");
        await Page.Clock.RunForAsync(600_000);
        await ExpectExerciseAsync(2);
        await Page.GoBackAsync();
        await ArrivedAtAsync(Page, "**/my");
        await TapAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Start today's session" }));
        await ArrivedAtAsync(Page, "**/my/play");
        await PauseClockAsync();
        await ExpectExerciseAsync(2);

        // Exercise 3: two reps, a reload, the player resumes there, paused; two... five reps in all, then a stop cue.
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Start locked clamshell" }));
        await Page.Clock.RunForAsync(3_000 + (2 * 3_000));
        await Page.ReloadAsync();
        await LoadedAsync(Page);
        await PauseClockAsync();
        await ExpectExerciseAsync(2);
        await Assertions.Expect(Screen().Locator("[data-phase]")).ToHaveTextAsync("Paused");
        await Assertions.Expect(Screen().Locator("[data-where]")).ToHaveTextAsync("Rep 3 of 15 · set 1 of 2 · right side");
        await CheckPlayerAsync("player-resumed");

        // Signed out while exercising (what the idle limit does): the next page asks to sign in, and signing in comes
        // back to the player, paused where the patient was.
        await Page.Context.ClearCookiesAsync();
        await Page.ReloadAsync();
        await ArrivedAtAsync(Page, "**/account/sign-in?*");
        await Page.GetByLabel("Sign-in name or e-mail").FillAsync(Patient);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/my/play");
        await LoadedAsync(Page);
        await PauseClockAsync();
        await ExpectExerciseAsync(2);
        await Assertions.Expect(Screen().Locator("[data-where]")).ToHaveTextAsync("Rep 3 of 15 · set 1 of 2 · right side");
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Carry on" }));
        await Page.Clock.RunForAsync(3 * 3_000);
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Stop: something is wrong" }));
        await Assertions.Expect(Screen().GetByRole(AriaRole.Heading, new() { Name = "Why did you stop?" })).ToBeFocusedAsync();
        await CheckPlayerAsync("player-stop");
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "You do not feel it in your buttock" }));

        // Exercises 4 and 5: a hydrant done my own way (1 set of 8), a donkey kick counted to the end.
        await ExpectExerciseAsync(3);
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "I did it my own way" }));
        await CheckPlayerAsync("player-own-way");
        await Screen().GetByLabel("Sets done").FillAsync("1");
        await Screen().GetByLabel("Reps in each set").FillAsync("8");
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Done, next exercise" }));
        await ExpectExerciseAsync(4);
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Start quadruped donkey kick" }));
        await Page.Clock.RunForAsync(600_000);

        // The end: one screen; what the player counted, then pain, and a double tap on Save.
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "How did it go?" })).ToBeFocusedAsync();
        var counted = await CountedAsync();
        Assert.Equal([(1, 10), (2, 10), (1, 5), (1, 8), (2, 12)], counted);
        await CheckPlayerAsync("player-end");
        await LooksRightOnAPhoneAsync();
        await TapAsync(Page.Locator("label.choice-button", new() { HasText = "2" }).First);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).DblClickAsync();
        _taps += 2;
        await ArrivedAtAsync(Page, "**/my/sessions/*");
        Assert.Equal("Session saved. Well done!", await Page.Locator("h1").TextContentAsync());
        Console.WriteLine($"Player with a stop cue, a reload, the back button, one exercise my own way and two double taps: {_taps} taps from /my to saved.");

        var logs = await StoredOnceAsync(key);
        Assert.Equal(before + 1, await SessionCountAsync());
        Assert.Equal(counted, logs.Select(l => (l.SetsCompleted, l.RepsPerSet)).ToList());
        Assert.Equal("You do not feel it in your buttock. Ask your physical therapist before going on.", logs[2].StopCueText);
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('breakaway.session.')).length"));

        // A stop cue that means pain goes straight to the stop-and-call guidance with the clinic's number.
        await Page.GotoAsync("/my/play");
        await PauseClockAsync();
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "Stop: something is wrong" }));
        await TapAsync(Screen().GetByRole(AriaRole.Button, new() { Name = "The movement causes pain in your back." }));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Please stop these exercises and call the clinic" })).ToBeFocusedAsync();
        Assert.True(await Page.Locator("[data-alarm] a[href^='tel:']").IsVisibleAsync());
        await CheckPlayerAsync("player-alarm");
    }

    [Fact]
    public async Task Player_NoChanges_NetworkDroppedBeforeSaving_SentWhenBack_StoredOnce()
    {
        await OpenAsync(Phone);
        await Page.Clock.InstallAsync();
        await SignInAsync(Page, Patient);
        await ArrivedAtAsync(Page, "**/my");
        var before = await SessionCountAsync();

        await TapAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Start today's session" }));
        await ArrivedAtAsync(Page, "**/my/play");
        await PauseClockAsync();
        var key = await Page.Locator("[data-key]").InputValueAsync();
        for (var i = 0; i < Program.Length; i++)
        {
            await ExpectExerciseAsync(i);
            await TapAsync(Screen().Locator("[data-action=start]"));
            await Page.Clock.RunForAsync(600_000);
        }

        await TapAsync(Page.Locator("label.choice-button", new() { HasText = "1" }).First);
        await Page.Context.SetOfflineAsync(true);
        await TapAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }));
        await Assertions.Expect(Page.Locator("[data-status]")).ToContainTextAsync("Saved on this phone");
        await AxeAndScreenshotAsync("player-unsent");
        Assert.Equal(before, await SessionCountAsync());

        await Page.Context.SetOfflineAsync(false);
        await ArrivedAtAsync(Page, "**/my/sessions/*");
        Assert.Equal("Session saved. Well done!", await Page.Locator("h1").TextContentAsync());
        Console.WriteLine($"Player, a session with no changes: {_taps} taps from /my to saved (target: at most 8).");
        Assert.True(_taps <= 8, $"{_taps} taps");

        var logs = await StoredOnceAsync(key);
        Assert.Equal(before + 1, await SessionCountAsync());
        Assert.Equal(Program.Select(p => (p.Sets, p.Reps)).ToList(), logs.Select(l => (l.SetsCompleted, l.RepsPerSet)).ToList());
    }

    [Fact]
    public async Task WithoutJavaScript_TheShortFormNeedsOneAnswer_OnTodayAndInThePlayer()
    {
        Page = await (await Server.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone, JavaScriptEnabled = false })).NewPageAsync();
        await SignInAsync(Page, Patient);
        await ArrivedAtAsync(Page, "**/my");
        var before = await SessionCountAsync();

        // The buttons only scripts can drive (hold timers, pausing a drawing, adding to the home screen) stay hidden.
        var shown = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('button[hidden]')].filter(b => getComputedStyle(b).display !== 'none').map(b => b.textContent.trim())");
        Assert.True(shown.Length == 0, $"shown without scripts: {string.Join(", ", shown)}");

        // Saving straight away lists what is required: one answer, the pain during the session.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        var required = await Page.Locator(".error-summary li").CountAsync();
        var question = Page.Locator("#another-today");
        Assert.Equal(1, required);
        Assert.Contains("pain you felt during the session", await Page.Locator(".error-summary").TextContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("my-today-short-form-error"); // axe needs scripts; with them the page is checked in the journeys above.

        // The Save button stays in reach at the bottom of the screen while the cards scroll past.
        await Page.Locator(".exercise-card").Nth(2).ScrollIntoViewIfNeededAsync();
        var save = await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).BoundingBoxAsync();
        Assert.True(save!.Y >= 0 && save.Y + save.Height <= Phone.Height, $"Save is at {save.Y} px");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "my-today-save-bar-390x844.png") });

        var answers = 1;
        await Page.Locator("label.choice-button", new() { HasText = "3" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        await question.Or(Page.Locator("main .logged-list")).First.WaitForAsync();
        if (await question.IsVisibleAsync())
        {
            answers++; // "You logged a session today already: add another?"
            await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, add another session today" }).ClickAsync();
        }

        await ArrivedAtAsync(Page, "**/my/sessions/*");
        Assert.Contains("3 out of 10", await Page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Console.WriteLine($"Without JavaScript on /my: {answers} required answers.");
        Assert.True(answers <= 3);

        // The player's page without JavaScript is the same short form: the exercises, then one pain answer and Save.
        await Page.GotoAsync("/my/play");
        await ScreenshotAsync("player-no-javascript");
        await Page.Locator("label.choice-button", new() { HasText = "0" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/my/sessions/*");
        Assert.Equal(before + 2, await SessionCountAsync());
        var stored = await Server.QueryAsync(db => db.SessionLogs.Where(s => s.Patient.User.UserName == Patient).OrderByDescending(s => s.Id)
            .Select(s => new { s.Pain, Sets = s.Exercises.OrderBy(e => e.Id).Select(e => e.SetsCompleted).ToList() }).FirstAsync());
        Assert.Equal(0, stored.Pain);
        Assert.Equal(Program.Select(p => p.Sets), stored.Sets);
        await Page.Context.DisposeAsync();
    }

    private ILocator Screen() => Page.Locator("[data-exercise]:visible");

    private async Task TapAsync(ILocator target)
    {
        await target.ClickAsync();
        _taps++;
    }

    private async Task ExpectExerciseAsync(int index)
    {
        await Assertions.Expect(Screen().Locator("h2")).ToHaveTextAsync(Program[index].Name);
        await Assertions.Expect(Screen().Locator(".player-step")).ToHaveTextAsync($"Exercise {index + 1} of {Program.Length}");
        // Each screen shows the exercise's drawing, named by its starting position, as today's cards do.
        await Assertions.Expect(Screen().Locator(".exercise-visual svg[role=img]").First).ToBeVisibleAsync();
        Assert.StartsWith($"Drawing of the {Program[index].Name.ToLowerInvariant()}", await Screen().Locator(".exercise-visual svg[role=img]").First.GetAttributeAsync("aria-label") ?? "");
    }

    /// <summary>
    /// axe, the HTML and a screenshot of the player's current screen. axe waits on timers of its own, so the page's clock
    /// runs for the check; every screen checked mid-count is paused or needs no exact count afterwards.
    /// </summary>
    private async Task CheckPlayerAsync(string name)
    {
        await Page.Clock.ResumeAsync();
        await CheckPageAsync(name);
        await PauseClockAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} is wider than the phone");
    }

    /// <summary>axe and a screenshot of a state that exists only offline (CheckPageAsync fetches the page again).</summary>
    private async Task AxeAndScreenshotAsync(string name)
    {
        await Page.Clock.ResumeAsync();
        var results = await Page.RunAxe();
        Assert.True(results.Violations.Length == 0, $"axe found violations on {name}: {string.Join(", ", results.Violations.Select(v => v.Id))}");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, $"{name}-390x844.png"), FullPage = true });
    }

    private async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, $"{name}-390x844.png"), FullPage = true });

    /// <summary>Every visible button in the player, the pain and difficulty choices too, is at least 48 px tall and wide.</summary>
    private async Task LooksRightOnAPhoneAsync()
    {
        var heights = await Page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('[data-player] .button, [data-player] .choice-button > span')].filter(e => e.offsetParent !== null).map(e => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height))");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h >= 48, $"a button {h} px tall or wide"));
    }

    private async Task<List<(int Sets, int Reps)>> CountedAsync()
    {
        var items = Page.Locator("[data-summary-item]");
        var result = new List<(int, int)>();
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            result.Add((int.Parse(await items.Nth(i).GetAttributeAsync("data-sets") ?? "-1", System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(await items.Nth(i).GetAttributeAsync("data-reps") ?? "-1", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private Task<int> SessionCountAsync() =>
        Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.Patient.User.UserName == Patient));

    /// <summary>The session with the page's idempotency key exists exactly once; its exercise logs in program order.</summary>
    private async Task<List<ExerciseLog>> StoredOnceAsync(string key)
    {
        var id = Guid.Parse(key);
        Assert.Equal(1, await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.IdempotencyKey == id)));
        return await Server.QueryAsync(db => db.ExerciseLogs.Where(l => l.SessionLog.IdempotencyKey == id)
            .Join(db.ProgramExercises, l => l.ProgramExerciseId, p => p.Id, (l, p) => new { l, p.Order })
            .OrderBy(x => x.Order).Select(x => x.l).ToListAsync());
    }
}
