using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// A fresh install (no demo data, Production): the first admin is created from the command line, creates a
/// therapist, who adds and invites a patient, who chooses a password and lands on their own page.
/// </summary>
public sealed class InvitationJourneyTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().With("Security:RequireStaffMfa", "false");

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    private static string LinkOn(string html) =>
        Html.Parse(html).QuerySelector(".invite-link a")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException("No invitation link on the page");

    private static string PathOf(string absoluteLink) => new Uri(absoluteLink).PathAndQuery;

    [Fact]
    public async Task CreateAdminCommand_CreatesAnAdminThatCanSignIn()
    {
        var result = await AppCommand.RunAsync(_factory.Database, ["create-admin", "first.admin@clinic.example"], input: "first admin passphrase");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Admin account first.admin@clinic.example created", result.Output, StringComparison.Ordinal);
        var signedIn = await _factory.CreateClient().SignInAsync("first.admin@clinic.example", "first admin passphrase");
        Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(await _factory.AuditAsync(), e => e.Action == AuditActions.AccountCreated && e.Detail!.Contains("command line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstAdmin_CreatesTherapist_WhoInvitesPatient_WhoSignsIn()
    {
        // The first admin, as the command creates it.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<Breakaway.Web.Data.Seed.AccountSeeder>().CreateAdminAsync("boss@clinic.example", "first admin passphrase");
            Assert.Empty(errors);
        }

        var admin = _factory.CreateClient();
        await admin.SignInAsync("boss@clinic.example", "first admin passphrase");
        var created = await admin.SubmitAsync("/admin/staff", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pat Therapist",
            ["Input.Email"] = "pat@clinic.example",
        }, "form[action*='Create']");
        var therapistLink = LinkOn(await created.BodyAsync());

        var therapist = _factory.CreateClient();
        var accepted = await therapist.SubmitAsync(PathOf(therapistLink), new Dictionary<string, string>
        {
            ["Input.Password"] = "therapist passphrase",
            ["Input.ConfirmPassword"] = "therapist passphrase",
        });
        Assert.Equal("/admin", accepted.RequestMessage!.RequestUri!.AbsolutePath);

        var newPatient = await therapist.SubmitAsync("/admin/patients/new", new Dictionary<string, string> { ["Input.DisplayName"] = "Rosa Example" });
        var patientPage = newPatient.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/admin/patients/\d+$", patientPage);
        var invited = await therapist.SubmitAsync(patientPage, new Dictionary<string, string>(), "form[action*='Invite']");
        var patientLink = LinkOn(await invited.BodyAsync());
        Assert.NotNull(Html.Parse(await invited.BodyAsync()).QuerySelector(".invite-sheet img[src^='data:image/png;base64,']"));

        var patient = _factory.CreateClient();
        var welcome = await patient.SubmitAsync(PathOf(patientLink), new Dictionary<string, string>
        {
            ["Input.SignInName"] = "rosa.e",
            ["Input.Password"] = "rosa chooses this",
            ["Input.ConfirmPassword"] = "rosa chooses this",
        });
        Assert.Equal("/my", welcome.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Hello, Rosa Example", await welcome.BodyAsync(), StringComparison.Ordinal);

        var again = await _factory.CreateClient().SignInAsync("rosa.e", "rosa chooses this");
        Assert.Equal("/my", again.RequestMessage!.RequestUri!.AbsolutePath);

        var actions = (await _factory.AuditAsync()).Select(e => e.Action).ToList();
        Assert.Contains(AuditActions.AccountCreated, actions);
        Assert.Contains(AuditActions.RoleGranted, actions);
        Assert.Contains(AuditActions.PatientCreated, actions);
        Assert.Equal(2, actions.Count(a => a == AuditActions.InvitationIssued));
        Assert.Equal(2, actions.Count(a => a == AuditActions.InvitationAccepted));
        Assert.Contains(AuditActions.PatientViewed, actions);
        Assert.True(actions.Count(a => a == AuditActions.SignInSucceeded) >= 2);
    }

    [Fact]
    public async Task Invitation_WorksOnce_ExpiresAfterFourteenDays_AndReissueRevokesTheOldLink()
    {
        await _factory.CreateUserAsync("staff@clinic.example", "Therapist");
        var therapist = _factory.CreateClient();
        await therapist.SignInAsync("staff@clinic.example", AccountHelpers.Password);
        var created = await therapist.SubmitAsync("/admin/patients/new", new Dictionary<string, string> { ["Input.DisplayName"] = "Link Tester", ["Input.Email"] = "tester@example.com" });
        var page = created.RequestMessage!.RequestUri!.AbsolutePath;

        var first = PathOf(LinkOn(await (await therapist.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='Invite']")).BodyAsync()));
        var second = PathOf(LinkOn(await (await therapist.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='Invite']")).BodyAsync()));
        var anonymous = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second, TestContext.Current.CancellationToken)).StatusCode);

        _factory.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second, TestContext.Current.CancellationToken)).StatusCode);

        await therapist.SignInAsync("staff@clinic.example", AccountHelpers.Password);
        var third = PathOf(LinkOn(await (await therapist.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='Invite']")).BodyAsync()));
        var used = await anonymous.SubmitAsync(third, new Dictionary<string, string>
        {
            ["Input.Password"] = "quiet garden morning",
            ["Input.ConfirmPassword"] = "quiet garden morning",
        });
        Assert.Equal("/my", used.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync(third, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/invite/not-a-real-token")]
    [InlineData("/invite/%2e%2e%2fadmin")]
    public async Task UnknownInvitation_Answers404(string url)
    {
        var response = await _factory.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Invitation_BadInput_IsShownAtTheFieldsAndNothingIsSaved()
    {
        await _factory.CreateUserAsync("staff2@clinic.example", "Therapist");
        var therapist = _factory.CreateClient();
        await therapist.SignInAsync("staff2@clinic.example", AccountHelpers.Password);
        var created = await therapist.SubmitAsync("/admin/patients/new", new Dictionary<string, string> { ["Input.DisplayName"] = "No Email" });
        var link = PathOf(LinkOn(await (await therapist.SubmitAsync(created.RequestMessage!.RequestUri!.AbsolutePath, new Dictionary<string, string>(), "form[action*='Invite']")).BodyAsync()));
        var patient = _factory.CreateClient();

        var response = await patient.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.SignInName"] = "x",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.SignInName']")!.TextContent);
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(link, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task StaffMfa_IsRequiredInProduction_AndAnAuthenticatorAppSatisfiesIt()
    {
        await using var factory = new BreakawayFactory();
        await factory.CreateUserAsync("mfa@clinic.example", "Therapist");
        var client = factory.CreateClient();

        var first = await client.SignInAsync("mfa@clinic.example", AccountHelpers.Password);
        Assert.Equal("/account/authenticator", first.RequestMessage!.RequestUri!.AbsolutePath);
        var setup = Html.Parse(await first.BodyAsync());
        var key = setup.QuerySelector("code.key")!.TextContent;
        var enabled = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) }, "main form", "/account/authenticator");
        Assert.Equal(10, Html.Parse(await enabled.BodyAsync()).QuerySelectorAll("ul.codes li").Length);

        // Codes are checked against the app's clock; each works once, so the sign-in uses the next one.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = factory.CreateClient();
        var needsCode = await fresh.SignInAsync("mfa@clinic.example", AccountHelpers.Password);
        Assert.Equal("/account/sign-in/code", needsCode.RequestMessage!.RequestUri!.AbsolutePath);
        var inside = await fresh.SubmitAsync(Html.Parse(await needsCode.BodyAsync()),
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) }, "main form", needsCode.RequestMessage.RequestUri.PathAndQuery);
        Assert.Equal("/admin", inside.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Clinic", Html.Parse(await inside.BodyAsync()).QuerySelector("h1")!.TextContent);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
