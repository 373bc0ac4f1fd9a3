using Breakaway.Tests.Support;

namespace Breakaway.Tests.Accounts;

public sealed class HeadersTests(HeadersTests.Fixture fixture) : IClassFixture<HeadersTests.Fixture>
{
    public sealed class Fixture : BreakawayFactory;

    [Theory]
    [InlineData("/")]
    [InlineData("/tips")]
    [InlineData("/tips/glutes-and-low-back-pain")]
    [InlineData("/tips/feed.xml")]
    [InlineData("/exercises/glute-bridge")]
    [InlineData("/favicon.svg")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    [InlineData("/account/sign-in")]
    [InlineData("/admin")]
    [InlineData("/my")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        var client = fixture.NoRedirects("https://clinic.example");

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        var client = fixture.CreateClient();

        foreach (var url in new[] { "/", "/tips", "/tips/glutes-and-low-back-pain", "/exercises", "/exercises/glute-bridge", "/account/sign-in" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.All(page.QuerySelectorAll("script:not([src])"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Errors_ShowTheFriendlyPage_WithoutDetails()
    {
        var response = await fixture.CreateClient().GetAsync("/error/500", TestContext.Current.CancellationToken);

        var body = await response.BodyAsync();
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at Breakaway", body, StringComparison.Ordinal);
    }
}
