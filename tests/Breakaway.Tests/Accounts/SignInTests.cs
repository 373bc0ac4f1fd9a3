using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Sign-in through the real form, on one site for the class: each test that locks or fails an account makes an account
/// of its own, so the demo accounts stay usable for the next test.
/// </summary>
public sealed class SignInTests(DemoSite site) : IClassFixture<DemoSite>
{
    private readonly BreakawayFactory _factory = site.Factory;

    private static string ErrorText(string html) => Html.Parse(html).QuerySelector(".error-summary")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public async Task SignIn_Patient_LandsOnTheirOwnPage()
    {
        var client = _factory.CreateClient();

        var response = await client.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        Assert.Equal("/my", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Hello, Demo Patient", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Therapist_LandsInTheClinicArea()
    {
        var client = _factory.CreateClient();

        var response = await client.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);

        Assert.Equal("/admin", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_UnknownUserAndWrongPassword_GetTheSameMessage()
    {
        var unknown = await _factory.CreateClient().SignInAsync("nobody@demo.test", "some long password");
        var wrong = await _factory.CreateClient().SignInAsync("patient2@demo.test", "some long password");

        var unknownText = ErrorText(await unknown.BodyAsync());
        Assert.NotEmpty(unknownText);
        Assert.Equal(unknownText, ErrorText(await wrong.BodyAsync()));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccountForFifteenMinutes()
    {
        var user = await _factory.CreateUserAsync("lock-me@test.example", Roles.Patient);
        var client = _factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("lock-me@test.example", "wrong password " + i);
        }

        var whileLocked = await client.SignInAsync("lock-me@test.example", AccountHelpers.Password);
        _factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterwards = await _factory.CreateClient().SignInAsync("lock-me@test.example", AccountHelpers.Password);

        Assert.NotEmpty(ErrorText(await whileLocked.BodyAsync()));
        Assert.Equal("/my", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
        var audit = await _factory.AuditAsync();
        Assert.Contains(audit, e => e.Action == AuditActions.SignInLockedOut && e.ActorUserId == user.Id);
        Assert.Equal(4, audit.Count(e => e.Action == AuditActions.SignInFailed && e.ActorUserId == user.Id));
    }

    [Fact]
    public async Task SignIn_ParallelGuesses_StillLockAfterFive()
    {
        await _factory.CreateUserAsync("parallel@test.example", Roles.Patient);
        var attempts = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page)>();
        for (var i = 0; i < 20; i++)
        {
            var client = _factory.CreateClient();
            attempts.Add((client, await client.GetDocumentAsync("/account/sign-in")));
        }

        await Task.WhenAll(attempts.Select((a, i) => a.Client.SubmitAsync(a.Page,
            new Dictionary<string, string> { ["Input.Login"] = "parallel@test.example", ["Input.Password"] = "wrong guess number " + i },
            "main form", "/account/sign-in")));

        var correct = await _factory.CreateClient().SignInAsync("parallel@test.example", AccountHelpers.Password);
        Assert.Equal("/account/sign-in", correct.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("parallel@test.example"))!));
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/my")]
    [InlineData("//evil.example", "/my")]
    [InlineData("/\\evil.example", "/my")]
    [InlineData("/exercises/glute-bridge", "/exercises/glute-bridge")]
    public async Task SignIn_ReturnUrl_OnlyLocalAddressesAreFollowed(string returnUrl, string expected)
    {
        var client = _factory.NoRedirects();
        var page = await client.GetDocumentAsync("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Login"] = "patient@demo.test",
            ["Input.Password"] = BreakawayFactory.DemoPassword,
        }, "main form", "/account/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "patient@demo.test",
            ["Input.Password"] = BreakawayFactory.DemoPassword,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_Answers429()
    {
        using var factory = new BreakawayFactory().With("Security:SignInPermitsPerMinute", "3");
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("someone@test.example", "wrong password here")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Passwords_AreStoredWithTheProductionPbkdf2Cost()
    {
        await using var production = new BreakawayFactory().WithProductionPasswordHashing();
        var user = await production.CreateUserAsync("cost@example.test", Roles.Therapist);
        await using var scope = production.Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync(TestContext.Current.CancellationToken);

        // Identity V3 format: version byte 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt size, salt, key.
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(210_000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4)));
        Assert.Equal(IdentityRegistration.PasswordIterations, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4)));
    }

    [Theory]
    [InlineData("short pass", false)]
    [InlineData("password1234", false)]
    [InlineData("aaaaaaaaaaaaaaaa", false)]
    [InlineData("123456789012", false)]
    [InlineData("abcdefghijklmn", false)]
    [InlineData("testuser-secret", false)]
    [InlineData("kettle river lamp", true)]
    [InlineData("alllowercaseletters", true)]
    public async Task PasswordPolicy_LengthAndCommonnessMatter_NotComposition(string password, bool accepted)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var result = await users.CreateAsync(new AppUser { UserName = "testuser-" + Guid.NewGuid().ToString("N")[..6], DisplayName = "Testuser" }, password);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task SignIn_OverHttps_SetsAHostPrefixedSecureHttpOnlyLaxCookie()
    {
        var client = _factory.NoRedirects("https://clinic.example");

        var response = await client.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("breakaway.session", StringComparison.Ordinal));
        Assert.StartsWith("__Host-breakaway.session=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_OverHttp_UsesThePlainCookieName()
    {
        var client = _factory.NoRedirects();

        var response = await client.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("breakaway.session=", StringComparison.Ordinal));
    }
}
