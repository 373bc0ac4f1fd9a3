using Breakaway.Tests.Accounts;
using Breakaway.Tests.Support;
using static Breakaway.Tests.Support.Waiting;

namespace Breakaway.Tests.Mail;

/// <summary>A red flag reaches the patient's therapist by e-mail within a minute, saying nothing about why.</summary>
public sealed class RedFlagEmailTests
{
    [Fact]
    public async Task ARedFlag_EmailsTheTherapist_WithinAMinute_WithALinkAndNoDetail()
    {
        using var smtp = TestSmtp.Start();
        await using var site = smtp.Configure(new BreakawayFactory().WithDemo()).With("Clinic:AlertEmail", "front-desk@clinic.example");
        var patient = site.CreateClient();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        var form = await patient.GetDocumentAsync("/my");
        var answers = Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", i => i == 2 ? "9" : "1");
        answers["Input.NumbnessOrTingling"] = "true";

        var saved = await patient.SubmitAsync(form, answers, "form.session-form", "/my");
        Assert.StartsWith("/my/sessions/", saved.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var took = await AdvanceUntil(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), async () => smtp.Received.Count > 0, site.Clock);

        Assert.True(took <= TimeSpan.FromMinutes(1), $"took {took} of fake time");
        var alert = Assert.Single(smtp.Received);
        // The demo program was assigned by the demo therapist, who has an address: the front desk is only the fallback.
        Assert.Equal("therapist@demo.test", alert.To.Mailboxes.Single().Address);
        var patientId = await site.PatientIdAsync("patient@demo.test");
        Assert.Contains($"https://clinic.example/admin/patients/{patientId}", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo Patient", alert.TextBody, StringComparison.Ordinal);
        Assert.Empty(MailPrivacy.Problems(alert));
    }
}
