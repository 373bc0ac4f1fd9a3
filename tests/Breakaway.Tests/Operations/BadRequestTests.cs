using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Breakaway.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>
/// Requests an attacker (or a broken client) sends: forms that cannot be read, a status code in the form, a charset
/// nobody supports. Each gets a correct 4xx, the friendly page and the security headers, in memory and over a real
/// Kestrel port (where an invalid status such as 0 breaks the status line).
/// </summary>
public sealed class BadRequestTests(BadRequestTests.Fixture fixture) : IClassFixture<BadRequestTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public BreakawayFactory Memory { get; } = new();
        public BreakawayFactory Kestrel { get; } = new();
        public Uri KestrelAddress { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            _ = Memory.Services;
            Kestrel.UseKestrel(0);
            Kestrel.StartServer();
            KestrelAddress = new Uri(Kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await Memory.DisposeAsync();
            await Kestrel.DisposeAsync();
        }

        /// <summary>A client with a cookie jar: in memory, or to the real port.</summary>
        /// <summary>
        /// Over real HTTP the client waits up to 30 s for "100 Continue" (the default is 1 s): on a loaded machine the
        /// 413 could take longer than that, and the client then started sending the 31 MB into a closed connection.
        /// </summary>
        public HttpClient Client(bool kestrel) => kestrel
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = KestrelAddress }
            : Memory.NoRedirects();
    }

    public static TheoryData<string, bool> UnreadableForms => new()
    {
        { "fields", false }, { "fields", true },
        { "value", false }, { "value", true },
        { "multipart", false }, { "multipart", true },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task Post_UnreadableForm_Gets400PageWithHeaders(string form, bool kestrel)
    {
        using var client = fixture.Client(kestrel);
        var token = await AntiforgeryTokenAsync(client);
        HttpContent body = form switch
        {
            "fields" => Raw($"__RequestVerificationToken={token}&" + string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"))),
            "value" => Raw($"__RequestVerificationToken={token}&Input.Login=" + new string('x', 5 * 1024 * 1024)),
            _ => Multipart(token),
        };

        using var response = await client.PostAsync("/account/sign-in", body, TestContext.Current.CancellationToken);

        await AssertFriendlyPageAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_FormWithNulByte_Gets400PageWithHeaders(bool kestrel)
    {
        using var client = fixture.Client(kestrel);
        var token = await AntiforgeryTokenAsync(client);

        using var response = await client.PostAsync("/account/sign-in", Raw($"__RequestVerificationToken={token}&Input.Login=%00&Input.Password=%00"), TestContext.Current.CancellationToken);

        await AssertFriendlyPageAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_CodeInForm_DoesNotPickTheStatus(bool kestrel)
    {
        using var client = fixture.Client(kestrel);

        // No antiforgery token: 400, whatever the form or the query asks for.
        using var response = await client.PostAsync("/account/sign-in?code=200", Raw("code=200&Input.Login=a&Input.Password=b"), TestContext.Current.CancellationToken);

        await AssertFriendlyPageAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_CodeToTheErrorPage_IsA404(bool kestrel)
    {
        using var client = fixture.Client(kestrel);

        using var response = await client.PostAsync("/error/500?code=200", Raw("code=200"), TestContext.Current.CancellationToken);

        await AssertFriendlyPageAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_FormInUtf7_Gets415PageWithHeaders(bool kestrel)
    {
        using var client = fixture.Client(kestrel);
        var token = await AntiforgeryTokenAsync(client);
        using var body = Raw($"__RequestVerificationToken={token}&Input.Login=a&Input.Password=b");
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-7");

        using var response = await client.PostAsync("/account/sign-in", body, TestContext.Current.CancellationToken);

        await AssertFriendlyPageAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_BodyOverTheServerLimit_Gets413PageWithHeaders()
    {
        using var client = fixture.Client(kestrel: true);
        var token = await AntiforgeryTokenAsync(client);

        // Kestrel accepts 30 MB; the declared length alone is refused, before any byte is read (the client waits for
        // "100 Continue", as curl does, so it hears the answer instead of a closed connection).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = Raw($"__RequestVerificationToken={token}&a=" + new string('x', 31 * 1024 * 1024)),
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertFriendlyPageAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client) =>
        Html.Parse(await client.GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static ByteArrayContent Raw(string form)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A part that never ends: no closing boundary.</summary>
    private static ByteArrayContent Multipart(string token)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"--b0undary\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--b0undary\r\nContent-Disposition: form-data; name=\"Input.Login\"\r\n\r\nhalf a val"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        return content;
    }

    private static async Task AssertFriendlyPageAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no Content-Security-Policy");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var page = Html.Parse(await response.BodyAsync());
        Assert.NotNull(page.QuerySelector("main h1, h1"));
        Assert.Contains("Call us", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", page.Body.TextContent, StringComparison.Ordinal);
    }
}
