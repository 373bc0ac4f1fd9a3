using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>
/// Outcome measures end to end, on a server of its own whose clock moves two weeks: the therapist schedules the PSFS
/// every 2 weeks, the patient answers on a phone at baseline and two weeks later, the therapist sees the change, the
/// dashboard's "worse by at least the MCID" group and both scores in the CSV.
/// </summary>
public sealed class MeasuresJourneyTests(ClockedAppServer server) : BrowserTest(server), IClassFixture<ClockedAppServer>
{
    private async Task<IPage> SignedInAsync(ViewportSize viewport, string login)
    {
        var context = await Server.NewContextAsync(new() { ViewportSize = viewport });
        Page = await context.NewPageAsync();
        await SignInAsync(Page, login);
        return Page;
    }

    /// <summary>Presses one large answer button; the next question (same address) or the results replace the screen.</summary>
    private static async Task AnswerAsync(IPage page, int value, int? nextQuestion)
    {
        await page.Locator($"button.answer-button[value='{value}']").ClickAsync();
        if (nextQuestion is { } next)
        {
            await page.Locator("p.meta", new() { HasText = $"Question {next} of 3" }).WaitForAsync();
        }
    }

    [Fact]
    public async Task TherapistSchedulesPsfs_PatientAnswersTwiceTwoWeeksApart_TherapistSeesTheChangeTheSignalAndTheCsv()
    {
        var clock = Server.Clock!;

        // The therapist schedules the PSFS every 2 weeks from the demo patient's page.
        var therapist = await SignedInAsync(Desktop, "therapist@demo.test");
        await ArrivedAtAsync(therapist, "**/admin");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).First.ClickAsync();
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Demo Patient", Exact = true }).ClickAsync();
        await ArrivedAtAsync(therapist, "**/admin/patients/*");
        var patientUrl = therapist.Url;
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Schedule measures and see charts" }).ClickAsync();
        await ArrivedAtAsync(therapist, "**/admin/patients/*/measures");
        await therapist.GetByLabel("Measure").SelectOptionAsync(new SelectOptionValue { Label = "Patient-Specific Functional Scale" });
        await therapist.GetByLabel("Repeat every few weeks").CheckAsync();
        await therapist.GetByLabel("Weeks between answers").FillAsync("2");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await therapist.Locator(".notice-ok", new() { HasText = "Patient-Specific Functional Scale scheduled." }).WaitForAsync();
        Assert.Contains("at the start, every 2 weeks", await therapist.Locator(".measure-plans").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("admin-measures-scheduled");
        await therapist.Context.DisposeAsync();

        // Baseline, on a phone: name three activities, then one question per screen.
        var patient = await SignedInAsync(Phone, "patient@demo.test");
        await ArrivedAtAsync(patient, "**/my");
        await patient.Locator(".measure-due").WaitForAsync();
        await CheckPageAsync("my-measure-due");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Start the questionnaire" }).ClickAsync();
        await ArrivedAtAsync(patient, "**/my/measures/*");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await patient.Locator(".field-error", new() { HasText = "Write at least one activity" }).WaitForAsync();
        await patient.GetByLabel("Activity 1", new() { Exact = true }).FillAsync("Climbing the stairs at home");
        await patient.GetByLabel("Activity 2 (optional)").FillAsync("Lifting my toddler");
        await patient.GetByLabel("Activity 3 (optional)").FillAsync("Walking for 20 minutes");
        await CheckPageAsync("my-measure-activities");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await patient.Locator("p.meta", new() { HasText = "Question 1 of 3" }).WaitForAsync();
        Assert.Contains("Climbing the stairs at home", await patient.Locator("legend.question").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("my-measure-question");
        await AnswerAsync(patient, 6, 2);

        // Resumable: leave after the first answer, come back to the second question.
        await patient.GotoAsync("/my");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Carry on where you stopped" }).ClickAsync();
        await patient.Locator("p.meta", new() { HasText = "Question 2 of 3" }).WaitForAsync();
        await AnswerAsync(patient, 6, 3);
        await AnswerAsync(patient, 6, null);
        await ArrivedAtAsync(patient, "**/my/measures?done=psfs*");
        Assert.Contains("This is your first answer", await patient.Locator("#result-psfs").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("my-measure-baseline");
        await patient.Context.DisposeAsync();

        // Two weeks later the same activities are asked again; it has gone worse.
        clock.Advance(TimeSpan.FromDays(14));
        patient = await SignedInAsync(Phone, "patient@demo.test");
        await ArrivedAtAsync(patient, "**/my");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Start the questionnaire" }).ClickAsync();
        await patient.Locator("p.meta", new() { HasText = "Question 1 of 3" }).WaitForAsync();
        Assert.Contains("Climbing the stairs at home", await patient.Locator("legend.question").TextContentAsync(), StringComparison.Ordinal);
        await AnswerAsync(patient, 4, 2);
        await AnswerAsync(patient, 4, 3);
        await AnswerAsync(patient, 3, null);
        await ArrivedAtAsync(patient, "**/my/measures?done=psfs*");
        Assert.Contains("Worse than when you started by 2.3 points", await patient.Locator("#result-psfs").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await patient.Locator("#result-psfs tbody tr").CountAsync());
        await CheckPageAsync("my-measure-trend");
        await patient.Context.DisposeAsync();

        // The therapist: the dashboard's own group, the change on the patient's page, the chart, the CSV and the summary.
        therapist = await SignedInAsync(Desktop, "therapist@demo.test");
        await ArrivedAtAsync(therapist, "**/admin");
        var row = therapist.Locator("table.dashboard tbody tr", new() { HasText = "Demo Patient" });
        Assert.Contains("Worse by at least the MCID", await row.TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("admin-dashboard-measure-worse");
        await row.GetByRole(AriaRole.Link, new() { Name = "Demo Patient" }).ClickAsync();
        await ArrivedAtAsync(therapist, "**/admin/patients/*");
        Assert.Contains("Worse by 2.3 (MCID 2)", await therapist.Locator(".patient-extras").TextContentAsync(), StringComparison.Ordinal);
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Schedule measures and see charts" }).ClickAsync();
        await ArrivedAtAsync(therapist, "**/admin/patients/*/measures");
        await therapist.Locator("svg.measure-chart circle").Nth(1).WaitForAsync();
        await CheckPageAsync("admin-measures-results");

        var csv = await (await therapist.Context.APIRequest.GetAsync(patientUrl + "/measures.csv")).TextAsync();
        Assert.Contains(",6.0,,2.0,baseline", csv, StringComparison.Ordinal);
        Assert.Contains(",3.7,-2.3,2.0,worse", csv, StringComparison.Ordinal);

        await therapist.GetByRole(AriaRole.Link, new() { Name = "Printable summary" }).ClickAsync();
        await ArrivedAtAsync(therapist, "**/admin/patients/*/summary");
        await CheckPageAsync("admin-measures-summary");

        // A message about it: the therapist writes, the patient sees it first on /my (phone) and answers.
        await therapist.GotoAsync(patientUrl);
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Open the conversation" }).ClickAsync();
        await ArrivedAtAsync(therapist, "**/admin/patients/*/messages");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await therapist.Locator(".field-error", new() { HasText = "Write your message" }).WaitForAsync();
        await therapist.GetByLabel("Message to Demo Patient").FillAsync("Your stairs score dropped. Shall we look at it on Thursday?");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await therapist.Locator(".notice-ok", new() { HasText = "Message sent." }).WaitForAsync();
        await CheckPageAsync("admin-messages");
        await therapist.Context.DisposeAsync();

        patient = await SignedInAsync(Phone, "patient@demo.test");
        await ArrivedAtAsync(patient, "**/my");
        Assert.Contains("Shall we look at it on Thursday?", await patient.Locator(".inbox").TextContentAsync(), StringComparison.Ordinal);
        await CheckPageAsync("my-message-new");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Read and answer" }).ClickAsync();
        await ArrivedAtAsync(patient, "**/my/messages");
        await patient.GetByLabel("Write to your physical therapist").FillAsync("Yes please, Thursday works.");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await patient.Locator(".notice-ok", new() { HasText = "Message sent." }).WaitForAsync();
        Assert.Equal(2, await patient.Locator(".message-thread li").CountAsync());
        await CheckPageAsync("my-messages");
    }
}
