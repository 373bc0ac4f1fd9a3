using Breakaway.Tests.Support;
using Breakaway.Web.Dashboard;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Breakaway.Tests.Dashboard;

/// <summary>
/// The dashboard's per-patient summary equals a ranking from scratch after random writes of every kind that moves
/// it (sessions logged, edited and deleted, red flags raised and acknowledged, programs published and archived, a new
/// clinic day), on the provider the suite runs on (BREAKAWAY_TEST_PROVIDER).
/// </summary>
public sealed class AttentionSummaryTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo().With("Demo:HistoryPatients", "20").With("Security:RequireStaffMfa", "false");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Summary_EqualsAFromScratchRanking_AfterRandomWrites()
    {
        var therapist = _factory.CreateClient();
        await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        var random = new Random(22);
        var patients = await Db(db => db.Patients.Select(p => p.Id).ToListAsync());

        for (var step = 0; step < 60; step++)
        {
            if (step == 30)
            {
                _factory.Clock.Advance(TimeSpan.FromDays(1)); // A new clinic day: every line is stale until the next view.
                await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword); // A day later the old sign-in has expired.
            }

            var patient = patients[random.Next(patients.Count)];
            switch (random.Next(6))
            {
                case 0 or 1:
                    await LogSessionAsync(patient, random);
                    break;
                case 2:
                    await Scope(async s =>
                    {
                        var db = s.GetRequiredService<BreakawayDbContext>();
                        var session = await db.SessionLogs.AsTracking().Include(x => x.Exercises).Where(x => x.PatientId == patient && !db.RedFlags.Any(f => f.SessionLogId == x.Id))
                            .OrderByDescending(x => x.Date).FirstOrDefaultAsync();
                        if (session is not null)
                        {
                            if (random.Next(2) == 0)
                            {
                                db.SessionLogs.Remove(session);
                            }
                            else
                            {
                                foreach (var e in session.Exercises)
                                {
                                    e.Pain = random.Next(0, 11);
                                }
                            }

                            await db.SaveChangesAsync();
                        }
                    });
                    break;
                case 3:
                    await Scope(async s =>
                    {
                        var db = s.GetRequiredService<BreakawayDbContext>();
                        var session = await db.SessionLogs.Where(x => x.PatientId == patient).OrderByDescending(x => x.Date).Select(x => (long?)x.Id).FirstOrDefaultAsync();
                        if (session is { } id)
                        {
                            db.RedFlags.Add(new RedFlag { PatientId = patient, SessionLogId = id, RaisedUtc = _factory.Clock.GetUtcNow().UtcDateTime, Reasons = "test" });
                            await db.SaveChangesAsync();
                        }
                    });
                    break;
                case 4:
                    // What the acknowledgement handler does (its real form is posted in DashboardPageTests): a bulk update, then the audit row.
                    await Scope(async s =>
                    {
                        var db = s.GetRequiredService<BreakawayDbContext>();
                        var open = await db.RedFlags.Where(f => f.AcknowledgedUtc == null).Select(f => new { f.Id, f.PatientId }).FirstOrDefaultAsync();
                        if (open is not null)
                        {
                            await using var transaction = await db.Database.BeginTransactionAsync();
                            await db.RedFlags.Where(f => f.Id == open.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.AcknowledgedUtc, _factory.Clock.GetUtcNow().UtcDateTime));
                            db.AttentionChanged(open.PatientId);
                            s.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditLog>().Add("red-flag.acknowledged", open.PatientId);
                            await db.SaveChangesAsync();
                            await transaction.CommitAsync();
                        }
                    });
                    break;
                case 5:
                    await Scope(async s =>
                    {
                        var db = s.GetRequiredService<BreakawayDbContext>();
                        var programs = s.GetRequiredService<ProgramService>();
                        var program = await db.Programs.AsTracking().FirstOrDefaultAsync(p => p.PatientId == patient && p.ArchivedUtc == null);
                        if (program is null || random.Next(3) > 0)
                        {
                            var template = await db.Programs.Where(p => p.IsTemplate).Select(p => p.Id).FirstAsync();
                            var created = await programs.CreateAsync(patient, "Another program", null, template, Guid.NewGuid(), null);
                            await programs.PublishAsync(created.Id, null);
                        }
                        else
                        {
                            program.ArchivedUtc = _factory.Clock.GetUtcNow().UtcDateTime;
                            await db.SaveChangesAsync();
                        }
                    });
                    break;
            }

            if (step % 20 == 19)
            {
                await AssertSummaryMatchesAsync(therapist);
            }
        }

        await AssertSummaryMatchesAsync(therapist);
    }

    private async Task AssertSummaryMatchesAsync(HttpClient therapist)
    {
        // A view brings stale lines to today, then every line must equal the from-scratch assessment, in the same order.
        var page = await therapist.GetDocumentAsync("/admin?who=everyone");
        Assert.NotNull(page.QuerySelector("table.dashboard"));
        await Scope(async s =>
        {
            var db = s.GetRequiredService<BreakawayDbContext>();
            var clock = s.GetRequiredService<ClinicClock>();
            var options = s.GetRequiredService<IOptions<DashboardOptions>>().Value;
            var expected = AttentionRules.Rank(await s.GetRequiredService<PatientActivityQuery>().LoadAsync(cancellationToken: TestContext.Current.CancellationToken), clock.Today(), options);
            var names = await db.Patients.Select(p => new { p.Id, p.User.DisplayName }).ToDictionaryAsync(p => p.Id, p => p.DisplayName);
            var stored = await db.AttentionSummaries.ToListAsync();
            Assert.All(stored, a => Assert.Equal(clock.Today(), a.Day));
            var actual = stored.Select(a => a.ToRow(names[a.PatientId])).ToDictionary(r => r.PatientId);
            Assert.Equal(expected.Count, actual.Count);
            foreach (var row in expected)
            {
                Assert.Equal(Describe(row), Describe(actual[row.PatientId]));
            }

            var shown = page.QuerySelectorAll("table.dashboard tbody tr a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(expected.Take(shown.Count).Select(r => $"/admin/patients/{r.PatientId}"), shown);
        });
    }

    private static string Describe(AttentionRow r) =>
        $"{r.PatientId} {r.Name} {r.ProgramTitle} {r.Group} {r.LatestEventUtc:O} {r.Adherence7} {r.Adherence28} {r.LastSession} {r.PainLast7} {r.PainPrevious7} "
        + $"{string.Join(',', r.PainTrend)} {r.OpenFlag} {r.RisingPain} {r.StopCue} {r.LowAdherence} {r.Quiet} {r.Adherence14} {r.Reason}";

    private Task LogSessionAsync(int patient, Random random) => Scope(async s =>
    {
        var db = s.GetRequiredService<BreakawayDbContext>();
        var clock = s.GetRequiredService<ClinicClock>();
        var version = await db.ProgramVersions.Where(v => v.Program.PatientId == patient && v.Program.ArchivedUtc == null && v.PublishedUtc != null)
            .OrderByDescending(v => v.PublishedUtc).Include(v => v.Exercises).FirstOrDefaultAsync();
        if (version is null)
        {
            return;
        }

        var stop = random.Next(4) == 0 ? await db.StopCues.Where(c => c.ExerciseId == version.Exercises[0].ExerciseId).FirstOrDefaultAsync() : null;
        db.SessionLogs.Add(new SessionLog
        {
            PatientId = patient,
            ProgramVersionId = version.Id,
            Date = clock.Today().AddDays(-random.Next(0, 10)),
            LoggedUtc = clock.UtcNow(),
            IdempotencyKey = Guid.NewGuid(),
            Exercises = [.. version.Exercises.Select((e, i) => new ExerciseLog
            {
                ProgramExerciseId = e.Id,
                ExerciseId = e.ExerciseId,
                Prescribed = e.Dose,
                SetsCompleted = e.Dose.Sets,
                RepsPerSet = e.Dose.Reps,
                Pain = random.Next(0, 11),
                StopCueId = i == 0 ? stop?.Id : null,
                StopCueText = i == 0 ? stop?.Text : null,
            })],
        });
        await db.SaveChangesAsync();
    });

    private async Task Scope(Func<IServiceProvider, Task> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private async Task<T> Db<T>(Func<BreakawayDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BreakawayDbContext>());
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
