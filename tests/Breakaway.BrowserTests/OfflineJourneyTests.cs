using System.Text.Json;
using Breakaway.Testing;
using Breakaway.Web.Data;
using Breakaway.Web.Data.Seed;
using Breakaway.Web.Domain;
using Breakaway.Web.HomePrograms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>The patient's pages on a phone that loses its signal, and what a shared phone keeps after signing out.</summary>
[Collection(ClinicJourneys.Name)]
public sealed class OfflineJourneyTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Patient_OpensTodayOnce_ThenOffline_TodayAndAnExerciseOpen_AndAfterSignOutNothingOfTheirs()
    {
        await OpenAsync(Phone);
        await SignInAsync(Page, "patient@demo.test");
        await ArrivedAtAsync(Page, "**/my");
        await KeptForOfflineAsync();
        var exercise = (await Page.Locator("main .exercise-card h3").First.TextContentAsync())![3..];

        await Page.Context.SetOfflineAsync(true);
        await Page.ReloadAsync();
        Assert.Equal("Hello, Demo Patient", await Page.Locator("h1").TextContentAsync());
        await Page.Locator("main .exercise-card details").First.ClickAsync();
        await Page.Locator("main .exercise-card details a").First.ClickAsync();
        await ArrivedAtAsync(Page, "**/exercises/*");
        Assert.Equal(exercise, await Page.Locator("h1").TextContentAsync());
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "offline-exercise-390x844.png"), FullPage = true });

        // A page never opened on this phone: the offline page, with the way back to what is kept.
        await Page.GotoAsync("/tips");
        Assert.Equal("You are offline", await Page.Locator("h1").TextContentAsync());
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "offline-page-390x844.png"), FullPage = true });

        // Back online, the patient signs out from the header; then the signal drops again.
        await Page.Context.SetOfflineAsync(false);
        await Page.GotoAsync("/my");
        await Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ArrivedAtAsync(Page, "**/account/sign-out");
        await WorkerReadyAsync();
        await Page.Context.SetOfflineAsync(true);
        await Page.GotoAsync("/my");

        Assert.Equal("You are offline", await Page.Locator("h1").TextContentAsync());
        var html = await Page.ContentAsync();
        Assert.DoesNotContain("Demo Patient", html, StringComparison.Ordinal);
        Assert.DoesNotContain(exercise!, html, StringComparison.Ordinal);
        await Page.Context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task TherapistChangesTheProgram_ThePatientsNextOnlineVisit_ShowsTheNewVersion()
    {
        await OpenAsync(Phone);
        await SignInAsync(Page, "patient2@demo.test");
        await ArrivedAtAsync(Page, "**/my");
        await KeptForOfflineAsync();
        const string note = "Breathe out as you lift, and keep your ribs soft.";
        Assert.DoesNotContain(note, await Page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        // The therapist adds a note to the first exercise and publishes the change.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            var programId = await db.Programs.Where(p => p.Patient!.User.UserName == "patient2@demo.test").Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            var programs = scope.ServiceProvider.GetRequiredService<ProgramService>();
            var draft = await programs.DraftAsync(programId, null);
            draft.Exercises[0].Note = note;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(await programs.PublishAsync(programId, null));
        }

        // Online, the page comes from the clinic, not from the copy on the phone; and that copy is now the new one.
        await Page.ReloadAsync();
        Assert.Contains(note, await Page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Page.Context.SetOfflineAsync(true);
        await Page.ReloadAsync();
        Assert.Contains(note, await Page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Page.Context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task Patient_LogsASessionOffline_WithAWarningSign_SeesStopAndCall_AndItIsStoredOnceWhenBack_ThenASecondFromTheKeptCopy()
    {
        // A patient of this journey's own: the demo patients' days belong to the other journeys.
        await CreatePatientAsync(OfflinePatient);
        await OpenAsync(Phone);
        await Page.Clock.InstallAsync();
        await SignInAsync(Page, OfflinePatient);
        await ArrivedAtAsync(Page, "**/my");
        await KeptForOfflineAsync();
        var before = await SessionsAsync();

        // No signal from here on: the guided session opens from the copy on the phone.
        await Page.Context.SetOfflineAsync(true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start today's session" }).ClickAsync();
        var key = await DoTheSessionAsync("2", () => Page.GetByLabel("Numbness or tingling").CheckAsync());
        await Assertions.Expect(Page.Locator("[data-status]")).ToContainTextAsync("Saved on this phone. It will be sent when you are back online");
        var alarm = Page.Locator("[data-offline-alarm]");
        await Assertions.Expect(alarm).ToBeVisibleAsync();
        await Assertions.Expect(alarm).ToContainTextAsync("call the clinic");
        await Assertions.Expect(alarm.Locator("a[href^='tel:']")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, "offline-saved-on-this-phone-390x844.png"), FullPage = true });
        Assert.Equal(before, await SessionsAsync());

        await Page.Context.SetOfflineAsync(false);
        await Page.Clock.ResumeAsync();
        await ArrivedAtAsync(Page, "**/my/sessions/*");
        Assert.Equal(before + 1, await SessionsAsync());
        Assert.Equal(1, await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.IdempotencyKey == key)));
        Assert.Equal(1, await Server.QueryAsync(db => db.RedFlags.CountAsync(f => f.SessionLog!.IdempotencyKey == key)));

        // Offline again, the back button opens the copy of the player kept before that session was sent: it still carries
        // the sent key. A second session from it gets a key of its own, so it is stored too, not taken for a retry.
        await Page.Context.SetOfflineAsync(true);
        await Page.GoBackAsync();
        var second = await DoTheSessionAsync("1");
        Assert.NotEqual(key, second);
        await Assertions.Expect(Page.Locator("[data-status]")).ToContainTextAsync("Saved on this phone");
        await Page.Context.SetOfflineAsync(false);
        await Page.Clock.ResumeAsync();
        await ArrivedAtAsync(Page, "**/my/sessions/*");
        Assert.Equal(before + 2, await SessionsAsync());
        Assert.Equal(1, await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.IdempotencyKey == second)));
    }

    [Fact]
    public async Task Patient_SavesOfflineAndLeavesThePlayer_BackgroundSyncSendsIt_StoredOnce()
    {
        const string login = "sync-patient@demo.test";
        await CreatePatientAsync(login);
        await OpenAsync(Phone);
        await Page.Clock.InstallAsync();
        await SignInAsync(Page, login);
        await ArrivedAtAsync(Page, "**/my");
        await KeptForOfflineAsync();

        await Page.Context.SetOfflineAsync(true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start today's session" }).ClickAsync();
        var key = await DoTheSessionAsync("3");
        await Assertions.Expect(Page.Locator("[data-status]")).ToContainTextAsync("Saved on this phone");
        // The session is in the outbox the service worker reads, as well as in the player's own store.
        Assert.Equal(key.ToString(), await Polling.Eventually(() => OutboxKeysAsync(), keys => keys == key.ToString()));

        // The patient leaves the player while still offline: the help page (kept for offline use) cannot send it.
        await Page.GotoAsync("/my/help");
        await LoadedAsync(Page);
        Assert.Equal(0, await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.IdempotencyKey == key)));

        // The connection is back; Background Sync wakes the worker. DevTools fires the sync event itself, so the test
        // does not wait on Chromium's own timing (which may already have fired it: the key makes that harmless).
        await Page.Context.SetOfflineAsync(false);
        var cdp = await Page.Context.NewCDPSessionAsync(Page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (!r.GetProperty("isDeleted").GetBoolean())
                {
                    registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await cdp.SendAsync("ServiceWorker.dispatchSyncEvent", new Dictionary<string, object>
        {
            ["origin"] = new Uri(Page.Url).GetLeftPart(UriPartial.Authority),
            ["registrationId"] = registrationId,
            ["tag"] = "breakaway-sessions",
            ["lastChance"] = false,
        });

        Assert.Equal(string.Empty, await Polling.Eventually(() => OutboxKeysAsync(), keys => keys.Length == 0));
        Assert.Equal(1, await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.IdempotencyKey == key)));

        // Back in the player online, the server lists the key as stored: nothing waits to be sent, nothing is sent twice.
        await Page.GotoAsync("/my/play");
        await LoadedAsync(Page);
        await Assertions.Expect(Page.Locator("[data-status]")).Not.ToContainTextAsync("Saved on this phone");
        Assert.Equal(1, await Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.IdempotencyKey == key)));
    }

    /// <summary>The keys in the phone's outbox (IndexedDB, as js/outbox.js keeps it), space-separated; read from any page.</summary>
    private Task<string> OutboxKeysAsync() =>
        Page.EvaluateAsync<string>("""
            () => new Promise((resolve, reject) => {
                const open = indexedDB.open('breakaway-outbox', 1);
                open.onupgradeneeded = () => open.result.createObjectStore('sessions', { keyPath: 'key' });
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                    const db = open.result;
                    const all = db.transaction('sessions').objectStore('sessions').getAll();
                    all.onsuccess = () => { db.close(); resolve(all.result.map(e => e.key).join(' ')); };
                    all.onerror = () => { db.close(); reject(all.error); };
                };
            })
            """);

    /// <summary>
    /// On the guided session the page has just opened (from the kept copy when offline): every exercise done on the
    /// fake clock, the session's pain answered, <paramref name="beforeSaving"/>, then Save. Returns the session's key.
    /// </summary>
    private async Task<Guid> DoTheSessionAsync(string pain, Func<Task>? beforeSaving = null)
    {
        await ArrivedAtAsync(Page, "**/my/play");
        await LoadedAsync(Page);
        await PauseClockAsync();
        var key = Guid.Parse(await Page.Locator("[data-key]").InputValueAsync());
        var exercises = await Page.Locator("[data-exercise]").CountAsync();
        for (var i = 0; i < exercises; i++)
        {
            await Page.Locator("[data-exercise]:visible [data-action=start]").ClickAsync();
            await Page.Clock.RunForAsync(600_000);
        }

        await Page.Locator("label.choice-button", new() { HasText = pain }).First.ClickAsync();
        if (beforeSaving is not null)
        {
            await beforeSaving();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save today's session" }).ClickAsync();
        return key;
    }

    private const string OfflinePatient = "offline-patient@demo.test";

    private Task<int> SessionsAsync() =>
        Server.QueryAsync(db => db.SessionLogs.CountAsync(s => s.Patient.User.UserName == OfflinePatient));

    /// <summary>A patient with the demo template's program, published, and the demo password.</summary>
    private async Task CreatePatientAsync(string login)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = login, Email = login, DisplayName = "Offline Patient" };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Patient);
        var db = services.GetRequiredService<BreakawayDbContext>();
        var patient = new Patient { UserId = user.Id };
        db.Patients.Add(patient);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var programs = services.GetRequiredService<ProgramService>();
        var template = await db.Programs.Where(p => p.Title == ProgramSeeder.GluteTemplateTitle && p.PatientId == null).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        var program = await programs.CreateAsync(patient.Id, ProgramSeeder.GluteTemplateTitle, null, template, Guid.NewGuid(), null);
        Assert.NotNull(await programs.PublishAsync(program.Id, null));
    }

    [Fact]
    public async Task ManifestAndWorker_PassChromiumsInstallabilityCheck()
    {
        await OpenAsync(Phone);
        await Page.GotoAsync("/offline");
        await CheckPageAsync("offline");
        await WorkerReadyAsync();

        var cdp = await Page.Context.NewCDPSessionAsync(Page);
        var result = await cdp.SendAsync("Page.getInstallabilityErrors");
        var errors = result!.Value.GetProperty("installabilityErrors").EnumerateArray().Select(e => e.GetProperty("errorId").GetString()).ToList();
        // Playwright's browser contexts are off the record, and Chromium never installs from those; every other
        // check (manifest, icons, service worker, secure origin) is in this list when it fails.
        errors.Remove("in-incognito");
        Assert.True(errors.Count == 0, "Chromium says the site cannot be installed: " + string.Join(", ", errors));

        var manifest = await cdp.SendAsync("Page.getAppManifest");
        Assert.Empty(manifest!.Value.GetProperty("errors").EnumerateArray());
        using var json = JsonDocument.Parse(manifest.Value.GetProperty("data").GetString()!);
        var root = json.RootElement;
        Assert.Equal("/my", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        var icons = root.GetProperty("icons").EnumerateArray().Select(i => (i.GetProperty("sizes").GetString(), i.GetProperty("purpose").GetString())).ToList();
        Assert.Contains(("192x192", "any"), icons);
        Assert.Contains(("512x512", "any"), icons);
        Assert.Contains(("512x512", "maskable"), icons);
    }

    /// <summary>Waits until the page's service worker is active and controls the page.</summary>
    private async Task WorkerReadyAsync()
    {
        await Page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
    }

    /// <summary>Waits until /my has had the worker keep today's pages (offline.js marks the root element).</summary>
    private async Task KeptForOfflineAsync() =>
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true");
}
