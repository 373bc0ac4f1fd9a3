using System.Net;
using Breakaway.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>The site on a real Kestrel port in Production, as an attacker sees it: no server banner, no foreign hosts.</summary>
public sealed class HardeningTests(HardeningTests.Fixture fixture) : IClassFixture<HardeningTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public BreakawayFactory Site { get; } = new(); // Site:BaseUrl https://clinic.example, AllowedHosts not set
        public Uri Address { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            Site.UseKestrel(0);
            Site.StartServer();
            Address = new Uri(Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await Site.DisposeAsync();

        public async Task<HttpResponseMessage> GetAsync(string path, string? host = null)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (host is not null)
            {
                request.Headers.Host = host;
            }

            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/health/live")]
    public async Task Response_HasNoServerHeader(string path)
    {
        using var response = await fixture.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound);
        Assert.Empty(response.Headers.Server);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("clinic.example.evil.example")]
    public async Task ForeignHost_IsRefused(string host)
    {
        // /admin redirects to sign-in with an absolute address built from the Host header.
        using var response = await fixture.GetAsync("/admin", host);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("clinic.example")]      // Site:BaseUrl's host
    [InlineData("clinic.example:8443")] // the port does not matter
    [InlineData(null)]                  // 127.0.0.1 with the port: the health probe, the smoke test
    [InlineData("localhost")]
    public async Task TheSitesOwnHost_AndLoopback_AreAnswered(string? host)
    {
        using var response = await fixture.GetAsync("/admin", host);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evil", response.Headers.Location.ToString(), StringComparison.Ordinal);
    }
}
