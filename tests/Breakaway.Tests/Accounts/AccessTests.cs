using System.Net;
using System.Reflection;
using Breakaway.Tests.Support;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Who may open what: anonymous users are sent to sign in; signed-in users without the role get 403. The tests only
/// read, so they share one site.
/// </summary>
public sealed class AccessTests(DemoSite site) : IClassFixture<DemoSite>
{
    private readonly BreakawayFactory _factory = site.Factory;

    public static TheoryData<string> StaffPages => new() { "/admin", "/admin/patients", "/admin/patients/new", "/admin/patients/1", "/admin/content" };

    public static TheoryData<string> AdminOnlyPages => new() { "/admin/staff", "/admin/audit" };

    private async Task<HttpClient> As(string login)
    {
        var client = _factory.NoRedirects();
        var response = await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    [MemberData(nameof(AdminOnlyPages))]
    [InlineData("/my")]
    [InlineData("/account/password")]
    [InlineData("/account/authenticator")]
    public async Task Anonymous_IsSentToSignIn(string url)
    {
        var response = await _factory.NoRedirects().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    [MemberData(nameof(AdminOnlyPages))]
    public async Task Patient_CannotReachAnyAdminPage(string url)
    {
        var client = await As("patient@demo.test");

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No access", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patient_CannotPostToAdminPages()
    {
        var client = await As("patient@demo.test");
        var token = Html.Parse(await client.GetStringAsync("/account/password", TestContext.Current.CancellationToken))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/admin/patients/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = "Sneaky",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Staff_CannotOpenThePatientArea()
    {
        var client = await As("therapist@demo.test");

        var response = await client.GetAsync("/my", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/my")]
    [InlineData("/my/progress")]
    [InlineData("/my/handout")]
    [InlineData("/my/calendar")]
    [InlineData("/my/sessions/1")]
    public async Task PatientRoleWithoutAPatientRecord_IsRefusedOnEveryPatientPage(string url)
    {
        var login = $"no-record-{Guid.NewGuid():N}@example.test";
        await _factory.CreateUserAsync(login, Roles.Patient, patientRecord: false);
        var client = _factory.NoRedirects();
        await client.SignInAsync(login, AccountHelpers.Password);

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminOnlyPages))]
    public async Task Therapist_CannotOpenAdminOnlyPages_AdminCan(string url)
    {
        var therapist = await As("therapist@demo.test");
        var admin = await As("admin@demo.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/admin/patients/999999")]
    [InlineData("/admin/patients/0")]
    [InlineData("/admin/patients/abc")]
    public async Task UnknownPatientId_Answers404(string url)
    {
        var client = await As("therapist@demo.test");

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PatientPage_ShowsOnlyTheSignedInPatient()
    {
        var demo = await As("patient@demo.test");
        var other = await As("patient2@demo.test");

        var demoPage = await demo.GetStringAsync("/my", TestContext.Current.CancellationToken);
        var otherPage = await other.GetStringAsync("/my", TestContext.Current.CancellationToken);

        Assert.Contains("Demo Patient", demoPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Patient", demoPage, StringComparison.Ordinal);
        Assert.Contains("Other Patient", otherPage, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPage_OptsOutOfAntiforgery_ExceptTheErrorPageAndOneClickUnsubscribe()
    {
        var pageModels = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)));

        var optedOut = pageModels.Where(t => t.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null).Select(t => t.Name);

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" with no page and so no token; the link's own
        // token is the credential, and all it can do is stop reminders.
        Assert.Equal(["ErrorModel", "UnsubscribeModel"], optedOut.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/account/sign-out")]
    [InlineData("/account/password")]
    [InlineData("/account/authenticator")]
    [InlineData("/admin/patients/new")]
    [InlineData("/admin/patients/1?handler=Invite")]
    [InlineData("/admin/staff?handler=Create")]
    public async Task EveryPost_WithoutAntiforgeryToken_IsRejected(string url)
    {
        var client = await As("admin@demo.test");

        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.DisplayName"] = "x" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
