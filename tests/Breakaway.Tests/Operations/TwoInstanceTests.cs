using System.Net;
using Breakaway.Testing;
using Breakaway.Tests.Support;
using static Breakaway.Testing.Polling;
using Breakaway.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>
/// Two instances of the site on one database (PostgreSQL on the suite's second pass, SQLite on the first), as behind
/// a load balancer: each has its own memory, so only what is in the database is shared.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private BreakawayFactory _first = null!;
    private BreakawayFactory _second = null!;

    public ValueTask InitializeAsync()
    {
        _first = Instance();
        _ = _first.Services; // The first instance migrates and seeds; the second starts on the ready database.
        _second = Instance();
        _ = _second.Services;
        return ValueTask.CompletedTask;
    }

    private BreakawayFactory Instance() =>
        new BreakawayFactory(_database, ownsDatabase: false).WithDemo().With("Security:RequireStaffMfa", "false");

    /// <summary>A browser-like client of one instance; clients made with the same jar share cookies, as a browser would across instances.</summary>
    private static HttpClient Client(BreakawayFactory instance, CookieContainer jar) =>
        instance.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), new CookieContainerHandler(jar));

    [Fact]
    public async Task SignInOnOne_WorksOnTheOther_AndAFormFromOneIsAcceptedByTheOther()
    {
        var jar = new CookieContainer();
        var first = Client(_first, jar);
        var second = Client(_second, jar);

        var signedIn = await first.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        Assert.Equal("/my", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        // The session cookie, protected by the first instance, is read by the second.
        var today = await second.GetAsync("/my", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        Assert.Equal("/my", today.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Demo Patient", await today.BodyAsync(), StringComparison.Ordinal);

        // The form (and its antiforgery token) comes from the first instance and is posted to the second.
        var form = await first.GetDocumentAsync("/my");
        var pain = Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "1");
        var saved = await second.SubmitAsync(form, pain, "form.session-form", "/my");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.StartsWith("/my/sessions/", saved.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(1, await SessionsAsync(_first));
    }

    [Fact]
    public async Task KeysLiveInTheDatabase_SoACookieOutlivesEveryInstance()
    {
        var jar = new CookieContainer();
        await Client(_first, jar).SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        await _first.DisposeAsync();
        await _second.DisposeAsync();

        // A freshly started instance has no keys in memory: it reads the ring from the database.
        await using var restarted = Instance();
        var today = await Client(restarted, jar).GetAsync("/my", TestContext.Current.CancellationToken);

        Assert.Equal("/my", today.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = restarted.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnExerciseEditedOnOne_ReplacesTheOthersCachedPage_WithinThePollInterval()
    {
        var visitor = _second.CreateClient();
        Assert.Contains("Glute bridge", await visitor.GetStringAsync("/exercises/glute-bridge", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // A minute later, a therapist renames the exercise on the first instance.
        _first.Clock.Advance(TimeSpan.FromMinutes(1));
        var therapist = Client(_first, new CookieContainer());
        await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        int id;
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Exercises
                .Where(e => e.Slug == "glute-bridge").Select(e => e.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var saved = await therapist.SubmitAsync($"/admin/exercises/{id}", new Dictionary<string, string> { ["Input.Name"] = "Bridge on the floor" }, "main form.form");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // The second instance still serves its cached copy until its watcher next looks at the library.
        Assert.Contains("Glute bridge", await visitor.GetStringAsync("/exercises/glute-bridge", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        _second.Clock.Advance(TimeSpan.FromSeconds(11));

        var fresh = await Eventually(async () => await visitor.GetStringAsync("/exercises/glute-bridge", TestContext.Current.CancellationToken), page => page.Contains("Bridge on the floor", StringComparison.Ordinal));
        Assert.Contains("Bridge on the floor", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindATlsProxy_TheSiteSeesHttps_AndTheClientsAddress()
    {
        await using var proxied = Instance();
        proxied.UseKestrel(0);
        proxied.StartServer();
        var address = proxied.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };

        async Task<HttpResponseMessage> Get(string? forwardedProto)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = "clinic.example";
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
                request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            }

            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        // The proxy (here on loopback, trusted by default) says the browser used HTTPS: the site answers as an HTTPS site.
        using var viaProxy = await Get("https");
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));

        using var plain = await Get(null);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static async Task<int> SessionsAsync(BreakawayFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().SessionLogs.CountAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Replicas of a deployment start together on an empty database: both must come up, and seed once.</summary>
public sealed class SimultaneousStartTests
{
    [Fact]
    public async Task TwoInstances_StartingTogether_OnANewDatabase_BothComeUp_AndSeedOnce()
    {
        await using var database = TestDatabase.SuiteUsesPostgres ? TestDatabase.Create() : TestDatabase.CreateEmptySqlite();
        await using var first = new BreakawayFactory(database, ownsDatabase: false).WithDemo();
        await using var second = new BreakawayFactory(database, ownsDatabase: false).WithDemo();

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "patient@demo.test", TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Exercises.CountAsync(e => e.Slug == "glute-bridge", TestContext.Current.CancellationToken));
    }
}
