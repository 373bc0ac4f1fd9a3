using System.Net;
using Breakaway.Tests.Accounts;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Breakaway.Tests.Support.Waiting;

namespace Breakaway.Tests.Mail;

/// <summary>
/// Exercise reminders over real SMTP on the fake clock, one journey through a week: the demo patient's program is due
/// every day except Sunday; she asks for 08:00 (clinic time, New York) on every day except Saturday.
/// </summary>
public sealed class ReminderEmailTests
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_ComeAtTheChosenTime_OnChosenDueDays_NotAfterALog_NotTwice_AndOneClickStopsThem()
    {
        using var smtp = TestSmtp.Start();
        await using var site = smtp.Configure(new BreakawayFactory().WithDemo());
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var patient = site.CreateClient();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);

        // Wednesday 25 November, 07:00 in New York. Nothing chosen, nothing sent.
        var invalid = await patient.SubmitAsync("/my/reminders", new Dictionary<string, string> { ["Input.On"] = "true", ["Input.Time"] = "" });
        Assert.Contains("Choose the time of day for your reminder", Html.Parse(await invalid.BodyAsync()).Text("main"), StringComparison.Ordinal);
        var page = await patient.GetDocumentAsync("/my/reminders");
        foreach (var box in page.QuerySelectorAll("input[name='Input.Days']").Cast<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = box.Value != "Saturday";
        }

        var saved = await patient.SubmitAsync(page, new Dictionary<string, string> { ["Input.On"] = "true", ["Input.Time"] = "08:00" }, "main form", "/my/reminders");
        Assert.Contains("Reminders saved", Html.Parse(await saved.BodyAsync()).Text("main [role=status]"), StringComparison.Ordinal);
        Assert.Contains(await site.AuditAsyncActions(), a => a == AuditActions.RemindersChanged);

        // The calendar feed now has timed events at 08:00 New York (13:00 UTC) with an alarm, and the two buttons.
        var calendarPage = Html.Parse(await (await patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "main form")).BodyAsync());
        var feed = new Uri(calendarPage.QuerySelector(".invite-link a")!.GetAttribute("href")!);
        Assert.Equal("webcal://clinic.example" + feed.AbsolutePath, calendarPage.QuerySelectorAll("a.button").Single(a => a.TextContent == "Add to Apple Calendar").GetAttribute("href"));
        Assert.StartsWith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fclinic.example%2Fcalendar%2F",
            calendarPage.QuerySelectorAll("a.button").Single(a => a.TextContent == "Add to Google Calendar").GetAttribute("href"), StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(await patient.GetStringAsync(feed.AbsolutePath, Cancel))!;
        Assert.NotEmpty(calendar.Events);
        Assert.All(calendar.Events, e =>
        {
            Assert.Equal("Exercise session", e.Summary);
            Assert.False(e.IsAllDay);
            Assert.Equal(new TimeOnly(13, 0), TimeOnly.FromDateTime(e.DtStart!.AsUtc));
            Assert.Single(e.Alarms);
            Assert.Equal("DISPLAY", e.Alarms[0]!.Action);
        });
        Assert.DoesNotContain(calendar.Events, e => e.DtStart!.AsUtc.DayOfWeek == DayOfWeek.Sunday);

        // Wednesday (due, chosen): one reminder, within five minutes of 08:00.
        await MoveToAsync(site, zone, 0, new TimeOnly(7, 59));
        Assert.Empty(smtp.Received);
        await AdvanceUntil(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), async () => smtp.Received.Count == 1, site.Clock);
        var first = Assert.Single(smtp.Received);
        var arrived = TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow(), zone);
        Assert.InRange(arrived.TimeOfDay, new TimeSpan(8, 0, 0), new TimeSpan(8, 5, 0));
        Assert.Equal("Time for today's exercises", first.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", first.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(first.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal("clinic.example", unsubscribe.Host);

        // Not twice the same day.
        await AdvanceUntil(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(60), async () => smtp.Received.Count > 1, site.Clock);
        Assert.Single(smtp.Received);

        // Thursday: the session is logged at 07:30, so no reminder.
        await MoveToAsync(site, zone, 1, new TimeOnly(7, 30));
        patient = site.CreateClient();
        await patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
        var form = await patient.GetDocumentAsync("/my");
        var logged = await patient.SubmitAsync(form, Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "1"), "form.session-form", "/my");
        Assert.StartsWith("/my/sessions/", logged.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        await QuietMorningAsync(site, zone, 1, smtp, expected: 1);

        // Saturday: due, but not a day she chose. Sunday: chosen, but a rest day.
        await QuietMorningAsync(site, zone, 3, smtp, expected: 1);
        await QuietMorningAsync(site, zone, 4, smtp, expected: 1);

        // Monday: due and chosen again.
        await MoveToAsync(site, zone, 5, new TimeOnly(7, 59));
        await AdvanceUntil(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), async () => smtp.Received.Count == 2, site.Clock);
        Assert.Equal(2, smtp.Received.Count);

        // Opening the link only asks; the mail client's one-click POST (no cookie, no antiforgery token) stops them.
        var anonymous = site.CreateClient();
        Assert.Contains("Stop my reminders", await anonymous.GetStringAsync(unsubscribe.PathAndQuery, Cancel), StringComparison.Ordinal);
        Assert.True(await RemindersOnAsync(site));
        var oneClick = await anonymous.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Cancel);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await RemindersOnAsync(site));
        var entry = Assert.Single(await site.AuditAsync(), e => e.Action == AuditActions.RemindersUnsubscribed);
        Assert.Equal(await site.PatientIdAsync("patient@demo.test"), entry.PatientId);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/reminders/unsubscribe/forged", Cancel)).StatusCode);

        // Tuesday: nothing, reminders are off.
        await QuietMorningAsync(site, zone, 6, smtp, expected: 2);
    }

    /// <summary>Moves the clock to a local time on the day <paramref name="days"/> after Wednesday 25 November.</summary>
    private static async Task MoveToAsync(BreakawayFactory site, TimeZoneInfo zone, int days, TimeOnly time)
    {
        var local = new DateOnly(2026, 11, 25).AddDays(days).ToDateTime(time);
        var target = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        Assert.True(target > now, "the journey only moves forward");
        site.Clock.Advance(target - now);
        await Task.Delay(50, Cancel); // The services wake once for the jump.
    }

    /// <summary>From 07:59 to 08:06 on a day: no new reminder.</summary>
    private static async Task QuietMorningAsync(BreakawayFactory site, TimeZoneInfo zone, int days, TestSmtp smtp, int expected)
    {
        await MoveToAsync(site, zone, days, new TimeOnly(7, 59));
        await AdvanceUntil(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6), async () => smtp.Received.Count > expected, site.Clock);
        Assert.Equal(expected, smtp.Received.Count);
    }

    private static async Task<bool> RemindersOnAsync(BreakawayFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.RemindersOn).SingleAsync(Cancel);
    }
}
