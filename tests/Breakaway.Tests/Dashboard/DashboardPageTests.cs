using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Dashboard;

/// <summary>The dashboard, flags and export on the full demo data: two demo patients plus 20 with 60 days of history.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Demo:HistoryPatients", "20").With("Security:RequireStaffMfa", "false");
    private HttpClient _therapist = null!;

    public async ValueTask InitializeAsync()
    {
        _therapist = _factory.CreateClient();
        await _therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
    }

    private async Task<T> Db<T>(Func<BreakawayDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditWriter>().FlushAsync(); // Views are audited through a queue.
        return await query(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    private async Task LogRedFlagAsDemoPatient()
    {
        var patient = _factory.CreateClient();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        var answers = Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "3");
        answers["Input.NumbnessOrTingling"] = "true";
        var response = await patient.SubmitAsync("/my", answers, "form.session-form");
        Assert.Contains("Please stop these exercises", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoData_HasTwentyTwoPatients_WithHistory_AndTheFlaggedOneOnTop()
    {
        var page = await _therapist.GetDocumentAsync("/admin");

        var rows = page.QuerySelectorAll("table.dashboard tbody tr");
        Assert.Equal(22, rows.Length);
        Assert.Equal("Ada Example", rows[0].QuerySelector("a")!.TextContent);
        Assert.Contains("Red flag", rows[0].TextContent, StringComparison.Ordinal);
        Assert.True(await Db(db => db.SessionLogs.CountAsync()) > 500);
        Assert.Contains(rows, r => r.TextContent.Contains("Pain rising", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Low adherence", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Stop cue hit", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("No log for a week", StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("svg.spark"));
    }

    [Fact]
    public async Task NewRedFlag_PutsThePatientFirst_AndAcknowledgingIsRecorded()
    {
        await LogRedFlagAsDemoPatient();

        var dashboard = await _therapist.GetDocumentAsync("/admin");
        var first = dashboard.QuerySelector("table.dashboard tbody tr a")!;
        Assert.Equal("Demo Patient", first.TextContent);

        var patientUrl = first.GetAttribute("href")!;
        var acknowledged = await _therapist.SubmitAsync(patientUrl, new Dictionary<string, string> { ["outcome"] = "CalledPatient" }, "form[action*='Acknowledge']");
        var page = Html.Parse(await acknowledged.BodyAsync());
        Assert.Contains("Acknowledged by Demo Therapist", page.QuerySelector(".flag-done")!.TextContent, StringComparison.Ordinal);
        var flag = await Db(db => db.RedFlags.SingleAsync(f => f.Patient.User.UserName == "patient@demo.test"));
        Assert.NotNull(flag.AcknowledgedUtc);
        Assert.Contains(await Db(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "red-flag.acknowledged");
        var after = await _therapist.GetDocumentAsync("/admin?group=RedFlag");
        Assert.DoesNotContain(after.QuerySelectorAll("table.dashboard tbody tr a"), a => a.TextContent == "Demo Patient");
    }

    [Fact]
    public async Task PatientPage_ShowsVersionsAndSessionsOnOneTimeLine_WithChartsAndTables()
    {
        var id = await Db(db => db.Patients.Where(p => p.User.DisplayName == "Ben Sample").Select(p => p.Id).SingleAsync());

        var page = await _therapist.GetDocumentAsync($"/admin/patients/{id}");

        Assert.NotEmpty(page.QuerySelectorAll("tr.timeline-version"));
        Assert.True(page.QuerySelectorAll("h2 ~ table tbody tr").Length > 20);
        Assert.Equal(page.QuerySelectorAll("svg.chart").Length, page.QuerySelectorAll("details table").Length);
    }

    [Fact]
    public async Task CsvExport_HasAHeaderAndOneLinePerExerciseLog_AndIsAudited()
    {
        var id = await Db(db => db.Patients.Where(p => p.User.DisplayName == "Cora Testwell").Select(p => p.Id).SingleAsync());
        var logs = await Db(db => db.ExerciseLogs.CountAsync(l => l.SessionLog.PatientId == id));

        var response = await _therapist.GetAsync($"/admin/patients/{id}/sessions.csv", TestContext.Current.CancellationToken);
        var text = await response.BodyAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("date,logged_utc,program_version,exercise,", lines[0], StringComparison.Ordinal);
        Assert.Equal(logs + 1, lines.Length);
        Assert.Contains(await Db(db => db.AuditEntries.Where(a => a.PatientId == id).Select(a => a.Action).ToListAsync()), a => a == "patient.sessions-exported");
    }

    [Fact]
    public async Task Patients_CannotReachTheDashboardOrTheExport()
    {
        var patient = _factory.NoRedirects();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        var id = await Db(db => db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/admin/patients/{id}/sessions.csv", TestContext.Current.CancellationToken)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _therapist.Dispose();
        await _factory.DisposeAsync();
    }
}
