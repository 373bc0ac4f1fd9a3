using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Two-step sign-in as a person uses it: the set-up page, codes from an authenticator app (computed here
/// independently, on the app's fake clock), and recovery codes. Every code works once. The class shares one site;
/// each test signs in with an account of its own.
/// </summary>
public sealed class TwoFactorTests(SharedSite site) : IClassFixture<SharedSite>, IAsyncLifetime
{
    private readonly string _login = $"two-step-{Guid.NewGuid():N}@test.example";
    private readonly BreakawayFactory _factory = site.Factory;

    public async ValueTask InitializeAsync() => await _factory.CreateUserAsync(_login, Roles.Patient);

    private string CodeNow(string key) => Totp.Code(key, _factory.Clock.GetUtcNow());

    private async Task<HttpClient> SignedInWithPasswordAsync()
    {
        var client = _factory.CreateClient();
        var response = await client.SignInAsync(_login, AccountHelpers.Password);
        Assert.NotEqual("/account/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    /// <summary>Turns two-step sign-in on through the set-up page; returns the key and the recovery codes the page showed.</summary>
    private async Task<(string Key, string[] RecoveryCodes)> TurnOnAsync()
    {
        var client = await SignedInWithPasswordAsync();
        var setup = await client.GetDocumentAsync("/account/authenticator");
        var key = setup.QuerySelector("code.key")!.TextContent;
        var enabled = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = CodeNow(key) }, "main form", "/account/authenticator");
        var codes = Html.Parse(await enabled.BodyAsync()).QuerySelectorAll("ul.codes li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal(10, codes.Length);
        _factory.Clock.Advance(TimeSpan.FromSeconds(30)); // The set-up code is used; sign-ins start with the next one.
        return (key, codes);
    }

    /// <summary>Password, then the second step with this code; returns where the person ended up.</summary>
    private async Task<string> SignInWithCodeAsync(string code)
    {
        var client = _factory.CreateClient();
        var needsCode = await client.SignInAsync(_login, AccountHelpers.Password);
        Assert.Equal("/account/sign-in/code", needsCode.RequestMessage!.RequestUri!.AbsolutePath);
        var response = await client.SubmitAsync(Html.Parse(await needsCode.BodyAsync()), new Dictionary<string, string> { ["Code"] = code },
            "main form", needsCode.RequestMessage.RequestUri.PathAndQuery);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    private async Task<AppUser> StoredUserAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Users.SingleAsync(u => u.UserName == _login, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        // Turned on as the set-up page does it, without a code from the app: this test is about the recovery codes.
        string[] codes;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(_login))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
        }

        var first = await SignInWithCodeAsync(codes[0]);
        var again = await SignInWithCodeAsync(codes[0]);
        var another = await SignInWithCodeAsync(codes[1]);

        Assert.Equal("/my", first);
        Assert.Equal("/account/sign-in/code", again);
        Assert.Equal("/my", another);
    }

    [Fact]
    public async Task TotpCode_Replayed_IsRefused()
    {
        var (key, _) = await TurnOnAsync();
        var code = CodeNow(key);

        var first = await SignInWithCodeAsync(code);
        _factory.Clock.Advance(TimeSpan.FromSeconds(10)); // Still inside the code's 30-second window.
        var replayed = await SignInWithCodeAsync(code);

        Assert.Equal("/my", first);
        Assert.Equal("/account/sign-in/code", replayed);
    }

    [Fact]
    public async Task TotpCode_TheNextCode_IsAccepted()
    {
        var (key, _) = await TurnOnAsync();
        await SignInWithCodeAsync(CodeNow(key));

        _factory.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("/my", await SignInWithCodeAsync(CodeNow(key)));
    }

    [Fact]
    public async Task TotpCode_AnOlderCodeAfterANewerOne_IsRefused()
    {
        var (key, _) = await TurnOnAsync();
        var older = CodeNow(key);
        _factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await SignInWithCodeAsync(CodeNow(key));

        // The older code is still inside the tolerance for a phone's clock, but a newer one was already used.
        Assert.Equal("/account/sign-in/code", await SignInWithCodeAsync(older));
    }

    [Fact]
    public async Task TotpCode_SentTwiceAtTheSameMoment_SignsInOnce()
    {
        var (key, _) = await TurnOnAsync();
        var code = CodeNow(key);
        var attempts = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page, string Url)>();
        for (var i = 0; i < 6; i++)
        {
            var client = _factory.CreateClient();
            var needsCode = await client.SignInAsync(_login, AccountHelpers.Password);
            attempts.Add((client, Html.Parse(await needsCode.BodyAsync()), needsCode.RequestMessage!.RequestUri!.PathAndQuery));
        }

        var results = await Task.WhenAll(attempts.Select(a => a.Client.SubmitAsync(a.Page, new Dictionary<string, string> { ["Code"] = code }, "main form", a.Url)));

        Assert.Single(results, r => r.RequestMessage!.RequestUri!.AbsolutePath == "/my");
    }

    [Fact]
    public async Task TotpCode_StaysUsed_WhenIdentitySavesAnOlderCopyOfTheAccount()
    {
        var (key, _) = await TurnOnAsync();
        var code = CodeNow(key);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var olderCopy = (await users.FindByNameAsync(_login))!;

        await SignInWithCodeAsync(code);
        var saved = await users.UpdateAsync(olderCopy); // Identity writes every column of the user it holds...

        Assert.True(saved.Succeeded);
        Assert.True((await StoredUserAsync()).TotpLastStep > olderCopy.TotpLastStep); // ...except the last used step.
        Assert.Equal("/account/sign-in/code", await SignInWithCodeAsync(code));
    }

    [Fact]
    public async Task AuthenticatorPage_VisitedTwice_KeepsKeyAndSession()
    {
        var client = await SignedInWithPasswordAsync();
        var stamp = (await StoredUserAsync()).SecurityStamp;

        var first = await client.GetDocumentAsync("/account/authenticator");
        var second = await client.GetDocumentAsync("/account/authenticator");
        _factory.Clock.Advance(TimeSpan.FromSeconds(61)); // Past Identity's periodic security-stamp check.
        var later = await client.GetAsync("/account/authenticator", TestContext.Current.CancellationToken);

        var key = first.QuerySelector("code.key")!.TextContent;
        Assert.Equal(key, second.QuerySelector("code.key")!.TextContent);
        Assert.Equal("/account/authenticator", later.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(key, Html.Parse(await later.BodyAsync()).QuerySelector("code.key")!.TextContent);
        Assert.Equal(stamp, (await StoredUserAsync()).SecurityStamp);
    }

    [Fact]
    public async Task TurningTwoStepSignInOn_KeepsThisSession_AndEndsOthers()
    {
        var other = await SignedInWithPasswordAsync();
        var client = await SignedInWithPasswordAsync();
        var setup = await client.GetDocumentAsync("/account/authenticator");

        var enabled = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = CodeNow(setup.QuerySelector("code.key")!.TextContent) },
            "main form", "/account/authenticator");
        var afterwards = await client.GetAsync("/account/authenticator", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal("/account/authenticator", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Two-step sign-in is on", await afterwards.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/sign-in", (await other.GetAsync("/my", TestContext.Current.CancellationToken)).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True((await StoredUserAsync()).TwoFactorEnabled);
    }

    [Fact]
    public async Task SettingUp_WithAWrongCode_DoesNotTurnItOn()
    {
        var client = await SignedInWithPasswordAsync();
        var setup = await client.GetDocumentAsync("/account/authenticator");
        var wrong = CodeNow(setup.QuerySelector("code.key")!.TextContent) == "000000" ? "111111" : "000000";

        var response = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = wrong }, "main form", "/account/authenticator");

        Assert.Contains("That code did not match", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.False((await StoredUserAsync()).TwoFactorEnabled);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
