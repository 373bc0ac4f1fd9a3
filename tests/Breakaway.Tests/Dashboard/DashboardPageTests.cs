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
        var page = await _therapist.GetDocumentAsync("/admin?who=everyone");

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
    public async Task Dashboard_RowsSayWhyInWords_AndShowAdherenceOnTheRulesWindow()
    {
        var mine = await _therapist.GetDocumentAsync("/admin");
        var page = await _therapist.GetDocumentAsync("/admin?who=everyone");

        // The demo therapist's caseload by default: the two demo patients and every other history patient.
        Assert.Equal(12, mine.QuerySelectorAll("table.dashboard tbody tr").Length);
        Assert.Equal("Adherence, 14 days", page.QuerySelectorAll("table.dashboard thead th")[2].TextContent);
        var rows = page.QuerySelectorAll("table.dashboard tbody tr");
        Assert.Matches("^pain spreading down a leg, (.+ ago|yesterday|just now)$", rows[0].QuerySelector(".attention-reason")!.TextContent);
        Assert.Contains(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r.QuerySelector(".attention-reason")?.TextContent ?? "", @"^pain up from \d\.\d to \d\.\d in a week$"));
        Assert.Contains(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r.QuerySelector(".attention-reason")?.TextContent ?? "", @"^\d+ of \d+ sessions done in 14 days$"));
        // The figure shown is the one the rule judges: adherence over the last 14 clinic days, computed here from the sessions.
        await using var scope = _factory.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<Breakaway.Web.Infrastructure.ClinicClock>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Breakaway.Web.Dashboard.DashboardOptions>>().Value;
        var today = clock.Today();
        var activity = (await scope.ServiceProvider.GetRequiredService<Breakaway.Web.Dashboard.PatientActivityQuery>().LoadAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(p => p.Name);
        foreach (var row in rows)
        {
            var patient = activity[row.QuerySelector("td a")!.TextContent];
            var window = Breakaway.Web.Sessions.Adherence.Compute(patient.Spans, patient.Sessions.Select(s => s.Date).ToHashSet(), today.AddDays(-13), today, today).Percent;
            Assert.Equal(window is { } w ? $"{w}%" : "–", row.QuerySelector(".adherence-figure")?.TextContent ?? "–");
            Assert.Equal(window < options.LowAdherencePercent, Breakaway.Web.Dashboard.AttentionRules.Assess(patient, today, options).LowAdherence);
        }
    }

    [Fact]
    public async Task SeenToday_ClearsANonFlagItem_IsAudited_AndCannotClearARedFlag()
    {
        var page = await _therapist.GetDocumentAsync("/admin?who=everyone");
        var item = page.QuerySelectorAll("table.dashboard tbody tr").First(r => r.QuerySelector("form[action*='Seen']") is not null);
        var name = item.QuerySelector("td a")!.TextContent;
        Assert.Null(page.QuerySelectorAll("table.dashboard tbody tr")[0].QuerySelector("form[action*='Seen']"));

        var response = await _therapist.SubmitAsync("/admin?who=everyone", new Dictionary<string, string>(), $"tr#{item.Id} form[action*='Seen']");

        var after = Html.Parse(await response.BodyAsync());
        var row = after.QuerySelectorAll("table.dashboard tbody tr").Single(r => r.QuerySelector("td a")!.TextContent == name);
        Assert.NotNull(row.QuerySelector(".seen-note"));
        Assert.Contains(await Db(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "dashboard.seen-today");
        // A red flag is acknowledged on the patient's page, not "seen" away: a forged post changes nothing.
        var flagged = await Db(db => db.AttentionSummaries.Where(a => a.Group == Breakaway.Web.Dashboard.AttentionGroup.RedFlag).Select(a => a.PatientId).FirstAsync());
        var token = after.QuerySelector("form[action*='Seen'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await _therapist.PostAsync($"/admin?handler=Seen&patientId={flagged}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Null(await Db(db => db.AttentionSummaries.Where(a => a.PatientId == flagged).Select(a => a.SeenDay).SingleAsync()));
    }

    [Fact]
    public async Task PatientPage_ShowsOneRowPerSessionOfTheMonth_WithChartsAndTheirTables()
    {
        var id = await Db(db => db.Patients.Where(p => p.User.DisplayName == "Ben Sample").Select(p => p.Id).SingleAsync());
        var latest = await Db(db => db.SessionLogs.Where(s => s.PatientId == id).MaxAsync(s => s.Date));
        var month = new DateOnly(latest.Year, latest.Month, 1);
        var inMonth = await Db(db => db.SessionLogs.CountAsync(s => s.PatientId == id && s.Date >= month && s.Date < month.AddMonths(1)));

        var page = await _therapist.GetDocumentAsync($"/admin/patients/{id}");
        var earlier = await _therapist.GetDocumentAsync($"/admin/patients/{id}?month={month.AddMonths(-1):yyyy-MM}");

        Assert.Equal(inMonth, page.QuerySelectorAll(".session-list details").Length);
        Assert.All(page.QuerySelectorAll(".session-list details"), d => Assert.NotEmpty(d.QuerySelectorAll("table.session-exercises tbody tr")));
        Assert.Equal(2, page.QuerySelectorAll(".patient-charts svg.chart").Length);
        Assert.Equal(2, page.QuerySelectorAll(".patient-charts details table").Length);
        Assert.NotEmpty(page.QuerySelectorAll(".pain-toggle input[type=checkbox]"));
        Assert.NotNull(page.QuerySelector("a[rel=prev][href*='month=']"));
        Assert.NotEmpty(earlier.QuerySelectorAll(".session-list details"));
        Assert.Contains(month.AddMonths(-1).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), earlier.QuerySelector("#sessions")!.TextContent, StringComparison.Ordinal);
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
