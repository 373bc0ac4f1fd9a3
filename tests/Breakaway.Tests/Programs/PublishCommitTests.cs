using System.Data.Common;
using System.Globalization;
using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Data.Seed;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Programs;

/// <summary>
/// Assigning a program (publishing its draft) commits once: the builder's edits, the version number, the freeze and
/// the audit row are one SaveChanges in one transaction, so nothing can be half done.
/// </summary>
public sealed class PublishCommitTests
{
    /// <summary>Counts the context's SaveChanges calls and the transactions it commits (its own and explicit ones).</summary>
    private sealed class CommitCounter : DbTransactionInterceptor, ISaveChangesInterceptor
    {
        private int _saves;
        private int _commits;

        public int Saves => Volatile.Read(ref _saves);

        public int Commits => Volatile.Read(ref _commits);

        public void Reset()
        {
            Interlocked.Exchange(ref _saves, 0);
            Interlocked.Exchange(ref _commits, 0);
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (CommandCounter.InRequest(eventData))
            {
                Interlocked.Increment(ref _saves);
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (CommandCounter.InRequest(eventData))
            {
                Interlocked.Increment(ref _commits);
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Publish_CommitsOnce_WithTheEditsTheVersionAndTheAuditRow()
    {
        var counter = new CommitCounter();
        await using var factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");
        await using var counted = factory.WithInterceptors(counter);
        using var therapist = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        int patientId;
        int templateId;
        await using (var scope = counted.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            patientId = await db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
            templateId = await db.Programs.Where(p => p.IsTemplate && p.Title == ProgramSeeder.GluteTemplateTitle).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var started = await therapist.SubmitAsync($"/admin/patients/{patientId}",
            new Dictionary<string, string> { ["templateId"] = templateId.ToString(CultureInfo.InvariantCulture), ["title"] = "Counted commits" }, "form[action*='StartProgram']");
        var programId = int.Parse(started.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var builder = await therapist.GetDocumentAsync($"/admin/programs/{programId}");

        // Saving as a template also publishes (the template's first version): everything it writes commits together.
        // The builder's view is audited through a queue, whose writer saves on its own time: flushed first, so the
        // counts are the handler's alone (it once landed inside the count on a loaded CI run).
        var audits = counted.Services.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditWriter>();
        await audits.FlushAsync();
        counter.Reset();
        var saved = await therapist.SubmitWithHandler(programId, "SaveAsTemplate", new Dictionary<string, string> { ["templateTitle"] = "Counted template" }, builder);
        var templateCommits = counter.Commits;
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(templateCommits == 1, $"saving as a template ran {counter.Saves} SaveChanges and {templateCommits} commits");

        builder = await therapist.GetDocumentAsync($"/admin/programs/{programId}");
        await audits.FlushAsync();
        counter.Reset();
        var published = await therapist.SubmitWithHandler(programId, "Publish", new Dictionary<string, string> { ["Rows[0].Reps"] = "14" }, builder);
        var (saves, commits) = (counter.Saves, counter.Commits);
        TestContext.Current.TestOutputHelper?.WriteLine($"publishing: {saves} SaveChanges, {commits} commits; saving as a template: {templateCommits} commits");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        // The second SaveChanges is the dashboard line of the patient (issue 22's summary), written inside the same transaction.
        Assert.True(saves <= 2 && commits == 1, $"publishing ran {saves} SaveChanges and {commits} commits");
        await using (var scope = counted.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            var version = await db.ProgramVersions.Include(v => v.Exercises).SingleAsync(v => v.ProgramId == programId, TestContext.Current.CancellationToken);
            Assert.Equal(1, version.Number);
            Assert.NotNull(version.PublishedUtc);
            Assert.Equal(14, version.Exercises.Single(e => e.Order == 1).Dose.Reps);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "program.published" && a.Detail == $"program {programId}", TestContext.Current.CancellationToken));
        }

        // A second click finds no draft: nothing more is published or audited.
        var again = await therapist.SubmitWithHandler(programId, "Publish", [], builder);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
