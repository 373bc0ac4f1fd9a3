using System.Net;
using Breakaway.Tests.Accounts;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Data.Seed;
using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Programs;

public sealed class ProgramBuilderTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");
    private HttpClient _therapist = null!;

    public async ValueTask InitializeAsync()
    {
        _therapist = _factory.CreateClient();
        await _therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
    }

    private async Task<T> Db<T>(Func<BreakawayDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    private Task<int> TemplateId() => Db(db => db.Programs.Where(p => p.IsTemplate && p.Title == ProgramSeeder.GluteTemplateTitle).Select(p => p.Id).SingleAsync());

    /// <summary>A new patient with a program started from the glute template; returns (patientId, programId).</summary>
    private async Task<(int PatientId, int ProgramId)> NewPatientWithTemplateProgram()
    {
        var user = await _factory.CreateUserAsync("p" + Guid.NewGuid().ToString("N")[..8], Roles.Patient, patient: true);
        var patientId = await Db(db => db.Patients.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        var response = await _therapist.SubmitAsync($"/admin/patients/{patientId}", new Dictionary<string, string>
        {
            ["templateId"] = (await TemplateId()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form[action*='StartProgram']");
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/admin/programs/\d+$", path);
        return (patientId, int.Parse(path.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Template_HasTheFourGluteExercisesAtTheFactSheetDoses_PlusAWarmUp()
    {
        var version = await Db(async db => await db.ProgramVersions.Include(v => v.Exercises).ThenInclude(e => e.Exercise)
            .SingleAsync(v => v.Program.Title == ProgramSeeder.GluteTemplateTitle && v.Program.IsTemplate));

        var doses = version.Exercises.OrderBy(e => e.Order).Select(e => $"{e.Exercise.Slug}: {e.Dose.Describe(e.Exercise.SideName, e.Exercise.HoldAt)}").ToList();
        Assert.Equal(
        [
            "pelvic-tilt: 1 set of 10, hold 2 seconds with your back flat",
            "glute-bridge: 2 sets of 10, hold 5 seconds at the top",
            "locked-clamshell: 2 sets of 15 on each side",
            "quadruped-fire-hydrant: 2 sets of 12 on each leg",
            "quadruped-donkey-kick: 2 sets of 12 on each leg",
        ], doses);
    }

    [Fact]
    public async Task DemoPatients_HaveTheirPrograms()
    {
        var demo = await Db(db => db.ProgramVersions.Where(v => v.Program.Patient!.User.UserName == "patient@demo.test" && v.PublishedUtc != null).Include(v => v.Exercises).SingleAsync());
        var other = await Db(db => db.Programs.Where(p => p.Patient!.User.UserName == "patient2@demo.test").Select(p => p.Title).SingleAsync());

        Assert.Equal(WeekDays.MondayToSaturday, demo.Days);
        Assert.Equal("Every day except Sunday", demo.Describe());
        Assert.Equal(5, demo.Exercises.Count);
        Assert.NotEqual(ProgramSeeder.GluteTemplateTitle, other);
    }

    [Fact]
    public async Task StartFromTemplate_DoubleSubmitted_CreatesOneProgram()
    {
        var user = await _factory.CreateUserAsync("double" + Guid.NewGuid().ToString("N")[..6], Roles.Patient, patient: true);
        var patientId = await Db(db => db.Patients.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        var page = await _therapist.GetDocumentAsync($"/admin/patients/{patientId}");
        var values = new Dictionary<string, string> { ["templateId"] = (await TemplateId()).ToString(System.Globalization.CultureInfo.InvariantCulture) };

        await _therapist.SubmitAsync(page, values, "form[action*='StartProgram']", $"/admin/patients/{patientId}");
        await _therapist.SubmitAsync(page, values, "form[action*='StartProgram']", $"/admin/patients/{patientId}");

        Assert.Equal(1, await Db(db => db.Programs.CountAsync(p => p.PatientId == patientId)));
    }

    [Theory]
    [InlineData("Sets", "0", "Sets must be from 1 to 10.")]
    [InlineData("Sets", "11", "Sets must be from 1 to 10.")]
    [InlineData("Reps", "0", "Reps must be from 1 to 100.")]
    [InlineData("Reps", "101", "Reps must be from 1 to 100.")]
    [InlineData("HoldSeconds", "-1", "Hold must be from 0 to 300 seconds.")]
    [InlineData("HoldSeconds", "301", "Hold must be from 0 to 300 seconds.")]
    [InlineData("Reps", "ten", "Enter a number for Reps.")]
    [InlineData("Sets", "", "Enter a number here.")]
    public async Task Builder_OutOfRangeOrNonNumericDose_ShowsTheMessageAtTheField_AndSavesNothing(string field, string value, string message)
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var before = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId).OrderBy(e => e.Order).Select(e => e.Dose).ToListAsync());

        var response = await _therapist.SubmitWithHandler(programId, "Save", new Dictionary<string, string>
        {
            [$"Rows[1].{field}"] = value,
            ["Rows[0].Note"] = "this note must not be saved either",
        });

        var page = Html.Parse(await response.BodyAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for='Rows[1].{field}']")!.TextContent.Trim());
        Assert.Equal(value, page.QuerySelector($"#Rows_1__{field}")!.GetAttribute("value"));
        var after = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId).OrderBy(e => e.Order).Select(e => e.Dose).ToListAsync());
        Assert.Equal(before, after);
        Assert.False(await Db(db => db.ProgramExercises.AnyAsync(e => e.Note == "this note must not be saved either")));
    }

    [Fact]
    public async Task Builder_TunedDose_IsSavedAndShownInPlainWords()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();

        await _therapist.SubmitWithHandler(programId, "Save", new Dictionary<string, string>
        {
            ["Rows[1].Sets"] = "3",
            ["Rows[1].Reps"] = "8",
            ["Rows[1].HoldSeconds"] = "10",
            ["Rows[1].Resistance"] = "light band",
            ["Rows[1].Note"] = "Keep your ribs down.",
        });

        var bridge = await Db(db => db.ProgramExercises.Include(e => e.Exercise).SingleAsync(e => e.Version.ProgramId == programId && e.Exercise.Slug == "glute-bridge"));
        Assert.Equal("3 sets of 8, hold 10 seconds at the top", bridge.Dose.Describe(bridge.Exercise.SideName, bridge.Exercise.HoldAt));
        Assert.Equal("light band", bridge.Resistance);
        Assert.Equal("Keep your ribs down.", bridge.Note);
    }

    [Fact]
    public async Task Builder_MoveAndRemove_WorkWithoutJavaScript()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var page = await _therapist.GetDocumentAsync($"/admin/programs/{programId}");
        var moveDown = page.QuerySelectorAll("button[name=target]").First(b => b.TextContent.StartsWith("Move down", StringComparison.Ordinal));

        await _therapist.SubmitWithHandler(programId, "Move", new Dictionary<string, string> { ["target"] = moveDown.GetAttribute("value")! });
        var afterMove = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId).OrderBy(e => e.Order).Select(e => e.Exercise.Slug).ToListAsync());
        var bridgeRow = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId && e.Exercise.Slug == "glute-bridge").Select(e => e.Id).SingleAsync());
        await _therapist.SubmitWithHandler(programId, "Remove", new Dictionary<string, string> { ["target"] = bridgeRow.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var afterRemove = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId).OrderBy(e => e.Order).Select(e => new { e.Exercise.Slug, e.Order }).ToListAsync());

        Assert.Equal(["glute-bridge", "pelvic-tilt", "locked-clamshell", "quadruped-fire-hydrant", "quadruped-donkey-kick"], afterMove);
        Assert.Equal(["pelvic-tilt", "locked-clamshell", "quadruped-fire-hydrant", "quadruped-donkey-kick"], afterRemove.Select(r => r.Slug));
        Assert.Equal([1, 2, 3, 4], afterRemove.Select(r => r.Order));
    }

    [Fact]
    public async Task Builder_RowOrExerciseFromNowhere_IsRefused()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();

        var move = await _therapist.SubmitWithHandler(programId, "Move", new Dictionary<string, string> { ["target"] = "999999:up" });
        var remove = await _therapist.SubmitWithHandler(programId, "Remove", new Dictionary<string, string> { ["target"] = "999999" });
        var add = await _therapist.SubmitWithHandler(programId, "Add", new Dictionary<string, string> { ["exerciseId"] = "999999" });
        var duplicate = await _therapist.SubmitWithHandler(programId, "Duplicate", new Dictionary<string, string> { ["target"] = "999999" });

        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal("That exercise is not in the library.", Html.Parse(await add.BodyAsync()).QuerySelector("[data-valmsg-for='exerciseId']")!.TextContent);
        Assert.Equal(5, await Db(db => db.ProgramExercises.CountAsync(e => e.Version.ProgramId == programId)));
    }

    [Fact]
    public async Task Builder_RemoveThenUndo_PutsTheRowBackAtItsPlaceWithTheDoseItHad_WithoutJavaScript()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var bridgeRow = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId && e.Exercise.Slug == "glute-bridge").Select(e => e.Id).SingleAsync());

        var removed = await _therapist.SubmitWithHandler(programId, "Remove", new Dictionary<string, string>
        {
            ["target"] = bridgeRow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rows[1].Reps"] = "13",
        });
        var page = Html.Parse(await removed.BodyAsync());
        var afterRemove = await Db(db => db.ProgramExercises.CountAsync(e => e.Version.ProgramId == programId));
        await _therapist.SubmitWithHandler(programId, "Undo", [], page);
        var afterUndo = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId).OrderBy(e => e.Order).Select(e => new { e.Exercise.Slug, e.Dose.Reps }).ToListAsync());

        Assert.Equal(4, afterRemove);
        Assert.Equal("Removed Glute bridge.", page.QuerySelector(".removed-row p")!.TextContent);
        Assert.Equal(["pelvic-tilt", "glute-bridge", "locked-clamshell", "quadruped-fire-hydrant", "quadruped-donkey-kick"], afterUndo.Select(r => r.Slug));
        Assert.Equal(13, afterUndo[1].Reps);
    }

    [Fact]
    public async Task Builder_WithTheFragmentHeader_AnswersWithTheFormAlone_AndDuplicatePutsTheCopyBelow()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var bridgeRow = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId && e.Exercise.Slug == "glute-bridge").Select(e => e.Id).SingleAsync());
        var page = await _therapist.GetDocumentAsync($"/admin/programs/{programId}");
        var fields = Forms.Fields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.builder")!,
            new Dictionary<string, string> { ["target"] = bridgeRow.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rows[1].Sets"] = "3" });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/programs/{programId}?handler=Duplicate") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Builder-Fragment", "1");

        var response = await _therapist.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.BodyAsync();
        var rows = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == programId).OrderBy(e => e.Order).Select(e => new { e.Exercise.Slug, e.Dose.Sets }).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<form", body.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
        var form = Html.Parse(body).QuerySelector("form.builder")!;
        Assert.Equal("Rows_2__Sets", form.GetAttribute("data-focus"));
        Assert.StartsWith("Added a second Glute bridge", form.GetAttribute("data-message"), StringComparison.Ordinal);
        Assert.Equal(["pelvic-tilt", "glute-bridge", "glute-bridge", "locked-clamshell", "quadruped-fire-hydrant", "quadruped-donkey-kick"], rows.Select(r => r.Slug));
        Assert.Equal([3, 3], rows.Where(r => r.Slug == "glute-bridge").Select(r => r.Sets));

        // A dose out of range, sent the same way: the form comes back with the message at the field and the error summary.
        using var invalid = new HttpRequestMessage(HttpMethod.Post, $"/admin/programs/{programId}?handler=Save")
        {
            Content = new FormUrlEncodedContent(Forms.Fields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.builder")!, new Dictionary<string, string> { ["Rows[0].Sets"] = "0" })),
        };
        invalid.Headers.Add("X-Builder-Fragment", "1");
        var refused = Html.Parse(await (await _therapist.SendAsync(invalid, TestContext.Current.CancellationToken)).BodyAsync());
        Assert.Equal("Sets must be from 1 to 10.", refused.QuerySelector("[data-valmsg-for='Rows[0].Sets']")!.TextContent);
        Assert.NotNull(refused.QuerySelector("form.builder [data-error-summary]"));
    }

    [Fact]
    public async Task Builder_AddingTheSameExerciseTwice_KeepsOneRow()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var squat = await Db(db => db.Exercises.Where(e => e.Slug == "bodyweight-squat").Select(e => e.Id).SingleAsync());
        var values = new Dictionary<string, string> { ["exerciseId"] = squat.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        await _therapist.SubmitWithHandler(programId, "Add", values);
        await _therapist.SubmitWithHandler(programId, "Add", values);

        Assert.Equal(1, await Db(db => db.ProgramExercises.CountAsync(e => e.Version.ProgramId == programId && e.ExerciseId == squat)));
    }

    [Fact]
    public async Task Versions_EditingAnAssignedProgram_KeepsTheEarlierVersionAndItsDoses()
    {
        var (patientId, programId) = await NewPatientWithTemplateProgram();
        await _therapist.SubmitWithHandler(programId, "Publish", []);
        await _therapist.SubmitAsync($"/admin/programs/{programId}", new Dictionary<string, string>(), "form[action*='Edit']");

        await _therapist.SubmitWithHandler(programId, "Publish", new Dictionary<string, string> { ["Rows[1].Reps"] = "15", ["Rows[1].Sets"] = "3" });

        var versions = await Db(db => db.ProgramVersions.Where(v => v.ProgramId == programId).Include(v => v.Exercises).ThenInclude(e => e.Exercise).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(2, versions[0].Exercises.Single(e => e.Exercise.Slug == "glute-bridge").Dose.Sets);
        Assert.Equal(10, versions[0].Exercises.Single(e => e.Exercise.Slug == "glute-bridge").Dose.Reps);
        Assert.Equal(15, versions[1].Exercises.Single(e => e.Exercise.Slug == "glute-bridge").Dose.Reps);
        var patientPage = await _therapist.GetDocumentAsync($"/admin/patients/{patientId}");
        Assert.Equal(2, patientPage.QuerySelectorAll("ol.versions > li").Length);
    }

    [Fact]
    public async Task Publish_Twice_CreatesOneVersion()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var page = await _therapist.GetDocumentAsync($"/admin/programs/{programId}");

        await _therapist.SubmitWithHandler(programId, "Publish", [], page);
        await _therapist.SubmitWithHandler(programId, "Publish", [], page);

        Assert.Equal(1, await Db(db => db.ProgramVersions.CountAsync(v => v.ProgramId == programId)));
    }

    [Fact]
    public async Task Template_RoundTrip_SavedProgramBecomesATemplateWithTheSameDoses()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        await _therapist.SubmitWithHandler(programId, "Save", new Dictionary<string, string> { ["Rows[2].Reps"] = "20" });
        var name = "Clamshell heavy " + Guid.NewGuid().ToString("N")[..4];

        await _therapist.SubmitWithHandler(programId, "SaveAsTemplate", new Dictionary<string, string> { ["templateTitle"] = name });
        var templateId = await Db(db => db.Programs.Where(p => p.IsTemplate && p.Title == name).Select(p => p.Id).SingleAsync());
        var (_, fromTemplate) = await NewPatientWithTemplateProgramFrom(templateId);

        var doses = await Db(db => db.ProgramExercises.Where(e => e.Version.ProgramId == fromTemplate).OrderBy(e => e.Order).Select(e => e.Dose.Reps).ToListAsync());
        Assert.Equal([10, 10, 20, 12, 12], doses);
    }

    private async Task<(int, int)> NewPatientWithTemplateProgramFrom(int templateId)
    {
        var user = await _factory.CreateUserAsync("t" + Guid.NewGuid().ToString("N")[..8], Roles.Patient, patient: true);
        var patientId = await Db(db => db.Patients.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        var response = await _therapist.SubmitAsync($"/admin/patients/{patientId}", new Dictionary<string, string>
        {
            ["templateId"] = templateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form[action*='StartProgram']");
        return (patientId, int.Parse(response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PatientSeesExactlyTheTunedDoses_AndTheAssignedReading()
    {
        var user = await _factory.CreateUserAsync("sees" + Guid.NewGuid().ToString("N")[..6], Roles.Patient, patient: true);
        var patientId = await Db(db => db.Patients.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        var started = await _therapist.SubmitAsync($"/admin/patients/{patientId}", new Dictionary<string, string>
        {
            ["templateId"] = (await TemplateId()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form[action*='StartProgram']");
        var programId = int.Parse(started.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await _therapist.SubmitWithHandler(programId, "Publish", new Dictionary<string, string> { ["Rows[1].Reps"] = "12", ["Rows[1].Note"] = "Slow on the way down." });
        await _therapist.SubmitAsync($"/admin/patients/{patientId}", new Dictionary<string, string> { ["slug"] = "signs-of-weak-glutes" }, "form[action*='AssignReading']");

        var patient = _factory.CreateClient();
        await patient.SignInAsync(user.UserName!, AccountHelpers.Password);
        var my = await patient.GetDocumentAsync("/my");

        var doses = my.QuerySelectorAll(".exercise-card .dose").Select(d => d.TextContent).ToList();
        Assert.Equal("2 sets of 12, hold 5 seconds at the top", doses[1]);
        Assert.Contains("Slow on the way down.", my.QuerySelectorAll(".therapist-note")[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(my.QuerySelector("a[href='/tips/signs-of-weak-glutes']"));
    }

    [Fact]
    public async Task EveryBuilderAction_IsAuditLogged_WithThePatient()
    {
        var (patientId, programId) = await NewPatientWithTemplateProgram();
        await _therapist.SubmitWithHandler(programId, "Save", new Dictionary<string, string> { ["Rows[0].Reps"] = "12" });
        await _therapist.SubmitWithHandler(programId, "Publish", []);

        var actions = (await _factory.AuditAsync()).Where(a => a.PatientId == patientId).Select(a => a.Action).ToList();

        Assert.Contains("program.created", actions);
        Assert.Contains("program.saved", actions);
        Assert.Contains("program.published", actions);
        Assert.Contains("patient.viewed", actions);
    }

    [Fact]
    public async Task Builder_ShowsTheDoseBudget_AndWarnsWhenTheProgramGrowsTooLong()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();

        var page = await _therapist.GetDocumentAsync($"/admin/programs/{programId}");
        var long_ = await _therapist.SubmitWithHandler(programId, "Save", new Dictionary<string, string> { ["Rows[1].Sets"] = "10", ["Rows[1].Reps"] = "100" });

        Assert.Matches(@"About \d+ minutes a session", page.QuerySelector(".budget")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".notice"));
        var warned = Html.Parse(await long_.BodyAsync());
        Assert.Contains(warned.QuerySelectorAll(".notice"), n => n.TextContent.Contains("longer than 30 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patients_CannotOpenTheBuilder()
    {
        var (_, programId) = await NewPatientWithTemplateProgram();
        var patient = _factory.NoRedirects();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        var response = await patient.GetAsync($"/admin/programs/{programId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LibraryThumbnails_AreSvgFilesForStaffOnly_CachedUnderAVersionedAddress()
    {
        var page = await _therapist.GetDocumentAsync($"/admin/programs/{(await NewPatientWithTemplateProgram()).ProgramId}");
        var src = page.QuerySelector(".library-list img.library-thumb[loading='lazy']")!.GetAttribute("src")!;
        var patient = _factory.NoRedirects();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        var staff = await _therapist.GetAsync(src, TestContext.Current.CancellationToken);
        var refused = await patient.GetAsync(src, TestContext.Current.CancellationToken);
        var unknown = await _therapist.GetAsync("/drawings/999999/thumbnail.svg", TestContext.Current.CancellationToken);

        Assert.Matches(@"^/drawings/\d+/thumbnail\.svg\?v=\d+$", src);
        Assert.Equal("image/svg+xml", staff.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", await staff.BodyAsync(), StringComparison.Ordinal);
        Assert.True(staff.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromDays(365), staff.Headers.CacheControl.MaxAge);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task RemovingAnotherPatientsReading_Answers404()
    {
        var demoId = await _factory.PatientIdAsync("patient@demo.test");
        var otherId = await _factory.PatientIdAsync("patient2@demo.test");
        await _therapist.SubmitAsync($"/admin/patients/{demoId}", new Dictionary<string, string> { ["slug"] = "back-pain-red-flags" }, "form[action*='AssignReading']");
        var readingId = await Db(db => db.AssignedReadings.Where(r => r.PatientId == demoId).Select(r => r.Id).FirstAsync());
        var page = await _therapist.GetDocumentAsync($"/admin/patients/{otherId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await _therapist.PostAsync($"/admin/patients/{otherId}?handler=RemoveReading&readingId={readingId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await Db(db => db.AssignedReadings.AnyAsync(r => r.Id == readingId)));
    }

    public async ValueTask DisposeAsync()
    {
        _therapist.Dispose();
        await _factory.DisposeAsync();
    }
}

internal static class BuilderForms
{
    /// <summary>Posts the builder form as the browser would when a given button is pressed: all current fields, plus the button's value.</summary>
    public static async Task<HttpResponseMessage> SubmitWithHandler(this HttpClient client, int programId, string handler, Dictionary<string, string> values, AngleSharp.Dom.IDocument? page = null)
    {
        page ??= await client.GetDocumentAsync($"/admin/programs/{programId}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.builder")!;
        var fields = Forms.Fields(form, values);
        return await client.PostAsync($"/admin/programs/{programId}?handler={handler}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }
}
