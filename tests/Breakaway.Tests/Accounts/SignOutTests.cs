using System.Net;
using Breakaway.Testing;
using Breakaway.Tests.Support;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Signing out ends the session at once and everywhere: a copy of the cookie taken before signing out (a shared
/// computer, a stolen cookie) is refused on the next request, on this instance and on any other, without waiting
/// for a periodic check. Signing out ends every session of the account (README, Decisions).
/// </summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    /// <summary>A browser: its own cookie jar, following redirects.</summary>
    private static HttpClient Browser(BreakawayFactory instance, CookieContainer jar) =>
        instance.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), new CookieContainerHandler(jar));

    private static async Task<CookieContainer> SignedInAsync(BreakawayFactory instance, string login, bool keep = false)
    {
        var jar = new CookieContainer();
        var response = await Browser(instance, jar).SignInAsync(login, BreakawayFactory.DemoPassword, keep);
        Assert.Equal("/my", response.RequestMessage!.RequestUri!.AbsolutePath);
        return jar;
    }

    /// <summary>Presses "Sign out now" on the sign-out page, with the antiforgery token that page's form carries.</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(BreakawayFactory instance, CookieContainer jar) =>
        await Browser(instance, jar).SubmitAsync("/account/sign-out", new Dictionary<string, string>(), "main form");

    /// <summary>Sends a request with exactly this Cookie header, as someone replaying a copied cookie would, and does not follow the answer.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(BreakawayFactory instance, string cookieHeader, string url)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string CookieHeader(CookieContainer jar) => jar.GetCookieHeader(new Uri("http://localhost"));

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromTheSignOutPage_SignsOut()
    {
        var jar = await SignedInAsync(_factory, "patient@demo.test");

        var response = await SignOutAsync(_factory, jar);
        var afterwards = await Browser(_factory, jar).GetAsync("/my", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are signed out", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/sign-in", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SignedOutCookie_Replayed_RedirectsToSignIn()
    {
        // "Keep me signed in": the cookie itself would be good for 30 days.
        var jar = await SignedInAsync(_factory, "patient@demo.test", keep: true);
        var copied = CookieHeader(jar);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(_factory, copied, "/my")).StatusCode);

        await SignOutAsync(_factory, jar);

        AssertSentToSignIn(await ReplayAsync(_factory, copied, "/my"));
    }

    [Fact]
    public async Task SignedOutCookie_ReplayedOnAnotherInstance_RedirectsToSignIn()
    {
        // Two instances of the site on one database, as behind a load balancer: each has its own memory.
        await using var database = TestDatabase.Create();
        await using var first = new BreakawayFactory(database, ownsDatabase: false).WithDemo();
        _ = first.Services;
        await using var second = new BreakawayFactory(database, ownsDatabase: false).WithDemo();
        var jar = await SignedInAsync(first, "patient@demo.test", keep: true);
        var copied = CookieHeader(jar);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(second, copied, "/my")).StatusCode);

        await SignOutAsync(first, jar);

        AssertSentToSignIn(await ReplayAsync(second, copied, "/my"));
        AssertSentToSignIn(await ReplayAsync(first, copied, "/my"));
    }

    [Fact]
    public async Task SigningOut_EndsTheAccountsOtherSessions_AndSigningInAgainWorks()
    {
        var phone = await SignedInAsync(_factory, "patient@demo.test", keep: true);
        var laptop = await SignedInAsync(_factory, "patient@demo.test");

        await SignOutAsync(_factory, laptop);

        AssertSentToSignIn(await ReplayAsync(_factory, CookieHeader(phone), "/my"));
        var again = await Browser(_factory, new CookieContainer()).SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        Assert.Equal("/my", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SigningOut_LeavesOtherAccountsSignedIn()
    {
        var other = await SignedInAsync(_factory, "patient2@demo.test");
        var jar = await SignedInAsync(_factory, "patient@demo.test");

        await SignOutAsync(_factory, jar);

        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(_factory, CookieHeader(other), "/my")).StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionsAtOnce()
    {
        var user = await _factory.CreateUserAsync("disable-now@test.example", Roles.Patient);
        var jar = new CookieContainer();
        await Browser(_factory, jar).SignInAsync("disable-now@test.example", AccountHelpers.Password);
        var copied = CookieHeader(jar);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(_factory, copied, "/my")).StatusCode);

        // Disabled without a new security stamp: the per-request check reads DisabledUtc itself.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.DisabledUtc = _factory.Clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(stored);
        }

        AssertSentToSignIn(await ReplayAsync(_factory, copied, "/my"));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
