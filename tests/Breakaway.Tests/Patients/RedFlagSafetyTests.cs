using System.Data.Common;
using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Patients;

/// <summary>
/// A red flag cannot be erased: not by deleting or changing its session, whatever the request, and never lost between
/// two writes. The therapist sees it with the patient's phone number and records what was done about it.
/// </summary>
public sealed class RedFlagSafetyTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");
    private HttpClient _patient = null!;

    public async ValueTask InitializeAsync()
    {
        _patient = await SignedIn(_factory, "patient@demo.test");
    }

    private static async Task<HttpClient> SignedIn(BreakawayFactory factory, string login)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        return client;
    }

    private async Task<T> Db<T>(Func<BreakawayDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    private static Dictionary<string, string> RedFlagAnswers() => new(Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "2"))
    {
        ["Input.NumbnessOrTingling"] = "true",
    };

    /// <summary>Logs a session that raises a flag; returns its id.</summary>
    private async Task<long> LogRedFlagAsync(HttpClient? client = null)
    {
        var response = await (client ?? _patient).SubmitAsync("/my", RedFlagAnswers(), "form.session-form");
        Assert.Contains("Please stop these exercises", await response.BodyAsync(), StringComparison.Ordinal);
        return long.Parse(response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> DemoPatientId() => Db(db => db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.Id).SingleAsync());

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Post_DeleteSessionWithOpenRedFlag_IsRefused_AndFlagStays()
    {
        var id = await LogRedFlagAsync();
        var url = $"/my/sessions/{id}";
        var page = await _patient.GetDocumentAsync(url);
        var token = await TokenAsync(_patient, url);

        var asked = await _patient.GetAsync(url + "?handler=Delete", TestContext.Current.CancellationToken);
        var crafted = await _patient.PostAsync(url + "?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Null(page.QuerySelector("a[href*='handler=Delete'], form[action*='Delete']"));
        Assert.Null(page.QuerySelector("a[href*='edit=']"));
        Assert.NotNull(page.QuerySelector("form[action*='Note'] textarea[name=note]"));
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, crafted.StatusCode);
        Assert.Contains("cannot be deleted", Html.Parse(await crafted.BodyAsync()).Text("main [role=alert]"), StringComparison.Ordinal);
        Assert.Equal(1, await Db(db => db.SessionLogs.CountAsync(s => s.Id == id)));
        var flag = await Db(db => db.RedFlags.SingleAsync(f => f.SessionLogId == id));
        Assert.Null(flag.AcknowledgedUtc);
        Assert.False(await Db(db => db.AuditEntries.AnyAsync(a => a.Action == "session.deleted")));
    }

    [Fact]
    public async Task Post_DeleteSessionWithAcknowledgedRedFlag_IsStillRefused()
    {
        var id = await LogRedFlagAsync();
        await Db(db => db.RedFlags.Where(f => f.SessionLogId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.AcknowledgedUtc, _factory.Clock.GetUtcNow().UtcDateTime)));
        var token = await TokenAsync(_patient, $"/my/sessions/{id}");

        var crafted = await _patient.PostAsync($"/my/sessions/{id}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, crafted.StatusCode);
        Assert.Equal(1, await Db(db => db.RedFlags.CountAsync(f => f.SessionLogId == id)));
    }

    [Fact]
    public async Task Post_EditSessionWithOpenRedFlag_IsRefused_AndTheAnswersStay()
    {
        var id = await LogRedFlagAsync();
        var form = await _patient.GetDocumentAsync("/my");
        var edit = await _patient.GetAsync($"/my?edit={id}", TestContext.Current.CancellationToken);

        // A crafted edit: today's form with the flagged session's id and the warning sign unticked.
        var values = new Dictionary<string, string>(Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "1"))
        {
            ["Input.EditSessionId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AnotherToday"] = "true",
        };
        var crafted = await _patient.SubmitAsync(form, values, "form.session-form", "/my");

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Null(Html.Parse(await edit.BodyAsync()).QuerySelector("form.session-form"));
        Assert.Equal(HttpStatusCode.Conflict, crafted.StatusCode);
        Assert.Contains("This session cannot be changed", await crafted.BodyAsync(), StringComparison.Ordinal);
        var session = await Db(db => db.SessionLogs.Include(s => s.Exercises).SingleAsync(s => s.Id == id));
        Assert.Equal(RedFlagSigns.NumbnessOrTingling, session.Signs);
        Assert.All(session.Exercises, e => Assert.Equal(2, e.Pain));
        Assert.Null(session.UpdatedUtc);
        Assert.Null((await Db(db => db.RedFlags.SingleAsync(f => f.SessionLogId == id))).AcknowledgedUtc);
    }

    /// <summary>Fails the write of the red flag, as a crash or a full disk between two writes would.</summary>
    private sealed class RedFlagWriteFails : DbCommandInterceptor
    {
        private static void Check(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"RedFlags\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Simulated failure while writing the red flag.");
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Post_Log_RedFlagAndSession_CommitTogether()
    {
        var failing = new RedFlagWriteFails();
        using var site = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            if (_factory.Database.Provider == nameof(DatabaseProvider.Postgres))
            {
                s.ConfigureDbContext<PostgresBreakawayDbContext>(o => o.AddInterceptors(failing));
            }
            else
            {
                s.ConfigureDbContext<SqliteBreakawayDbContext>(o => o.AddInterceptors(failing));
            }
        }));
        var patient = site.CreateClient();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        HttpResponseMessage? response = null;
        var thrown = await Record.ExceptionAsync(async () => response = await patient.SubmitAsync("/my", RedFlagAnswers(), "form.session-form"));

        Assert.True(thrown is not null || response!.StatusCode == HttpStatusCode.InternalServerError, $"answered {response?.StatusCode}");
        // The flag could not be written, so the session was not stored either: the patient sees an error and can try again.
        Assert.Equal(0, await Db(db => db.SessionLogs.CountAsync()));
        Assert.Equal(0, await Db(db => db.RedFlags.CountAsync()));
    }

    [Fact]
    public async Task Post_NoteOnFlaggedSession_IsStored_AndShownToTheTherapist()
    {
        var id = await LogRedFlagAsync();
        var therapist = await SignedIn(_factory, "therapist@demo.test");

        var empty = await _patient.SubmitAsync($"/my/sessions/{id}", new Dictionary<string, string> { ["note"] = " " }, "form[action*='Note']");
        var saved = await _patient.SubmitAsync($"/my/sessions/{id}", new Dictionary<string, string> { ["note"] = "I ticked numbness by mistake." }, "form[action*='Note']");
        var staffPage = await therapist.GetDocumentAsync($"/admin/patients/{await DemoPatientId()}");

        Assert.Contains("Write your note first.", Html.Parse(await empty.BodyAsync()).Text(".error-summary"), StringComparison.Ordinal);
        Assert.Contains("I ticked numbness by mistake.", Html.Parse(await saved.BodyAsync()).Text("#notes"), StringComparison.Ordinal);
        Assert.Contains("I ticked numbness by mistake.", staffPage.Text(".flag-open .patient-note"), StringComparison.Ordinal);
        // And in the session's own row of the history, marked as having a note.
        var row = staffPage.QuerySelectorAll(".session-list details").Single(d => d.TextContent.Contains("I ticked numbness by mistake.", StringComparison.Ordinal));
        Assert.Contains("Note", row.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "session.note-added"));
        Assert.Equal($"session {id}", entry.Detail);
    }

    [Fact]
    public async Task Post_Acknowledge_WithoutNote_ShowsError()
    {
        await LogRedFlagAsync();
        var therapist = await SignedIn(_factory, "therapist@demo.test");
        var url = $"/admin/patients/{await DemoPatientId()}";
        var flagId = await Db(db => db.RedFlags.Select(f => f.Id).SingleAsync());

        var response = await therapist.SubmitAsync(url, new Dictionary<string, string>(), "form[action*='Acknowledge']");

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var link = page.QuerySelector(".error-summary a")!;
        Assert.Equal("Choose what you did about this red flag.", link.TextContent);
        Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
        Assert.Equal($"#flag-{flagId}-outcome", link.GetAttribute("href"));
        Assert.Null((await Db(db => db.RedFlags.SingleAsync())).AcknowledgedUtc);
    }

    [Fact]
    public async Task Post_Acknowledge_WithWhatWasDone_IsStoredAndShown()
    {
        await LogRedFlagAsync();
        var therapist = await SignedIn(_factory, "therapist@demo.test");
        var url = $"/admin/patients/{await DemoPatientId()}";

        var other = await therapist.SubmitAsync(url, new Dictionary<string, string> { ["outcome"] = "Other" }, "form[action*='Acknowledge']");
        var response = await therapist.SubmitAsync(url, new Dictionary<string, string> { ["outcome"] = "AdvisedUrgentCare", ["outcomeNote"] = "Sent to urgent care today." }, "form[action*='Acknowledge']");

        Assert.Contains("Say in a few words what you did.", Html.Parse(await other.BodyAsync()).Text(".error-summary"), StringComparison.Ordinal);
        var page = Html.Parse(await response.BodyAsync());
        var done = page.Text(".flag-done");
        Assert.Contains("Acknowledged by Demo Therapist", done, StringComparison.Ordinal);
        Assert.Contains("Advised urgent care", done, StringComparison.Ordinal);
        Assert.Contains("Sent to urgent care today.", done, StringComparison.Ordinal);
        var flag = await Db(db => db.RedFlags.SingleAsync());
        Assert.Equal((FlagOutcome.AdvisedUrgentCare, "Sent to urgent care today."), (flag.Outcome!.Value, flag.OutcomeNote!));
        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "red-flag.acknowledged"));
        Assert.DoesNotContain("urgent care today", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientPhone_ShownNextToFlag()
    {
        await LogRedFlagAsync();
        var therapist = await SignedIn(_factory, "therapist@demo.test");
        var url = $"/admin/patients/{await DemoPatientId()}";
        var before = await therapist.GetDocumentAsync(url);

        var bad = await therapist.SubmitAsync(url, new Dictionary<string, string> { ["phone"] = "call me <maybe>" }, "form[action*='Phone']");
        await therapist.SubmitAsync(url, new Dictionary<string, string> { ["phone"] = "+1 (555) 010-0199" }, "form[action*='Phone']");
        var after = await therapist.GetDocumentAsync(url);

        Assert.Contains("No phone number on record", before.Text(".flag-open .flag-call"), StringComparison.Ordinal);
        var badBody = await bad.BodyAsync();
        Assert.True(Html.Parse(badBody).QuerySelector(".error-summary") is not null, $"{(int)bad.StatusCode} {bad.RequestMessage!.RequestUri}: {badBody[..Math.Min(badBody.Length, 3000)]}");
        Assert.Contains("Enter a phone number using digits", Html.Parse(badBody).Text(".error-summary"), StringComparison.Ordinal);
        var call = after.QuerySelector(".flag-open .flag-call a[href^='tel:']")!;
        Assert.Equal("tel:+15550100199", call.GetAttribute("href"));
        Assert.Equal("+1 (555) 010-0199", call.TextContent);
        Assert.Equal("+1 (555) 010-0199", await Db(db => db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.Phone).SingleAsync()));
        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "patient.phone-changed"));
        Assert.Null(entry.Detail);
    }

    [Fact]
    public async Task NewPatient_WithPhone_IsStored_AndABadPhoneIsRefused()
    {
        var therapist = await SignedIn(_factory, "therapist@demo.test");

        var bad = await therapist.SubmitAsync("/admin/patients/new", new Dictionary<string, string> { ["Input.DisplayName"] = "Phone Tester", ["Input.Phone"] = "555-0100 ext. twelve" });
        var good = await therapist.SubmitAsync("/admin/patients/new", new Dictionary<string, string> { ["Input.DisplayName"] = "Phone Tester", ["Input.Phone"] = "555 0100" });

        Assert.Contains("Enter a phone number using digits", Html.Parse(await bad.BodyAsync()).Text(".error-summary a[href='#Input_Phone']"), StringComparison.Ordinal);
        var page = Html.Parse(await good.BodyAsync());
        Assert.Equal("tel:5550100", page.QuerySelector(".facts a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal("555 0100", await Db(db => db.Patients.Where(p => p.User.DisplayName == "Phone Tester").Select(p => p.Phone).SingleAsync()));
    }

    [Fact]
    public async Task PatientPage_TimesAreClinicTime_AndNoVersionIsAssignedByUnknown()
    {
        await LogRedFlagAsync(); // 12:00 UTC is 07:00 in New York, the clinic's zone.
        var therapist = await SignedIn(_factory, "therapist@demo.test");

        var page = await therapist.GetDocumentAsync($"/admin/patients/{await DemoPatientId()}");

        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("25 Nov 2026 07:00", page.Text(".flag-open"), StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", main, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", main, StringComparison.Ordinal);
        Assert.Contains("by Demo Therapist", page.Text(".versions summary"), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _patient.Dispose();
        await _factory.DisposeAsync();
    }
}
