using Breakaway.Testing;
using Breakaway.Tests.Accounts;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Breakaway.Testing.Polling;
using static Breakaway.Tests.Support.Waiting;

namespace Breakaway.Tests.Mail;

/// <summary>The durable outbox: rows sent by a background service over real SMTP, retried, given up on, sent once.</summary>
public sealed class OutboxEmailTests
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SmtpDown_MessagesWait_SurviveARestart_AndGoOnceItReturns()
    {
        using var smtp = TestSmtp.Down();
        await using var database = TestDatabase.Create();
        await using (var first = smtp.Configure(new BreakawayFactory(database, ownsDatabase: false)))
        {
            await AddAsync(first, 3);

            // The sender tries, fails (nothing listens) and plans the next attempt.
            await AdvanceUntil(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), async () => (await RowsAsync(first)).All(r => r.Attempts == 1), first.Clock);
            var tried = await RowsAsync(first);
            Assert.All(tried, r => Assert.Equal(OutboxStatus.Waiting, r.Status));
            Assert.All(tried, r => Assert.NotNull(r.LastError));
            Assert.All(tried, r => Assert.NotNull(r.TextBody));
        }

        // The site restarts while the server is still down; then the server comes back.
        smtp.Up();
        await using var second = smtp.Configure(new BreakawayFactory(database, ownsDatabase: false));
        _ = second.Services;
        var waited = await AdvanceUntil(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), async () => smtp.Received.Count == 3, second.Clock);

        Assert.True(waited <= TimeSpan.FromMinutes(2), $"took {waited} of fake time: " + string.Join("; ", (await RowsAsync(second)).Select(r => $"{r.Status} {r.Attempts} {r.LastError}")));
        Assert.Equal(3, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        var rows = await Eventually(() => RowsAsync(second), r => r.All(x => x.Status == OutboxStatus.Sent));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        // Once sent, the links in a body are no longer stored.
        Assert.All(rows, r => Assert.Null(r.TextBody));
        var message = smtp.Received[0];
        Assert.Equal("no-reply@clinic.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("Hello", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Log.Lines, l => l.Contains("Hello", StringComparison.Ordinal) || l.Contains("@example.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMessageThatCannotGoForADay_IsMarkedFailed_AndAdminsSeeIt()
    {
        using var smtp = TestSmtp.Down();
        await using var site = smtp.Configure(new BreakawayFactory().WithDemo());
        await AddAsync(site, 1);

        var attempts = 0;
        OutboxMessage row;
        do
        {
            // An hour on: the next attempt (at most an hour after the last) is due. Then poll intervals, a few at most:
            // a sender still busy with its last attempt when the clock jumped starts its next wait after the jump.
            site.Clock.Advance(TimeSpan.FromHours(1));
            var before = attempts;
            await AdvanceUntil(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), async () => (await RowsAsync(site))[0].Attempts > before, site.Clock);
            row = (await RowsAsync(site))[0];
            Assert.True(row.Attempts > before, "the sender did not try again");
            attempts = row.Attempts;
        }
        while (row.Status == OutboxStatus.Waiting && attempts < 40);

        Assert.Equal(OutboxStatus.Failed, row.Status);
        // 1, 2, 4 ... 32 minutes, then hourly: one attempt per hour moved, about a day's worth.
        Assert.InRange(row.Attempts, 20, 30);
        Assert.True(site.Clock.GetUtcNow().UtcDateTime - row.CreatedUtc <= TimeSpan.FromHours(25));
        var admin = site.CreateClient();
        await admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);
        var page = await admin.GetDocumentAsync("/admin/outbox");
        Assert.Contains("1 failed", page.Text("main [role=status]"), StringComparison.Ordinal);
        Assert.Equal("Failed", page.QuerySelector("main table .badge")?.TextContent);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SendEachMessageOnce()
    {
        using var smtp = TestSmtp.Start();
        await using var database = TestDatabase.Create();
        await using var first = smtp.Configure(new BreakawayFactory(database, ownsDatabase: false)).With("Smtp:PollSeconds", "1");
        _ = first.Services;
        await using var second = smtp.Configure(new BreakawayFactory(database, ownsDatabase: false)).With("Smtp:PollSeconds", "1");
        _ = second.Services;

        await AddAsync(first, 40);
        await AdvanceUntil(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), async () => smtp.Received.Count >= 40, first.Clock, second.Clock);
        // Both keep polling a while longer: nothing may go out twice.
        await AdvanceUntil(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), async () => false, first.Clock, second.Clock);

        var ids = smtp.Received.Select(m => m.MessageId).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.All(await RowsAsync(first), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task WithoutAnSmtpHost_MessagesAreWrittenAsEmlFiles_AndAdminsCanReadThem()
    {
        await using var site = new BreakawayFactory().WithDemo();
        await AddAsync(site, 1);

        string[] Files() => Directory.Exists(site.MailFolder) ? Directory.GetFiles(site.MailFolder, "*.eml") : [];
        await AdvanceUntil(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), async () => Files().Length == 1, site.Clock);
        Assert.Single(Files());
        var admin = site.CreateClient();
        await admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);
        var outbox = await admin.GetDocumentAsync("/admin/outbox");
        Assert.Contains("No e-mail server is set up", outbox.Text("main"), StringComparison.Ordinal);
        var link = outbox.QuerySelector("main table a[href^='/admin/outbox/']")!;
        Assert.Equal("Test message 0", link.TextContent);

        var message = await admin.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Contains("Hello from the outbox test", message.Text("pre.mail-body"), StringComparison.Ordinal);
        var therapist = site.CreateClient();
        await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await therapist.GetAsync("/admin/outbox", Cancel)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/admin/outbox/999999", Cancel)).StatusCode);
        Assert.Contains((await site.AuditAsyncActions()), a => a == "outbox.message-viewed");
    }

    [Theory]
    [InlineData("Smtp:Security", "Starttls-ish", "Smtp:Security")]
    [InlineData("Smtp:From", "", "Smtp:From must be set when Smtp:Host is")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be between 1 and 65535.")]
    public async Task AWrongSmtpSetting_StopsStartUp_NamingTheKey(string key, string value, string message)
    {
        await using var site = new BreakawayFactory().With("Smtp:Host", "smtp.clinic.example").With("Smtp:From", "no-reply@clinic.example").With(key, value);

        var error = Record.Exception(() => site.Services);

        Assert.Contains(message, error?.ToString(), StringComparison.Ordinal);
    }

    private static async Task AddAsync(BreakawayFactory site, int count)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Add(MailKinds.Invitation, $"person{i}@example.test", new MailText($"Test message {i}", "Hello from the outbox test."));
        }

        await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().SaveChangesAsync(Cancel);
    }

    private static async Task<List<OutboxMessage>> RowsAsync(BreakawayFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().OutboxMessages.OrderBy(m => m.Id).ToListAsync(Cancel);
    }
}
