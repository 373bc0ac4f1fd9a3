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
}
