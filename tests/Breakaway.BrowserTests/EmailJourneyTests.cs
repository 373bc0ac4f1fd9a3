using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ReaderJourneys.Name)]
public sealed class EmailJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Patient_AsksForAPasswordLink_AndSetsReminders_OnAPhone_ThenAnAdminReadsTheOutbox()
    {
        // A patient who forgot the password, on a phone.
        await OpenAsync(Phone);
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/account/forgot-password");
        await CheckPageAsync("forgot-password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".field-error")).ToContainTextAsync("Enter the e-mail address of your account.");
        await Page.GetByLabel("Your e-mail address").FillAsync("patient2@demo.test");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main [role=status]")).ToContainTextAsync("If an account has that address");
        await CheckPageAsync("forgot-password-sent");

        // Signed in (the link is not used: other journeys sign in with the demo password), the reminders page.
        await SignInAsync(Page, "patient2@demo.test");
        await ArrivedAtAsync(Page, "**/my");
        await Page.GetByRole(AriaRole.Link, new() { Name = "E-mail reminders" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/my/reminders");
        await CheckPageAsync("my-reminders");
        await Page.GetByLabel("Send me e-mail reminders").CheckAsync();
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            await Page.GetByLabel(day, new() { Exact = true }).UncheckAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save reminders" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".error-summary")).ToContainTextAsync("Choose at least one day for your reminders.");
        await CheckPageAsync("my-reminders-error");
        await Page.GetByLabel("Monday", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Wednesday", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Time of day").FillAsync("07:30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save reminders" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main [role=status]")).ToContainTextAsync("Reminders saved");
        await CheckPageAsync("my-reminders-saved");
        var scroll = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= Phone.Width, $"page is {scroll}px wide");

        // An admin at the desk: the outbox lists the password e-mail, written to the folder, and shows it.
        await using var desk = await Server.NewContextAsync(new() { ViewportSize = Desktop });
        var admin = await desk.NewPageAsync();
        await SignInAsync(admin, "admin@demo.test");
        await ArrivedAtAsync(admin, "**/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "E-mail outbox" }).ClickAsync();
        await ArrivedAtAsync(admin, "**/admin/outbox");
        var sent = admin.Locator("main table tr", new() { HasText = "patient2@demo.test" }).Filter(new() { HasText = "Password reset" }).GetByRole(AriaRole.Link, new() { Name = "A message from Breakaway Physical Therapy" });
        for (var i = 0; i < 30 && await sent.CountAsync() == 0; i++)
        {
            // The sender looks every second; reload until it has written the file (bounded).
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await admin.ReloadAsync();
        }

        Assert.Equal(1, await sent.CountAsync());
        Page = admin;
        await CheckPageAsync("admin-outbox");
        await sent.ClickAsync();
        await ArrivedAtAsync(admin, "**/admin/outbox/*");
        await Assertions.Expect(admin.Locator("pre.mail-body")).ToContainTextAsync("asked for a new password");
        await CheckPageAsync("admin-outbox-message");
    }
}
