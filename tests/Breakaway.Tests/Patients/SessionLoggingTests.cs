using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Patients;

/// <summary>
/// The demo patient logs sessions through the real /my form. The fake clock says Wednesday 25 November 2026,
/// 07:00 in the clinic's time zone; the demo program is due Monday to Saturday.
/// </summary>
public sealed class SessionLoggingTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo();
    private HttpClient _patient = null!;

    public async ValueTask InitializeAsync()
    {
        _patient = await SignedIn("patient@demo.test");
    }

    private async Task<HttpClient> SignedIn(string login)
    {
        var client = _factory.CreateClient();
        var response = await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        Assert.Equal("/my", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private async Task<T> Db<T>(Func<BreakawayDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    /// <summary>Pain 2 everywhere (required when sets were done), then the test's own values.</summary>
    private static Dictionary<string, string> Answers(Dictionary<string, string>? values = null)
    {
        var answers = Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "2");
        foreach (var (key, value) in values ?? [])
        {
            answers[key] = value;
        }

        return answers;
    }

    private Task<HttpResponseMessage> Log(Dictionary<string, string>? values = null, HttpClient? client = null) =>
        (client ?? _patient).SubmitAsync("/my", Answers(values), "form.session-form");

    private Task<int> SessionCount(string userName = "patient@demo.test") =>
        Db(db => db.SessionLogs.CountAsync(s => s.Patient.User.UserName == userName));

    [Fact]
    public async Task Today_ShowsEachExerciseWithDoseStepsAndStopCues()
    {
        var page = await _patient.GetDocumentAsync("/my");

        var cards = page.QuerySelectorAll(".exercise-card");
        Assert.Equal(5, cards.Length);
        Assert.Equal("2 sets of 10, hold 5 seconds at the top", cards[1].QuerySelector(".dose")!.TextContent);
        Assert.Equal(3, cards[1].QuerySelectorAll(".stop-box li").Length);
        Assert.NotEmpty(cards[1].QuerySelectorAll("ol.steps li"));
        Assert.NotNull(cards[1].QuerySelector("button[data-hold='5']"));
        Assert.Null(page.QuerySelector(".notice"));
        Assert.NotNull(page.QuerySelector("a[href='/my/help']"));
    }

    [Fact]
    public async Task LogSession_StoresEveryExerciseWithTheVersionAndThePrescribedDose()
    {
        var response = await Log(new() { ["Input.Exercises[1].SetsCompleted"] = "1", ["Input.Exercises[1].Difficulty"] = "TooHard" });

        Assert.Matches(@"^/my/sessions/\d+$", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Session saved", await response.BodyAsync(), StringComparison.Ordinal);
        var session = await Db(db => db.SessionLogs.Include(s => s.Exercises).Include(s => s.ProgramVersion).SingleAsync(s => s.Patient.User.UserName == "patient@demo.test"));
        Assert.Equal(new DateOnly(2026, 11, 25), session.Date);
        Assert.Equal(1, session.ProgramVersion.Number);
        Assert.Equal(5, session.Exercises.Count);
        var bridge = session.Exercises.Single(e => e.Prescribed.HoldSeconds == 5);
        Assert.Equal((1, 10, 2, Difficulty.TooHard), (bridge.SetsCompleted, bridge.RepsPerSet, bridge.Pain!.Value, bridge.Difficulty!.Value));
        Assert.Equal(2, bridge.Prescribed.Sets);
        Assert.Empty(await Db(db => db.RedFlags.ToListAsync()));
    }

    [Fact]
    public async Task DoubleSubmit_StoresOneSession()
    {
        var page = await _patient.GetDocumentAsync("/my");

        var first = await _patient.SubmitAsync(page, Answers(), "form.session-form", "/my");
        var second = await _patient.SubmitAsync(page, Answers(), "form.session-form", "/my");

        Assert.Equal(1, await SessionCount());
        Assert.Equal(first.RequestMessage!.RequestUri, second.RequestMessage!.RequestUri);
    }

    [Fact]
    public async Task ParallelDoubleSubmit_StoresOneSession()
    {
        var page = await _patient.GetDocumentAsync("/my");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _patient.SubmitAsync(page, Answers(), "form.session-form", "/my")));

        Assert.Equal(1, await SessionCount());
    }

    [Theory]
    [InlineData("Input.Exercises[0].Pain", "11", "Pain must be from 0 to 10.")]
    [InlineData("Input.Exercises[0].Pain", "-1", "Pain must be from 0 to 10.")]
    [InlineData("Input.Pain", "11", "Pain must be from 0 to 10.")]
    [InlineData("Input.Exercises[0].RepsPerSet", "0", "Enter the reps you did in each set of the pelvic tilt: a number from 1 to 100.")]
    [InlineData("Input.Exercises[0].RepsPerSet", "100000", "Enter the reps you did in each set of the pelvic tilt: a number from 1 to 100.")]
    [InlineData("Input.Exercises[0].RepsPerSet", "ten", "Enter a number for reps.")]
    [InlineData("Input.Exercises[0].SetsCompleted", "11", "Sets must be a number from 0 to 10.")]
    [InlineData("Input.Exercises[0].SetsCompleted", "two", "Enter a number for sets.")]
    [InlineData("Input.Exercises[0].StopCueId", "999999", "Choose one of the reasons in the list.")]
    public async Task BadInput_IsShownAtTheField_AndNothingIsSaved(string field, string value, string message)
    {
        var response = await Log(new() { [field] = value });

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());
        Assert.Equal(0, await SessionCount());
    }

    [Fact]
    public async Task NoPainAnswerAtAll_AsksOnce_ForTheSession()
    {
        var response = await _patient.SubmitAsync("/my", new Dictionary<string, string>(), "form.session-form");

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal(["Choose how much pain you felt during the session, from 0 to 10."], page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal(0, await SessionCount());
    }

    [Fact]
    public async Task OnePainAnswerForTheSession_IsEnough_AndIsStoredWithTheSession()
    {
        var response = await _patient.SubmitAsync("/my", new Dictionary<string, string> { ["Input.Pain"] = "3", ["Input.Difficulty"] = "TooHard", ["Input.Note"] = " Tired today. " }, "form.session-form");

        Assert.Contains("3 out of 10", Html.Parse(await response.BodyAsync()).Text("main"), StringComparison.Ordinal);
        var session = await Db(db => db.SessionLogs.Include(s => s.Exercises).SingleAsync());
        Assert.Equal((3, Difficulty.TooHard, "Tired today."), (session.Pain, session.Difficulty, session.Note));
        Assert.All(session.Exercises, e => Assert.Null(e.Pain));
        Assert.Empty(await Db(db => db.RedFlags.ToListAsync()));
    }

    [Fact]
    public async Task SessionPainOfSeven_RaisesAFlagForTheSession()
    {
        await _patient.SubmitAsync("/my", new Dictionary<string, string> { ["Input.Pain"] = "7" }, "form.session-form");

        Assert.Equal("pain 7/10 during the session", (await Db(db => db.RedFlags.SingleAsync())).Reasons);
    }

    [Fact]
    public async Task VeryLongNote_IsRefused()
    {
        var response = await Log(new() { ["Input.Exercises[0].Note"] = new string('x', 10_000) });

        Assert.Contains("Please keep your note under 500 characters.", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SessionCount());
    }

    [Fact]
    public async Task AStopCueOfAnotherExercise_IsRefused()
    {
        var otherCue = await Db(db => db.StopCues.Where(c => c.Exercise.Slug == "step-up").Select(c => c.Id).FirstAsync());

        var response = await Log(new() { ["Input.Exercises[0].StopCueId"] = otherCue.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("Choose one of the reasons in the list.", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SessionCount());
    }

    [Fact]
    public async Task ScriptInANote_IsShownAsText()
    {
        var response = await Log(new() { ["Input.Exercises[0].Note"] = "<script>alert('x')</script> felt fine" });

        var html = await response.BodyAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.PainDownLeg", "true")]
    [InlineData("Input.NumbnessOrTingling", "true")]
    [InlineData("Input.BladderOrBowelChange", "true")]
    [InlineData("Input.PainGettingWorse", "true")]
    [InlineData("Input.Exercises[2].Pain", "7")]
    [InlineData("Input.Pain", "7")]
    public async Task RedFlagAnswers_ShowStopAndCall_AndRaiseAFlag(string field, string value)
    {
        var response = await Log(new() { [field] = value });

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal("Please stop these exercises and call the clinic", page.QuerySelector(".alarm h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".alarm a[href='tel:5550100142']"));
        var flag = await Db(db => db.RedFlags.SingleAsync());
        Assert.Null(flag.AcknowledgedUtc);
    }

    [Fact]
    public async Task AStopCueThatMeansPain_RaisesAFlag()
    {
        var painCue = await Db(db => db.StopCues.Where(c => c.Exercise.Slug == "glute-bridge" && c.IsPain).Select(c => c.Id).SingleAsync());

        var response = await Log(new() { ["Input.Exercises[1].StopCueId"] = painCue.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Exercises[1].SetsCompleted"] = "1" });

        Assert.Contains("stopped Glute bridge because of pain", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Single(await Db(db => db.RedFlags.ToListAsync()));
    }

    [Fact]
    public async Task PainOfSix_DoesNotRaiseAFlag()
    {
        var response = await Log(new() { ["Input.Exercises[2].Pain"] = "6" });

        Assert.Null(Html.Parse(await response.BodyAsync()).QuerySelector(".alarm"));
        Assert.Empty(await Db(db => db.RedFlags.ToListAsync()));
    }

    [Fact]
    public async Task AnotherPatient_CannotReadChangeOrDeleteTheSession()
    {
        var logged = await Log();
        var url = logged.RequestMessage!.RequestUri!.AbsolutePath;
        var id = url.Split('/')[^1];
        var other = await SignedIn("patient2@demo.test");
        var token = (await other.GetDocumentAsync("/my")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var read = await other.GetAsync(url, TestContext.Current.CancellationToken);
        var edit = await other.GetAsync($"/my?edit={id}", TestContext.Current.CancellationToken);
        var delete = await other.PostAsync(url + "?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(1, await SessionCount());
    }

    [Fact]
    public async Task Patient_CanCorrectAndDeleteTodaysLog()
    {
        var logged = await Log();
        var id = logged.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1];

        var corrected = await _patient.SubmitAsync($"/my?edit={id}", new Dictionary<string, string> { ["Input.Exercises[0].Pain"] = "4" }, "form.session-form");
        var pain = await Db(db => db.ExerciseLogs.Where(l => l.SessionLogId == long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).OrderBy(l => l.Id).Select(l => l.Pain).FirstAsync());
        var confirm = await _patient.GetDocumentAsync($"/my/sessions/{id}?handler=Delete");
        await _patient.SubmitAsync(confirm, new Dictionary<string, string>(), "form[action*='Delete']", $"/my/sessions/{id}");

        Assert.True(corrected.RequestMessage!.RequestUri!.AbsolutePath.EndsWith($"/my/sessions/{id}", StringComparison.Ordinal), Html.Parse(await corrected.BodyAsync()).QuerySelector("main")!.TextContent);
        Assert.Equal(4, pain);
        Assert.Equal(0, await SessionCount());
    }

    [Fact]
    public async Task YesterdaysLog_CanNoLongerBeChanged()
    {
        var logged = await Log();
        var id = logged.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1];
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        var client = await SignedIn("patient@demo.test");

        var page = await client.GetDocumentAsync($"/my/sessions/{id}");
        var edit = await client.GetAsync($"/my?edit={id}", TestContext.Current.CancellationToken);

        Assert.Null(page.QuerySelector("form[action*='Delete']"));
        Assert.Null(page.QuerySelector("a[href*='handler=Delete']"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task RestDay_SaysSo_AndASessionStillCountsAsAnExtra()
    {
        _factory.Clock.Advance(TimeSpan.FromDays(4)); // Sunday 29 November.
        var client = await SignedIn("patient@demo.test");

        var page = await client.GetDocumentAsync("/my");
        var response = await Log(client: client);
        var progress = await client.GetDocumentAsync("/my/progress");

        Assert.Contains("Today is a rest day. Your next session is on Monday 30 November.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^/my/sessions/\d+$", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("plus 1 extra", progress.QuerySelector("section[aria-labelledby=calendar-title] p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_MatchesAHandCountedWeek()
    {
        // Sessions logged on Wed 25 (today); then Thu 26 and Sat 28; view on Mon 30 November.
        await Log();
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        await Log(client: await SignedIn("patient@demo.test"));
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        await Log(client: await SignedIn("patient@demo.test"));
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        var client = await SignedIn("patient@demo.test");

        var page = await client.GetDocumentAsync("/my/progress");

        // The program took effect Wed 25: due Wed, Thu, Fri, Sat = 4; done 3. Monday 30 (today) not done yet.
        Assert.Equal("You did 3 of 4 planned sessions (75%).", page.QuerySelector("section[aria-labelledby=calendar-title] p")!.TextContent.Trim());
        Assert.Equal("0 of 6 sessions", page.QuerySelector(".big-number")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("td.day-done").Length);
        Assert.Single(page.QuerySelectorAll("td.day-missed"));
        Assert.Equal(5, page.QuerySelectorAll("section[aria-labelledby=pain-title] svg[role=img]").Length);
        Assert.Equal(5, page.QuerySelectorAll("section[aria-labelledby=pain-title] details table").Length);
    }

    [Fact]
    public async Task Post_DeleteSession_AsksForConfirmation_ThenAudits()
    {
        var logged = await Log();
        var id = logged.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1];
        var saved = Html.Parse(await logged.BodyAsync());

        var link = saved.QuerySelector("a.button-danger")?.GetAttribute("href");
        Assert.NotNull(link);
        var confirm = await _patient.GetDocumentAsync(link);
        var countWhileAsking = await SessionCount();
        var deleted = await _patient.SubmitAsync(confirm, new Dictionary<string, string>(), "form[action*='Delete']", link);

        Assert.Null(saved.QuerySelector("form[action*='Delete']")); // One tap never deletes: the session page only links to the question.
        Assert.Equal("Delete this session?", confirm.Text("h1"));
        Assert.Equal(1, countWhileAsking);
        Assert.Equal("/my", deleted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(0, await SessionCount());
        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "session.deleted"));
        Assert.Equal($"session {id}", entry.Detail);
        Assert.NotNull(entry.PatientId);
    }

    [Fact]
    public async Task Post_EditSession_IsAudited()
    {
        var logged = await Log();
        var id = logged.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1];

        await _patient.SubmitAsync($"/my?edit={id}", new Dictionary<string, string> { ["Input.Exercises[0].Pain"] = "4" }, "form.session-form");

        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "session.edited"));
        Assert.Equal($"session {id}", entry.Detail);
    }

    [Fact]
    public async Task Post_SecondSessionSameDay_AsksFirst()
    {
        await Log();

        var asked = await Log(new() { ["Input.Exercises[0].Note"] = "second go today" });
        var page = Html.Parse(await asked.BodyAsync());
        var countWhileAsking = await SessionCount();
        var confirmed = await _patient.SubmitAsync(page, Answers(new() { ["Input.AnotherToday"] = "true" }), "form.session-form", "/my");
        var tappedTwice = await _patient.SubmitAsync(page, Answers(new() { ["Input.AnotherToday"] = "true" }), "form.session-form", "/my");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("You already logged a session today", page.Text("#another-today"), StringComparison.Ordinal);
        Assert.Contains("Add another session today?", page.Text("#another-today"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#another-today button[name='Input.AnotherToday'][value=true]"));
        Assert.Equal("second go today", page.QuerySelector("#Input_Exercises_0__Note")!.TextContent); // Nothing typed is lost.
        Assert.Equal(1, countWhileAsking);
        Assert.Matches(@"^/my/sessions/\d+$", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(confirmed.RequestMessage.RequestUri, tappedTwice.RequestMessage!.RequestUri);
        Assert.Equal(2, await SessionCount());
        Assert.Contains(await Db(db => db.ExerciseLogs.Select(l => l.Note).ToListAsync()), n => n == "second go today");
    }

    [Fact]
    public async Task Post_SameExerciseTwice_IsAValidationError()
    {
        var page = await _patient.GetDocumentAsync("/my");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.session-form")!;
        var fields = Forms.Fields(form, Answers());
        var first = fields.Single(f => f.Key == "Input.Exercises[0].ProgramExerciseId").Value;
        fields = [.. fields.Select(f => f.Key == "Input.Exercises[1].ProgramExerciseId" ? new KeyValuePair<string, string>(f.Key, first) : f)];

        var response = await _patient.PostAsync("/my", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Html.Parse(await response.BodyAsync());
        Assert.Contains("The form listed one exercise twice", result.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(0, await SessionCount());
    }

    [Fact]
    public async Task Post_FailedForm_ShowsErrorSummaryAndErrorTitle()
    {
        var response = await Log(new() { ["Input.Exercises[2].Pain"] = "", ["Input.Exercises[0].RepsPerSet"] = "0" });

        var page = Html.Parse(await response.BodyAsync());
        var summary = page.QuerySelector("main > .error-summary[tabindex='-1']");
        Assert.NotNull(summary);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Same(summary, page.QuerySelector("main")!.QuerySelectorAll("form, .error-summary, h1")[0]); // Above the form.
        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent);
        var links = summary.QuerySelectorAll("a").Select(a => (Href: a.GetAttribute("href")!, a.TextContent)).ToList();
        Assert.Contains(("#Input_Pain", "Choose how much pain you felt during the session, from 0 to 10."), links);
        Assert.Contains(("#Input_Exercises_0__RepsPerSet", "Enter the reps you did in each set of the pelvic tilt: a number from 1 to 100."), links);
        Assert.All(links, l => Assert.NotNull(page.GetElementById(l.Href[1..])));
        Assert.DoesNotContain("Error:", (await _patient.GetDocumentAsync("/my")).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedSession_IsListedAsCards_NotATableThatSqueezesOnAPhone()
    {
        var response = await Log(new() { ["Input.Exercises[2].Pain"] = "6" });

        var page = Html.Parse(await response.BodyAsync());
        Assert.Null(page.QuerySelector("main table"));
        var cards = page.QuerySelectorAll(".logged-list > li");
        Assert.Equal(5, cards.Length);
        Assert.Contains("6 out of 10", cards[2].QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _patient.Dispose();
        await _factory.DisposeAsync();
    }
}
