using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Domain;

namespace Breakaway.Tests.Accounts;

/// <summary>Idle and absolute session limits by role, and sessions ended by disabling or a password change, on the fake clock.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    private async Task<HttpClient> SignedIn(string login, bool keep = false, string password = BreakawayFactory.DemoPassword)
    {
        var client = _factory.CreateClient();
        var response = await client.SignInAsync(login, password, keep);
        Assert.NotEqual("/account/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static async Task<string> PathAfterGet(HttpClient client, string url) =>
        (await client.GetAsync(url, TestContext.Current.CancellationToken)).RequestMessage!.RequestUri!.AbsolutePath;

    [Fact]
    public async Task Patient_IdleForThirtyOneMinutes_MustSignInAgain()
    {
        var client = await SignedIn("patient@demo.test");

        _factory.Clock.Advance(TimeSpan.FromMinutes(29));
        var stillIn = await PathAfterGet(client, "/my");
        _factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var afterIdle = await PathAfterGet(client, "/my");

        Assert.Equal("/my", stillIn);
        Assert.Equal("/account/sign-in", afterIdle);
    }

    [Fact]
    public async Task Patient_WhoTickedKeepMeSignedIn_StaysInForDays()
    {
        var client = await SignedIn("patient@demo.test", keep: true);

        _factory.Clock.Advance(TimeSpan.FromDays(6));

        Assert.Equal("/my", await PathAfterGet(client, "/my"));
    }

    [Fact]
    public async Task Staff_IdleForTwentyOneMinutes_MustSignInAgain()
    {
        var client = await SignedIn("therapist@demo.test", keep: true);

        _factory.Clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal("/account/sign-in", await PathAfterGet(client, "/admin"));
    }

    [Fact]
    public async Task Staff_SessionEndsAfterTwelveHours_EvenWhenActive()
    {
        var client = await SignedIn("therapist@demo.test");

        for (var i = 0; i < 47; i++)
        {
            _factory.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal("/admin", await PathAfterGet(client, "/admin"));
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("/account/sign-in", await PathAfterGet(client, "/admin"));
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionWithinAMinute()
    {
        var user = await _factory.CreateUserAsync("to-disable@test.example", Roles.Patient);
        var patient = await SignedIn("to-disable@test.example", password: AccountHelpers.Password);
        var admin = await SignedIn("admin@demo.test");

        var staffPage = await admin.GetDocumentAsync("/admin/staff");
        var form = staffPage.QuerySelector($"form[action*='userId={user.Id}']")!;
        var disabled = await admin.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), TestContext.Current.CancellationToken);
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Contains("account is disabled", await disabled.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/sign-in", await PathAfterGet(patient, "/my"));
        var again = await _factory.CreateClient().SignInAsync("to-disable@test.example", AccountHelpers.Password);
        Assert.Equal("/account/sign-in", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ChangingThePassword_EndsOtherSessions_ButNotThisOne()
    {
        await _factory.CreateUserAsync("changer@test.example", Roles.Patient);
        var phone = await SignedIn("changer@test.example", password: AccountHelpers.Password);
        var laptop = await SignedIn("changer@test.example", password: AccountHelpers.Password);

        var response = await laptop.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AccountHelpers.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Contains("Your password is changed", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/my", await PathAfterGet(laptop, "/my"));
        Assert.Equal("/account/sign-in", await PathAfterGet(phone, "/my"));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsShownAtTheField()
    {
        var client = await SignedIn("patient2@demo.test");

        var response = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not the password at all",
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal("Your current password is not right.", page.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
