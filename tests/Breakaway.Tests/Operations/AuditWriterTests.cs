using Breakaway.Testing;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Tests.Operations;

/// <summary>
/// Staff page views are audited through a queue (<see cref="AuditWriter"/>): the request does not wait for the
/// database, and a clean stop writes everything still queued. Nothing is lost, nothing is written twice, and each
/// person's views are in the order they made them.
/// </summary>
public sealed class AuditWriterTests
{
    private static BreakawayDbContext Context(TestDatabase database) => database.Provider == nameof(DatabaseProvider.Postgres)
        ? new PostgresBreakawayDbContext(new DbContextOptionsBuilder<PostgresBreakawayDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteBreakawayDbContext(new DbContextOptionsBuilder<SqliteBreakawayDbContext>().UseSqlite(database.ConnectionString).Options);

    [Fact]
    public async Task ConcurrentStaffViews_AreAllWrittenOnce_InOrderPerUser_ByTheCleanStop()
    {
        // The first factory only owns the (demo) database; the site runs on it and is stopped before the audit is read.
        await using var owner = new BreakawayFactory().WithDemo();
        var database = owner.Database;
        var site = new BreakawayFactory(database, ownsDatabase: false).WithDemo();
        int[] patients;
        await using (var db = Context(database))
        {
            patients = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(TestContext.Current.CancellationToken);
        }

        // Each of the two staff members opens 30 pages one after the other (the dashboard or a patient, in a seeded
        // random order of their own), both at the same time.
        var plans = new Dictionary<string, List<int?>>();
        var random = new Random(22);
        foreach (var login in new[] { "admin@demo.test", "therapist@demo.test" })
        {
            plans[login] = [.. Enumerable.Range(0, 30).Select(_ => random.Next(patients.Length + 1)).Select(i => i < patients.Length ? (int?)patients[i] : null)];
        }

        var clients = new Dictionary<string, HttpClient>();
        foreach (var login in plans.Keys)
        {
            clients[login] = site.CreateClient();
            await clients[login].SignInAsync(login, BreakawayFactory.DemoPassword);
        }

        var expected = plans.ToDictionary(p => p.Key, p => (List<int?>)[null, .. p.Value]); // Signing in lands on the dashboard.

        await Task.WhenAll(plans.Select(async plan =>
        {
            foreach (var patientId in plan.Value)
            {
                var response = await clients[plan.Key].GetAsync(patientId is { } id ? $"/admin/patients/{id}" : "/admin", TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }));
        await site.DisposeAsync(); // The host's clean stop: the web server stops, then the audit writer empties its queue.

        await using (var db = Context(database))
        {
            var users = await db.Users.Where(u => plans.Keys.Contains(u.UserName!)).ToDictionaryAsync(u => u.Id, u => u.UserName!, TestContext.Current.CancellationToken);
            var views = await db.AuditEntries.Where(a => a.Action == AuditActions.PatientViewed || (a.Action == AuditActions.PatientListViewed && a.Detail == "dashboard"))
                .OrderBy(a => a.Id).Select(a => new { a.ActorUserId, a.Action, a.PatientId }).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(62, views.Count);
            foreach (var (login, plan) in expected)
            {
                var written = views.Where(v => users[v.ActorUserId!] == login)
                    .Select(v => v.Action == AuditActions.PatientViewed ? v.PatientId : null).ToList();
                Assert.Equal(plan, written);
            }
        }
    }
}
