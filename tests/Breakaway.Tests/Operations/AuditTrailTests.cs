using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Operations;

/// <summary>Reads and changes of patient data by staff and patients leave audit rows; admins read them in plain words.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");

    public ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        return ValueTask.CompletedTask;
    }

    private async Task<HttpClient> SignedIn(string login)
    {
        var client = _factory.CreateClient();
        await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        return client;
    }

    private async Task<T> Db<T>(Func<BreakawayDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditWriter>().FlushAsync(); // Views are audited through a queue.
        return await query(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    private Task<int> DemoPatientId() => Db(db => db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Builder_Open_IsAudited()
    {
        var therapist = await SignedIn("therapist@demo.test");
        var patientId = await DemoPatientId();
        var programId = await Db(db => db.Programs.Where(p => p.PatientId == patientId).Select(p => p.Id).SingleAsync());

        await therapist.GetDocumentAsync($"/admin/programs/{programId}");

        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "program.opened"));
        Assert.Equal(patientId, entry.PatientId);
        Assert.Equal($"program {programId}", entry.Detail);
        Assert.NotNull(entry.ActorUserId);
    }

    [Fact]
    public async Task StaffList_View_IsAudited()
    {
        var admin = await SignedIn("admin@demo.test");

        await admin.GetDocumentAsync("/admin/staff");

        var entry = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "staff-list.viewed"));
        Assert.Equal(await Db(db => db.Users.Where(u => u.UserName == "admin@demo.test").Select(u => u.Id).SingleAsync()), entry.ActorUserId);
    }

    [Fact]
    public async Task CalendarLink_CreateAndRevoke_AreAudited()
    {
        var patient = await SignedIn("patient@demo.test");

        var created = await patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Create']");
        var link = Html.Parse(await created.BodyAsync()).Text(".invite-link a");
        await patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Revoke']");

        var entries = await Db(db => db.AuditEntries.Where(a => a.Action.StartsWith("calendar-link.")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["calendar-link.created", "calendar-link.revoked"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(e.PatientId, entries[0].PatientId));
        Assert.Equal(await DemoPatientId(), entries[0].PatientId);
        Assert.All(entries, e => Assert.Null(e.Detail)); // Never the secret link.
        Assert.Contains("/calendar/", link, StringComparison.Ordinal);
        Assert.Null(await Db(db => db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.CalendarTokenHash).SingleAsync()));
    }

    [Fact]
    public async Task Audit_ShowsReadableNamesPatientAndClinicTime()
    {
        var therapist = await SignedIn("therapist@demo.test");
        var patientId = await DemoPatientId();
        await therapist.GetDocumentAsync($"/admin/patients/{patientId}"); // 12:00 UTC: 07:00 in the clinic's zone (New York).
        await _factory.Services.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditWriter>().FlushAsync();
        var admin = await SignedIn("admin@demo.test");

        var page = await admin.GetDocumentAsync("/admin/audit");

        var row = page.QuerySelectorAll("table tbody tr").First(r => r.QuerySelector("a[href$='/admin/patients/" + patientId + "']") is not null);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("2026-11-25 07:00:00", cells[0]);
        Assert.Equal("Demo Therapist", cells[1]);
        Assert.Equal("Viewed patient", cells[2]);
        Assert.Equal("Demo Patient", cells[3]);
        Assert.Equal("2026-11-25T12:00:00Z", row.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.DoesNotContain(page.QuerySelectorAll("table tbody td"), c => c.TextContent.Contains("patient.viewed", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("#action option"), o => o.TextContent == "Signed in" && o.GetAttribute("value") == "sign-in.succeeded");
        Assert.DoesNotContain("UTC", page.Text("table thead"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_PagesOlderEntries_WithoutGapsOrRepeats_AndKeepsTheFilter()
    {
        var patientId = await DemoPatientId();
        await Db(async db =>
        {
            db.AuditEntries.AddRange(Enumerable.Range(1, 150).Select(i => new Breakaway.Web.Domain.AuditEntry
            {
                TimestampUtc = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                Action = "patient.viewed",
                PatientId = patientId,
                Detail = $"bulk {i}",
            }));
            return await db.SaveChangesAsync();
        });
        var admin = await SignedIn("admin@demo.test");

        var first = await admin.GetDocumentAsync($"/admin/audit?action=patient.viewed&patient={patientId}");
        var older = first.QuerySelector("nav.pager a:last-child")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(older);

        static List<string> Details(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("table tbody tr td:nth-child(6)").Select(c => c.TextContent.Trim())];
        Assert.Equal(100, Details(first).Count);
        Assert.Equal(Enumerable.Range(1, 150).Reverse().Select(i => $"bulk {i}"), Details(first).Concat(Details(second)));
        Assert.Contains("action=patient.viewed", older, StringComparison.Ordinal);
        Assert.Contains($"patient={patientId}", older, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("nav.pager a[href*='before=']"));
        Assert.NotNull(second.QuerySelector("nav.pager a"));
    }

    /// <summary>The test host has no client address; this stands in for a proxy on the same machine (a trusted one).</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task AuditRow_RecordsClientAddress()
    {
        using var site = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromLoopbackProxy>()));
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        await client.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        var entry = await Db(db => db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == "sign-in.succeeded"));
        Assert.Equal("203.0.113.7", entry.ClientAddress);
        var admin = await SignedIn("admin@demo.test");
        var page = await admin.GetDocumentAsync("/admin/audit?action=sign-in.succeeded");
        Assert.Contains(page.QuerySelectorAll("table tbody td"), c => c.TextContent.Trim() == "203.0.113.7");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
