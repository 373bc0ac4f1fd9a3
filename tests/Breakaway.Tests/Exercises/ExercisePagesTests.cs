using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Exercises;

/// <summary>The public library pages. The tests read one shared site; the one that archives an exercise has its own.</summary>
public sealed class ExercisePagesTests(SharedSite site) : IClassFixture<SharedSite>
{
    private readonly HttpClient _client = site.Client;

    [Fact]
    public async Task Get_GluteBridge_ShowsDoseHoldAndThreeStopCues()
    {
        var page = await _client.GetDocumentAsync("/exercises/glute-bridge");

        Assert.Equal("Glute bridge", page.Text("h1"));
        Assert.Equal("2 sets of 10, hold 5 seconds at the top", page.Text(".dose-box .dose"));
        Assert.Equal("Stop if", page.Text(".stop-box h2"));
        Assert.Equal(3, page.QuerySelectorAll(".stop-box li").Length);
        Assert.True(page.QuerySelectorAll("ol.steps li").Length >= 3);
        Assert.NotEmpty(page.Text(".exercise p.lead"));
    }

    [Fact]
    public async Task Get_GluteBridge_MovingDrawingHasAHiddenPauseButtonForScripts()
    {
        var page = await _client.GetDocumentAsync("/exercises/glute-bridge");

        // One moving drawing, and the button that stops it (WCAG 2.2.2), hidden until site.js can drive it.
        Assert.Single(page.QuerySelectorAll(".exercise-visual svg.drawing-motion"));
        var toggle = Assert.Single(page.QuerySelectorAll(".exercise-visual button[data-drawing-toggle]"));
        Assert.True(toggle.HasAttribute("hidden"));
        Assert.Equal("button", toggle.GetAttribute("type"));
        Assert.Equal("Pause the movement of the glute bridge", string.Join(' ', toggle.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Get_GluteBridge_LinksItsProgressions()
    {
        var page = await _client.GetDocumentAsync("/exercises/glute-bridge");

        var links = page.QuerySelectorAll("section[aria-labelledby=next-title] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/exercises/bodyweight-squat", links);
        Assert.Contains("/exercises/hip-hinge", links);
    }

    [Fact]
    public async Task Get_Progression_LinksBackToItsRegression()
    {
        var page = await _client.GetDocumentAsync("/exercises/bodyweight-squat");

        Assert.NotNull(page.QuerySelector("a[href='/exercises/glute-bridge']"));
        Assert.Contains("If it is too hard", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Clamshell_SaysEachSide()
    {
        var page = await _client.GetDocumentAsync("/exercises/locked-clamshell");

        Assert.Equal("2 sets of 15 on each side", page.Text(".dose-box .dose"));
    }

    [Fact]
    public async Task Get_Library_ListsPublicExercises_WarmUpsFirst()
    {
        var page = await _client.GetDocumentAsync("/exercises");

        var names = page.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
        Assert.True(names.Count >= 10);
        Assert.Contains("Glute bridge", names);
        Assert.Contains("Warm-up", page.QuerySelectorAll(".card .meta")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Library_FiltersByCategoryAndRegion()
    {
        var warmUps = await _client.GetDocumentAsync("/exercises?category=warm-up");
        var legs = await _client.GetDocumentAsync("/exercises?category=functional&region=legs");

        Assert.Equal(["Diaphragmatic breathing", "Pelvic tilt"], warmUps.QuerySelectorAll(".card-title a").Select(a => a.TextContent).Order());
        Assert.All(legs.QuerySelectorAll(".card .meta"), m => Assert.Equal("Everyday movement · Legs", m.TextContent));
        Assert.NotNull(warmUps.QuerySelector("option[value=warm-up][selected]"));
    }

    [Theory]
    [InlineData("/exercises/no-such-exercise")]
    [InlineData("/exercises/Glute-Bridge")]
    [InlineData("/exercises/glute-bridge'--")]
    [InlineData("/exercises/..%2fappsettings.json")]
    [InlineData("/exercises?category=dancing")]
    [InlineData("/exercises?region=%27%20OR%201%3D1")]
    public async Task Get_UnknownOrMalformed_Returns404Page(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UpperCaseSlug_AfterTheLowerCaseOneWasCached_Is404()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/exercises/locked-clamshell", TestContext.Current.CancellationToken)).StatusCode);

        var response = await _client.GetAsync("/exercises/Locked-Clamshell", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ArchivedOrPrivateExercises_AreNotPublic()
    {
        await using var factory = new BreakawayFactory();
        using var client = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            await db.Exercises.Where(e => e.Slug == "step-up").ExecuteUpdateAsync(s => s.SetProperty(e => e.IsArchived, true), TestContext.Current.CancellationToken);
            await db.Exercises.Where(e => e.Slug == "hip-hinge").ExecuteUpdateAsync(s => s.SetProperty(e => e.IsPublic, false), TestContext.Current.CancellationToken);
        }

        var library = await client.GetDocumentAsync("/exercises");
        var bridge = await client.GetDocumentAsync("/exercises/glute-bridge");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/exercises/step-up", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/exercises/hip-hinge", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(library.QuerySelectorAll(".card-title a"), a => a.TextContent is "Step-up" or "Hip hinge");
        Assert.Null(bridge.QuerySelector("a[href='/exercises/hip-hinge']"));
    }
}
