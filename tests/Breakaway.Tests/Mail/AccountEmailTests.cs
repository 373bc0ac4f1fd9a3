using System.Net;
using System.Text.RegularExpressions;
using Breakaway.Tests.Accounts;
using Breakaway.Tests.Support;
using Breakaway.Web.Infrastructure.Security;
using MimeKit;
using static Breakaway.Tests.Support.Waiting;

namespace Breakaway.Tests.Mail;

/// <summary>Invitations, staff set-up links and "Forgot your password?" arrive by e-mail, over real SMTP.</summary>
public sealed partial class AccountEmailTests
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task APatientWithAnAddress_AndANewTherapist_GetTheirLinksByEmail_AndTheLinksWork()
    {
        using var smtp = TestSmtp.Start();
        await using var site = smtp.Configure(new BreakawayFactory().WithDemo());
        var admin = site.CreateClient();
        await admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);

        var created = await admin.SubmitAsync("/admin/patients/new", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rosa Example",
            ["Input.Email"] = "rosa@example.test",
        });
        var invited = await admin.SubmitAsync(created.RequestMessage!.RequestUri!.AbsolutePath, new Dictionary<string, string>(), "form[action*='Invite']");
        Assert.Contains("also been e-mailed to rosa@example.test", Html.Parse(await invited.BodyAsync()).Text(".invite-sheet"), StringComparison.Ordinal);
        await admin.SubmitAsync("/admin/staff", new Dictionary<string, string> { ["Input.DisplayName"] = "Pat Therapist", ["Input.Email"] = "pat@example.test" }, "form[action*='Create']");

        var within = await AdvanceUntil(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), async () => smtp.Received.Count == 2, site.Clock);

        Assert.True(within <= TimeSpan.FromMinutes(1));
        var invitation = Assert.Single(smtp.To("rosa@example.test"));
        Assert.Equal("A message from Breakaway Physical Therapy", invitation.Subject);
        var patient = site.CreateClient();
        var welcome = await patient.SubmitAsync(LinkIn(invitation), new Dictionary<string, string>
        {
            ["Input.Password"] = "a long walk every morning",
            ["Input.ConfirmPassword"] = "a long walk every morning",
        });
        Assert.Equal("/my", welcome.RequestMessage!.RequestUri!.AbsolutePath);

        var setup = Assert.Single(smtp.To("pat@example.test"));
        Assert.DoesNotContain("Pat", setup.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(LinkIn(setup), Cancel)).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_AnswersAlike_EmailsASingleUseLink_ThatEndsEverySession_AndExpires()
    {
        using var smtp = TestSmtp.Start();
        await using var site = smtp.Configure(new BreakawayFactory().WithDemo());
        var onThePhone = site.CreateClient();
        await onThePhone.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword, keep: true);
        var visitor = site.CreateClient();

        var signIn = await visitor.GetDocumentAsync("/account/sign-in");
        var forgot = signIn.QuerySelectorAll("main a").Single(a => a.TextContent == "Forgot your password?").GetAttribute("href")!;
        var known = await visitor.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Email"] = "Patient@Demo.test" });
        var unknown = await visitor.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Email"] = "nobody@demo.test" });
        var invalid = await visitor.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Email"] = "not an address" });

        Assert.Equal(Html.Parse(await known.BodyAsync()).Text("main [role=status]"), Html.Parse(await unknown.BodyAsync()).Text("main [role=status]"));
        Assert.Contains("If an account has that address", Html.Parse(await known.BodyAsync()).Text("main [role=status]"), StringComparison.Ordinal);
        Assert.Contains("Enter an e-mail address, such as name@example.com.", Html.Parse(await invalid.BodyAsync()).Text(".field-error"), StringComparison.Ordinal);
        await AdvanceUntil(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), async () => smtp.Received.Count >= 1, site.Clock);
        var reset = Assert.Single(smtp.Received);
        Assert.Equal("patient@demo.test", reset.To.Mailboxes.Single().Address);
        Assert.Contains(await site.AuditAsyncActions(), a => a == AuditActions.PasswordResetRequested);

        // The link works once: a new password, and every other session of the account ends.
        var link = LinkIn(reset);
        var chosen = await visitor.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal("/my", chosen.RequestMessage!.RequestUri!.AbsolutePath);
        var phoneAfter = await onThePhone.GetAsync("/my", Cancel);
        Assert.Equal("/account/sign-in", phoneAfter.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync(link, Cancel)).StatusCode);
        var signedIn = await site.CreateClient().SignInAsync("patient@demo.test", "a brand new passphrase");
        Assert.Equal("/my", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        // A second request's link runs out after Security:ResetLinkMinutes (60).
        await visitor.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Email"] = "patient@demo.test" });
        await AdvanceUntil(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), async () => smtp.Received.Count >= 2, site.Clock);
        var later = Assert.Single(smtp.Received.Select(LinkIn), l => l != link);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(later, Cancel)).StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync(later, Cancel)).StatusCode);
    }

    /// <summary>The site's link in a message, as a path to request.</summary>
    private static string LinkIn(MimeMessage message)
    {
        var match = SiteLink().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "no link to the site in the message");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https://clinic\.example/invite/[A-Za-z0-9_-]+")]
    private static partial Regex SiteLink();
}
