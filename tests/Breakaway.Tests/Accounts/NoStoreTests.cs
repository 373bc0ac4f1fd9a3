using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Every response that carries someone's data says <c>Cache-Control: no-store</c>, so a shared computer's browser
/// cache or a proxy keeps nothing for the next person: each personal route, opened as the role it is for.
/// </summary>
public sealed class NoStoreTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PersonalPages_AreNoStore()
    {
        var patient = _factory.NoRedirects();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        var therapist = _factory.NoRedirects();
        await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        var admin = _factory.NoRedirects();
        await admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);
        var anonymous = _factory.NoRedirects();
        await patient.SubmitAsync("/my", Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "3"), "form.session-form");
        var (patientId, programId, sessionId, exerciseId) = await IdsAsync();

        var calendarPage = await patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Create']");
        var calendarLink = new Uri(Html.Parse(await calendarPage.BodyAsync()).QuerySelector(".invite-link a")!.GetAttribute("href")!).AbsolutePath;
        var invitePage = await therapist.SubmitAsync($"/admin/patients/{patientId}", new Dictionary<string, string>(), "form[action*='Invite']");
        var inviteLink = new Uri(Html.Parse(await invitePage.BodyAsync()).QuerySelector(".invite-link a")!.GetAttribute("href")!).AbsolutePath;
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("POST /my/calendar (shows the new link)", calendarPage),
            ("POST /admin/patients/{id} Invite (shows the link)", invitePage),
        };

        async Task Get(HttpClient client, string role, string url) =>
            responses.Add(($"{role} GET {url}", await client.GetAsync(url, TestContext.Current.CancellationToken)));

        foreach (var url in new[] { "/my", "/my/calendar", "/my/handout", "/my/help", "/my/progress", $"/my/sessions/{sessionId}", "/account/password", "/account/authenticator", "/", "/tips" })
        {
            await Get(patient, "patient", url);
        }

        foreach (var url in new[]
        {
            "/admin", "/admin/patients", "/admin/patients/new", $"/admin/patients/{patientId}", $"/admin/patients/{patientId}/sessions.csv",
            $"/admin/programs/{programId}", "/admin/exercises", $"/admin/exercises/{exerciseId}", "/admin/templates", "/admin/content", "/account/password",
        })
        {
            await Get(therapist, "therapist", url);
        }

        foreach (var url in new[] { "/admin/staff", "/admin/audit", "/admin" })
        {
            await Get(admin, "admin", url);
        }

        foreach (var url in new[] { calendarLink, inviteLink, "/invite/no-such-token", "/account/sign-in", "/account/forgot-password", "/account/sign-in/code", "/account/sign-out", "/my", "/admin" })
        {
            await Get(anonymous, "anonymous", url);
        }

        Assert.Equal(HttpStatusCode.OK, responses.Single(r => r.What == $"patient GET /my/sessions/{sessionId}").Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses.Single(r => r.What == $"anonymous GET {calendarLink}").Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses.Single(r => r.What == $"anonymous GET {inviteLink}").Response.StatusCode);
        Assert.Equal("text/csv", responses.Single(r => r.What.EndsWith("sessions.csv", StringComparison.Ordinal)).Response.Content.Headers.ContentType?.MediaType);
        var cached = responses.Where(r => r.Response.Headers.CacheControl?.NoStore != true)
            .Select(r => $"{r.What}: {(int)r.Response.StatusCode}, Cache-Control: {r.Response.Headers.CacheControl}").ToList();
        Assert.True(cached.Count == 0, "Without no-store:\n" + string.Join('\n', cached));
        var failed = responses.Where(r => (int)r.Response.StatusCode >= 500).Select(r => r.What).ToList();
        Assert.Empty(failed);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tips")]
    [InlineData("/exercises/glute-bridge")]
    public async Task PublicPages_ForAnonymousVisitors_StayCacheable(string url)
    {
        var response = await _factory.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    private async Task<(int Patient, int Program, long Session, int Exercise)> IdsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var patient = await _factory.PatientIdAsync("patient@demo.test");
        var program = await db.Programs.Where(p => p.PatientId == patient).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        var session = await db.SessionLogs.Where(s => s.PatientId == patient).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        var exercise = await db.Exercises.Select(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (patient, program, session, exercise);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
