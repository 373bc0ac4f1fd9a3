using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ClinicJourneys.Name)]
public sealed class InvitationJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Therapist_InvitesAPatient_WhoAcceptsOnAPhone()
    {
        // The therapist, at the clinic's desktop.
        await OpenAsync(Desktop);
        await Page.GotoAsync("/account/sign-in");
        await CheckPageAsync("sign-in");
        await Page.GetByLabel("Sign-in name or e-mail").FillAsync("therapist@demo.test");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin");
        await CheckPageAsync("admin-home");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await CheckPageAsync("admin-patients");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a patient" }).ClickAsync();
        await CheckPageAsync("admin-patient-new");
        var name = "Phone Patient " + Guid.NewGuid().ToString("N")[..4];
        await Page.GetByLabel("Name the patient will see").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        // A pattern the form's own address (/admin/patients/new) cannot match, so the wait is for the new page.
        await ArrivedAtAsync(Page, new Regex(@"/admin/patients/\d+$"));
        Assert.Equal(name, await Page.Locator("h1").TextContentAsync());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();
        var link = await Page.Locator(".invite-link a").GetAttributeAsync("href");
        Assert.NotNull(link);
        Assert.True(await Page.Locator("[data-print]").IsVisibleAsync(), "the print button is shown when scripts run");
        await CheckPageAsync("admin-invitation");

        // The patient, on their phone.
        await using var phone = await Server.NewContextAsync(new() { ViewportSize = Phone, IsMobile = true, HasTouch = true });
        var patient = await phone.NewPageAsync();
        await patient.GotoAsync(new Uri(link!).PathAndQuery);
        Assert.Equal($"Welcome, {name}", await patient.Locator("h1").TextContentAsync());
        var signInName = "phone" + Guid.NewGuid().ToString("N")[..6];
        await patient.GetByLabel("Choose a sign-in name").FillAsync(signInName);
        await patient.GetByLabel("New password").FillAsync("blue kettle sunrise");
        await patient.GetByLabel("Type the password again").FillAsync("blue kettle sunrise");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await ArrivedAtAsync(patient, "**/my");

        Assert.Equal($"Hello, {name}", await patient.Locator("h1").TextContentAsync());
        var scroll = await patient.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= Phone.Width, $"page is {scroll}px wide");
    }

    [Fact]
    public async Task Patient_SignsInOnAPhone_AndSeesTheirPage()
    {
        await OpenAsync(Phone);

        await Page.GotoAsync("/my");
        await ArrivedAtAsync(Page, "**/account/sign-in?*");
        await Page.GetByLabel("Sign-in name or e-mail").FillAsync("patient@demo.test");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/my");

        Assert.Equal("Hello, Demo Patient", await Page.Locator("h1").TextContentAsync());
        await CheckPageAsync("my");
        await Page.GotoAsync("/account/password");
        await CheckPageAsync("change-password");
    }
}
