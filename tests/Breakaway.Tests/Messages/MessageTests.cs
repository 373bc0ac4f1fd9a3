using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Messages;

/// <summary>Messages between a therapist and a patient, through the real forms: isolation, unread counts, restart, audit, e-mail.</summary>
public sealed class MessageTests
{
    private const string FromTherapist = "Try the bridge with a pillow under your feet this week";
    private const string FromPatient = "Thank you, the pillow helps a lot";

    private static async Task<(int Mine, int Other)> PatientIdsAsync(BreakawayFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var ids = await db.Patients.Select(p => new { p.Id, p.User.UserName }).ToListAsync(TestContext.Current.CancellationToken);
        return (ids.Single(p => p.UserName == "patient@demo.test").Id, ids.Single(p => p.UserName == "patient2@demo.test").Id);
    }

    [Fact]
    public async Task Conversation_IsPrivateToItsPatient_CountsUnread_SurvivesARestart_AndIsAuditedWithoutItsText()
    {
        var template = new BreakawayFactory().WithDemo();
        var database = template.Database;
        long messageId;
        int mine;
        await using (var site = new BreakawayFactory(database, ownsDatabase: false).WithDemo())
        {
            (mine, _) = await PatientIdsAsync(site);
            var therapist = site.CreateClient();
            await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
            var patient = site.CreateClient();
            await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
            var stranger = site.CreateClient();
            await stranger.SignInAsync("patient2@demo.test", BreakawayFactory.DemoPassword);

            // The therapist writes; an empty message and one over the limit are refused with plain words.
            var empty = await therapist.SubmitAsync($"/admin/patients/{mine}/messages", new Dictionary<string, string> { ["text"] = "  " }, "form.message-form");
            var tooLong = await therapist.SubmitAsync($"/admin/patients/{mine}/messages", new Dictionary<string, string> { ["text"] = new string('a', 2001) }, "form.message-form");
            var sent = await therapist.SubmitAsync($"/admin/patients/{mine}/messages", new Dictionary<string, string> { ["text"] = FromTherapist }, "form.message-form");

            Assert.Contains("Write your message before pressing Send.", await empty.BodyAsync(), StringComparison.Ordinal);
            Assert.Contains("Keep the message under 2000 characters", await tooLong.BodyAsync(), StringComparison.Ordinal);
            Assert.Contains("Message sent.", await sent.BodyAsync(), StringComparison.Ordinal);

            // The patient sees it first on /my, with an unread count that clears once the conversation is opened.
            var today = await patient.GetStringAsync("/my", TestContext.Current.CancellationToken);
            Assert.Contains("A new message for you", today, StringComparison.Ordinal);
            Assert.Contains(FromTherapist, today, StringComparison.Ordinal);
            Assert.Contains("Messages (1 new)", today, StringComparison.Ordinal);
            Assert.True(today.IndexOf(FromTherapist, StringComparison.Ordinal) < today.IndexOf("exercise-card", StringComparison.Ordinal));
            var thread = await patient.GetDocumentAsync("/my/messages");
            var answerLink = thread.QuerySelector("a[href^='/my/messages/']")!.GetAttribute("href")!;
            messageId = long.Parse(answerLink.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain("A new message for you", await patient.GetStringAsync("/my", TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // The patient answers; the therapist's count goes to 1, then back to none after reading.
            var answered = await patient.SubmitAsync(answerLink, new Dictionary<string, string> { ["text"] = FromPatient }, "form.message-form");
            Assert.Contains("Message sent.", await answered.BodyAsync(), StringComparison.Ordinal);
            Assert.Contains("1 unread message from the patient", await therapist.GetStringAsync($"/admin/patients/{mine}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Contains(FromPatient, await therapist.GetStringAsync($"/admin/patients/{mine}/messages", TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Contains("Open the conversation", await therapist.GetStringAsync($"/admin/patients/{mine}", TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // Another patient can neither read nor answer that message, and their own conversation is empty.
            var strangerPage = await stranger.GetDocumentAsync("/my/messages");
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/my/messages/{messageId}", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/my/messages/{messageId}", new FormUrlEncodedContent(
                Forms.Fields((AngleSharp.Html.Dom.IHtmlFormElement)strangerPage.QuerySelector("form.message-form")!, new Dictionary<string, string> { ["text"] = "Let me in" })),
                TestContext.Current.CancellationToken)).StatusCode);
            Assert.DoesNotContain(FromTherapist, strangerPage.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await therapist.GetAsync("/admin/patients/999999/messages", TestContext.Current.CancellationToken)).StatusCode);

            // Audited as events, never with the text; never in the log; the e-mail only says there is a message.
            await using var scope = site.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.MessageSent).ToListAsync(TestContext.Current.CancellationToken);
            var mail = await db.OutboxMessages.Where(m => m.Kind == MessageService.MailKind).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.Equal(mine, a.PatientId));
            Assert.All(audit, a => Assert.DoesNotContain("pillow", a.Detail ?? string.Empty, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(site.Log.Lines, l => l.Contains("pillow", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(mail, m => m.To == "patient@demo.test");
            Assert.All(mail, m => Assert.DoesNotContain("pillow", m.Subject + m.TextBody, StringComparison.OrdinalIgnoreCase));
        }

        // After a restart (with messaging switched off) both messages are still there; writing is replaced by "call the clinic".
        await using (var restarted = new BreakawayFactory(database, ownsDatabase: false).WithDemo().With("Messages:Enabled", "false"))
        {
            var patient = restarted.CreateClient();
            await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

            var page = await patient.GetStringAsync("/my/messages", TestContext.Current.CancellationToken);

            Assert.Contains(FromTherapist, page, StringComparison.Ordinal);
            Assert.Contains(FromPatient, page, StringComparison.Ordinal);
            Assert.Contains("please call the clinic", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<textarea", page, StringComparison.Ordinal);
        }

        await template.DisposeAsync();
    }
}
