using Breakaway.Tests.Support;

namespace Breakaway.Tests.Accounts;

/// <summary>Public pages are output-cached for anonymous visitors only: a signed-in page is never stored or served to others.</summary>
public sealed class CachingTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tips")]
    [InlineData("/exercises/glute-bridge")]
    public async Task SignedInAndAnonymousVisitors_NeverSeeEachOthersPage(string url)
    {
        var anonymous = _factory.CreateClient();
        var patient = _factory.CreateClient();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        var first = await anonymous.GetStringAsync(url, TestContext.Current.CancellationToken);
        var signedIn = await patient.GetStringAsync(url, TestContext.Current.CancellationToken);
        var second = await anonymous.GetStringAsync(url, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Sign out", first, StringComparison.Ordinal);
        Assert.Contains("Sign out", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", second, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivingAnExercise_RemovesItsCachedPage()
    {
        var admin = _factory.CreateClient();
        await admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);
        var anonymous = _factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/exercises/step-up", TestContext.Current.CancellationToken)).StatusCode);
        var id = Html.Parse(await admin.GetStringAsync("/admin/exercises", TestContext.Current.CancellationToken))
            .QuerySelectorAll("table a").First(a => a.TextContent == "Step-up").GetAttribute("href")!;

        await admin.SubmitAsync(id, new Dictionary<string, string>(), "form[action*='Archive']");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/exercises/step-up", TestContext.Current.CancellationToken)).StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
