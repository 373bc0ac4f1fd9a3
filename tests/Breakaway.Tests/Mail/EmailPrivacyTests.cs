using Breakaway.Tests.Support;
using MimeKit;

namespace Breakaway.Tests.Mail;

/// <summary>
/// Every message the suite's e-mail tests receive is read by <see cref="TestSmtp"/> when it is disposed, and a test
/// fails if one holds an exercise name, a pain score, a red-flag reason or a diagnosis word. This checks the reader.
/// </summary>
public sealed class EmailPrivacyTests
{
    [Theory]
    [InlineData("Time for today's exercises", "Do 2x10 Glute bridge today.", "Glute bridge")]
    [InlineData("A message from Breakaway", "You logged pain 8/10.", "pain")]
    [InlineData("A message from Breakaway", "Reason: numbness or tingling", "numb")]
    [InlineData("A message from Breakaway", "Your pelvic floor program", "pelvic")]
    [InlineData("Demo Patient: your reminder", "Hello", "names the patient")]
    public void TheReader_FindsHealthInformation(string subject, string body, string expected)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };

        var problems = MailPrivacy.Problems(message).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TheSitesOwnWording_PassesTheReader()
    {
        var texts = new[]
        {
            Breakaway.Web.Mail.MailText.Invitation("Breakaway Physical Therapy", "(555) 010-0142", "https://clinic.example/invite/x", new DateTime(2026, 12, 9)),
            Breakaway.Web.Mail.MailText.StaffSetup("Breakaway Physical Therapy", "https://clinic.example/invite/x", new DateTime(2026, 12, 9)),
            Breakaway.Web.Mail.MailText.PasswordReset("Breakaway Physical Therapy", "(555) 010-0142", "https://clinic.example/invite/x", 60),
            Breakaway.Web.Mail.MailText.Reminder("Breakaway Physical Therapy", "https://clinic.example/my", "https://clinic.example/my/reminders", "https://clinic.example/reminders/unsubscribe/x"),
            Breakaway.Web.Mail.MailText.RedFlagAlert("Breakaway Physical Therapy", "https://clinic.example/admin/patients/3", "25 November 09:00"),
        };

        var problems = texts.SelectMany(t => MailPrivacy.Problems(new MimeMessage { Subject = t.Subject, Body = new TextPart("plain") { Text = t.Body } })).ToList();

        Assert.Empty(problems);
    }
}
