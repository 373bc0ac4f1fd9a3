using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ClinicJourneys.Name)]
public sealed class DashboardJourneyTests(AppServer server) : BrowserTest(server)
{
    private async Task<IPage> SignInAsync(ViewportSize viewport, string login)
    {
        var context = await Server.NewContextAsync(new() { ViewportSize = viewport });
        var page = await context.NewPageAsync();
        await SignInAsync(page, login);
        return page;
    }

    [Fact]
    public async Task NewRedFlag_IsFirstOnTheDashboard_AndTheTherapistAcknowledgesIt()
    {
        // The demo patient reports numbness with today's session, on their phone.
        var patient = await SignInAsync(Phone, "patient@demo.test");
        await ArrivedAtAsync(patient, "**/my");
        // The short log: one pain answer for the whole session.
        await patient.Locator("label.choice-button", new() { HasText = "3" }).First.ClickAsync();

        await patient.GetByLabel("Numbness or tingling").CheckAsync();
        await SaveSessionAsync(patient);
        await patient.Context.DisposeAsync();

        // The therapist's next page load shows them first.
        await OpenAsync(Desktop);
        await SignInAsync(Page, "therapist@demo.test");
        await ArrivedAtAsync(Page, "**/admin");

        var first = Page.Locator("table.dashboard tbody tr").First;
        Assert.Equal("Demo Patient", await first.Locator("a").TextContentAsync());
        Assert.Contains("Red flag", await first.TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("admin-dashboard");

        await first.Locator("a").ClickAsync();
        await ArrivedAtAsync(Page, "**/admin/patients/*");
        Assert.Contains("numbness or tingling", await Page.Locator(".flag-open").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("admin-patient-flag");

        await Page.GetByLabel("Called the patient").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge red flag" }).ClickAsync();
        await Page.Locator(".notice-ok", new() { HasText = "Red flag acknowledged" }).WaitForAsync();
        Assert.Contains("Acknowledged by Demo Therapist", await Page.Locator(".flag-done").First.TextContentAsync(), StringComparison.Ordinal);

        await Page.GotoAsync("/admin");
        Assert.NotEqual("Demo Patient", await Page.Locator("table.dashboard tbody tr a").First.TextContentAsync());
    }

    [Fact]
    public async Task DashboardSaysWhy_SeenTodayClearsAnItem_AndThe60DayPatientPageFitsFourScreens()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await OpenAsync(new ViewportSize { Width = 1280, Height = 900 });
        await SignInAsync(Page, "therapist@demo.test");
        await ArrivedAtAsync(Page, "**/admin");

        // The demo therapist's own caseload first; the red-flagged history patient's row says why, in words.
        Assert.StartsWith("My patients", await Page.Locator(".caseload-switch [aria-current=page]").TextContentAsync(), StringComparison.Ordinal);
        var flagged = Page.Locator("table.dashboard tbody tr", new() { HasText = "Ada Example" });
        var reason = await flagged.Locator(".attention-reason").TextContentAsync();
        Assert.Matches("^pain spreading down a leg, (.+ ago|yesterday|just now)$", reason);
        Assert.Equal("Adherence, 14 days", await Page.Locator("table.dashboard thead th").Nth(2).TextContentAsync());
        var figure = await flagged.Locator(".adherence-figure").TextContentAsync();
        await CheckPageAsync("admin-dashboard-reasons");

        // "Seen today" on an item that is not a red flag: it sorts with those on track, marked as seen.
        var item = Page.Locator("table.dashboard tbody tr", new() { Has = Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Seen today") }) }).First;
        var name = await item.Locator("td a").First.TextContentAsync();
        await item.GetByRole(AriaRole.Button, new() { NameRegex = new("^Seen today") }).ClickAsync();
        var seenRow = Page.Locator("table.dashboard tbody tr", new() { HasText = name! });
        await seenRow.Locator(".seen-note").WaitForAsync();
        // The seen row is still a row of the table: its class once shared a name with the note's display: block, and
        // the whole row collapsed into a narrow column of text beside the table.
        Assert.Equal("table-row", await seenRow.EvaluateAsync<string>("row => getComputedStyle(row).display"));
        Assert.Equal(0, await flagged.GetByRole(AriaRole.Button, new() { NameRegex = new("^Seen today") }).CountAsync());

        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Everyone") }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin?who=everyone");
        Assert.StartsWith("Everyone", await Page.Locator(".caseload-switch [aria-current=page]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Demo Admin", await Page.Locator("table.dashboard tbody").TextContentAsync(), StringComparison.Ordinal);

        // The patient page of a patient with 60 days of history opens on the latest month with sessions: one row for
        // each of that month's sessions (early in a month that is only a few).
        await flagged.GetByRole(AriaRole.Link, new() { Name = "Ada Example" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin/patients/*");
        await LoadedAsync(Page);
        Assert.Equal(figure, await Page.Locator(".patient-summary .adherence-figure").TextContentAsync());
        var patientId = int.Parse(new Uri(Page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        var latest = await Server.QueryAsync(db => db.SessionLogs.Where(s => s.PatientId == patientId).MaxAsync(s => s.Date));
        var monthStart = new DateOnly(latest.Year, latest.Month, 1);
        Assert.Equal($"Sessions, {monthStart.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", await Page.Locator("#sessions").TextContentAsync());
        Assert.Equal(
            await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.PatientId == patientId && s.Date >= monthStart && s.Date <= latest)),
            await Page.Locator(".session-list > li").CountAsync());

        // The pain chart's toggle works without script: unticking an exercise hides its line.
        var firstLine = Page.Locator("svg .series-0").First;
        Assert.True(await firstLine.IsVisibleAsync());
        await Page.Locator("#pain-series-0").UncheckAsync();
        Assert.False(await firstLine.IsVisibleAsync());

        // The month before is a whole month of the history: at most four 900 px screens before anything is opened.
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Earlier: ") }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin/patients/*?month=*");
        await LoadedAsync(Page);
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        TestContext.Current.TestOutputHelper?.WriteLine($"Patient page with a whole month of a 60-day history: {height} px tall at 1280x900.");
        await CheckPageAsync("admin-patient-60-days");
        Assert.True(height <= 3600, $"the patient page is {height} px tall, more than four 900 px screens");
        Assert.True(await Page.Locator(".session-list > li").CountAsync() >= 15, "a month of sessions, one row each");
        await Page.Locator(".session-list details").First.Locator("summary").ClickAsync();
        Assert.True(await Page.Locator(".session-list details[open] table").IsVisibleAsync());
        TestContext.Current.TestOutputHelper?.WriteLine($"Journey took {started.Elapsed.TotalSeconds:0.0} s.");
    }
}
