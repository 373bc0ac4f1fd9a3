using System.Net;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Pages;

/// <summary>The committed articles served by the app as configured out of the box.</summary>
public sealed class RealContentTests(RealContentTests.Fixture fixture) : IClassFixture<RealContentTests.Fixture>
{
    public sealed class Fixture : BreakawayFactory;

    [Theory]
    [InlineData("/tips/glutes-and-low-back-pain")]
    [InlineData("/tips/signs-of-weak-glutes")]
    [InlineData("/tips/glutes-pelvic-floor-and-core")]
    [InlineData("/tips/starting-glute-training-safely")]
    [InlineData("/tips/back-pain-red-flags")]
    [InlineData("/tips/squats-step-ups-and-hip-hinges")]
    [InlineData("/tips/pelvic-floor-and-everyday-lifting")]
    public async Task Get_EachFirstArticle_Renders(string url)
    {
        var page = await fixture.CreateClient().GetDocumentAsync(url);

        Assert.NotEmpty(page.Text("h1"));
        Assert.True(page.QuerySelectorAll(".prose h2").Length >= 3);
    }

    [Fact]
    public async Task Get_Tips_ListsAllFive()
    {
        var page = await fixture.CreateClient().GetDocumentAsync("/tips");

        Assert.True(page.QuerySelectorAll(".card-title").Length >= 5);
    }

    [Fact]
    public async Task Get_StaticStylesheet_IsFingerprinted()
    {
        var client = fixture.CreateClient();
        var home = await client.GetDocumentAsync("/");
        var href = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var response = await client.GetAsync(href, TestContext.Current.CancellationToken);

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Long cache lifetimes apply to the published manifest; the build manifest used here revalidates by ETag.
        Assert.NotNull(response.Headers.ETag);
    }
}
