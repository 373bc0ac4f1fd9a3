using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

[Collection(ClinicJourneys.Name)]
public sealed class ProgramJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Therapist_BuildsFromTemplate_TunesADose_Assigns_AndThePatientSeesIt()
    {
        await OpenAsync(Desktop);
        await SignInAsync(Page, "therapist@demo.test");
        await ArrivedAtAsync(Page, "**/admin");

        await Page.GotoAsync("/admin/patients?q=Other");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Other Patient" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin/patients/*");
        await CheckPageAsync("admin-patient");
        await Page.GetByLabel("Start from").SelectOptionAsync(new SelectOptionValue { Label = "Template: Glute activation for low back pain" });
        await Page.GetByLabel("Title (optional with a template)").FillAsync("Glutes, tuned for Other Patient");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start program" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/admin/programs/*");
        Assert.Equal(5, await Page.Locator(".program-row").CountAsync());
        await CheckPageAsync("admin-builder");

        // Tune the glute bridge (second row): 3 sets of 8 with a note, then move it up.
        await Page.Locator("#Rows_1__Sets").FillAsync("3");
        await Page.Locator("#Rows_1__Reps").FillAsync("8");
        await Page.GetByText("Resistance and note for Glute bridge").ClickAsync();
        await Page.Locator("#Rows_1__Note").FillAsync("Squeeze for the full five seconds.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Move up Glute bridge" }).ClickAsync();
        await Page.Locator(".notice-ok", new() { HasText = "Moved Glute bridge up" }).WaitForAsync();
        Assert.Equal("3", await Page.Locator("#Rows_0__Sets").InputValueAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Assign to the patient" }).ClickAsync();
        await Page.Locator(".notice-ok", new() { HasText = "Version 1 assigned" }).WaitForAsync();
        Assert.Contains("Version 1 assigned", await Page.Locator(".notice-ok").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("admin-builder-assigned");

        await using var phone = await Server.NewContextAsync(new() { ViewportSize = Phone, IsMobile = true, HasTouch = true });
        var patient = await phone.NewPageAsync();
        await SignInAsync(patient, "patient2@demo.test");
        await ArrivedAtAsync(patient, "**/my");

        Assert.Equal("Glutes, tuned for Other Patient", await patient.Locator("#program-title").TextContentAsync());
        Assert.Equal("3 sets of 8, hold 5 seconds at the top", await patient.Locator(".exercise-card .dose").First.TextContentAsync());
        Assert.Contains("Squeeze for the full five seconds.", await patient.Locator(".therapist-note").First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Therapist_LibraryAndTemplatePages_PassAxe()
    {
        await OpenAsync(Desktop);
        await SignInAsync(Page, "admin@demo.test");
        await ArrivedAtAsync(Page, "**/admin");

        foreach (var (url, name) in new[] { ("/admin/templates", "admin-templates"), ("/admin/exercises", "admin-exercises"), ("/admin/exercises/1", "admin-exercise-edit"), ("/admin/staff", "admin-staff"), ("/admin/audit", "admin-audit") })
        {
            await Page.GotoAsync(url);
            await CheckPageAsync(name);
        }
    }
}
