using System.Globalization;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Calendar = Ical.Net.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Sessions;

namespace Breakaway.Tests.Patients;

/// <summary>
/// /my, the calendar feed, the handout and adherence all answer "is this program due on day X" from one rule;
/// these tests walk the same four weeks (Monday 30 November to Sunday 27 December 2026, 07:00 clinic time each
/// day) through the real pages and feed, and check they agree day by day. Each test moves the clock, so each
/// has its own host.
/// </summary>
public sealed class DueDayAgreementTests
{
    private static readonly DateOnly First = new(2026, 11, 30);
    private static readonly IReadOnlyList<DateOnly> FourWeeks = [.. Enumerable.Range(0, 28).Select(First.AddDays)];

    [Fact]
    public async Task FixedDays_MondayWednesdayFriday_MyCalendarHandoutAndAdherenceAgree()
    {
        await using var walk = await Walk.StartAsync(WeekDays.Monday | WeekDays.Wednesday | WeekDays.Friday, null);
        var expected = FourWeeks.Where(d => d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday).ToHashSet();

        var (calendar, my, handoutRest) = await walk.ThroughTheWeeksAsync();
        var adherence = await walk.AdherenceAsync();

        Assert.All(calendar.Events, e => Assert.Equal(CalendarFeed.EventTitle, e.Summary));
        var calendarDays = calendar.Events.SelectMany(Days).ToHashSet();
        Assert.Equal(expected.Order(), calendarDays.Where(FourWeeks.Contains).Order());
        foreach (var day in FourWeeks)
        {
            var due = expected.Contains(day);
            Assert.True(due == my[day].Due, $"/my on {day}");
            Assert.True(due == !handoutRest.Contains(day), $"handout on {day}");
            Assert.True(due == adherence.Days.Single(d => d.Date == day).State is DayState.Missed, $"adherence on {day}");
            if (!due)
            {
                // The "next session" /my names on a rest day is the next day the calendar has an event (Sunday 27th's is 28th).
                Assert.Equal(calendarDays.Where(d => d > day).Order().Cast<DateOnly?>().FirstOrDefault(), my[day].Next);
            }
        }

        Assert.Equal(expected.Count, adherence.Prescribed);
    }

    [Fact]
    public async Task TimesAWeek_Three_MyCalendarHandoutAndAdherenceAgree()
    {
        await using var walk = await Walk.StartAsync(WeekDays.None, 3);

        var (calendar, my, handoutRest) = await walk.ThroughTheWeeksAsync();
        var adherence = await walk.AdherenceAsync();

        // Each week of the four is one event across Monday to Sunday asking for 3 sessions, the adherence target.
        var weeks = calendar.Events.Where(e => FourWeeks.Contains(Days(e).First())).OrderBy(e => Days(e).First()).ToList();
        Assert.Equal(4, weeks.Count);
        foreach (var (week, i) in weeks.Select((e, i) => (e, i)))
        {
            Assert.Equal(FourWeeks.Skip(7 * i).Take(7), Days(week));
            Assert.Equal("Exercise sessions: 3 this week", week.Summary);
            Assert.Equal(3, adherence.Weeks[i].Prescribed);
        }

        // Every active day is a day the patient may exercise: /my offers it, the handout has no rest day.
        Assert.All(FourWeeks, day => Assert.True(my[day].Due, $"/my on {day}"));
        Assert.Empty(handoutRest);
        Assert.DoesNotContain(adherence.Days, d => d.State == DayState.NoProgram);
        Assert.Equal(12, adherence.Prescribed);
    }

    private static List<DateOnly> Days(Ical.Net.CalendarComponents.CalendarEvent e)
    {
        var start = e.DtStart!.Date;
        var end = e.DtEnd!.Date; // Exclusive, as iCalendar all-day events are.
        return [.. Enumerable.Range(0, end.DayNumber - start.DayNumber).Select(start.AddDays)];
    }

    private sealed record MyDay(bool Due, DateOnly? Next);

    private sealed record AdherenceView(int Prescribed, IReadOnlyList<AdherenceDay> Days, IReadOnlyList<AdherenceResult> Weeks);

    /// <summary>The demo patient with their program's schedule set to the test's, signed in on a host of their own.</summary>
    private sealed class Walk : IAsyncDisposable
    {
        private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo();
        private HttpClient _patient = null!;
        private int _patientId;

        public static async Task<Walk> StartAsync(WeekDays days, int? timesPerWeek)
        {
            var walk = new Walk();
            walk._patient = walk._factory.CreateClient();

            // The demo version was published on Wednesday 25 November; starting it on Monday 30th makes the walk
            // begin on a whole week. Set in the row because a published version cannot be edited through the pages.
            await using (var scope = walk._factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
                walk._patientId = await db.Patients.Where(p => p.User.UserName == "patient@demo.test").Select(p => p.Id).SingleAsync();
                var changed = await db.ProgramVersions.Where(v => v.Program.PatientId == walk._patientId && v.PublishedUtc != null)
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.StartDate, First).SetProperty(v => v.Days, days).SetProperty(v => v.TimesPerWeek, timesPerWeek));
                Assert.Equal(1, changed);
            }

            // "Keep me signed in": a day between requests is longer than the idle limit of a plain sign-in.
            walk.MoveTo(First);
            await walk._patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword, keep: true);
            return walk;
        }

        private void MoveTo(DateOnly day) =>
            _factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

        /// <summary>
        /// The feed as a calendar app reads it on the first morning; then /my each morning (is today a session day,
        /// and on a rest day the next session it names) and the handout's "rest" cells, printed each Monday.
        /// The clock only moves forward, as it does for a real patient.
        /// </summary>
        public async Task<(Calendar Calendar, Dictionary<DateOnly, MyDay> My, HashSet<DateOnly> HandoutRest)> ThroughTheWeeksAsync()
        {
            var response = await _patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Create']");
            var link = new Uri(Html.Parse(await response.BodyAsync()).QuerySelector(".invite-link a")!.GetAttribute("href")!).PathAndQuery;
            var feed = await _factory.CreateClient().GetAsync(link, TestContext.Current.CancellationToken);
            var calendar = Calendar.Load(await feed.BodyAsync())!;

            var my = new Dictionary<DateOnly, MyDay>();
            var rest = new HashSet<DateOnly>();
            foreach (var day in FourWeeks)
            {
                MoveTo(day);
                var page = await _patient.GetDocumentAsync("/my");
                Assert.NotNull(page.QuerySelector("#program-title"));
                var notice = page.QuerySelectorAll(".notice").Select(n => n.TextContent)
                    .FirstOrDefault(t => t.Contains("Today is a rest day.", StringComparison.Ordinal));
                DateOnly? next = null;
                if (notice is not null && notice.IndexOf("Your next session is on ", StringComparison.Ordinal) is var at and >= 0)
                {
                    var words = notice[(at + "Your next session is on ".Length)..].Split('.')[0];
                    // "Wednesday 2 December": the weekday is left out of the parse, since the year is a guess (a
                    // January day named in late December is next year's). The page formats in this process's culture.
                    var parsed = DateOnly.ParseExact($"{words[(words.IndexOf(' ', StringComparison.Ordinal) + 1)..]} {day.Year}", "d MMMM yyyy", CultureInfo.CurrentCulture);
                    next = parsed < day ? parsed.AddYears(1) : parsed;
                }

                my[day] = new MyDay(notice is null, next);

                if (day.DayOfWeek == DayOfWeek.Monday)
                {
                    var cells = (await _patient.GetDocumentAsync("/my/handout")).QuerySelectorAll(".log-grid tbody tr:first-child td").ToList();
                    Assert.Equal(7, cells.Count);
                    rest.UnionWith(cells.Select((c, i) => (c, i)).Where(x => x.c.TextContent.Trim() == "rest").Select(x => day.AddDays(x.i)));
                }
            }

            return (calendar, my, rest);
        }

        /// <summary>Adherence from the patient's real schedule history, the morning after the walk, with nothing logged.</summary>
        public async Task<AdherenceView> AdherenceAsync()
        {
            var after = First.AddDays(28);
            MoveTo(after);
            await using var scope = _factory.Services.CreateAsyncScope();
            var spans = await scope.ServiceProvider.GetRequiredService<PatientProgram>().SpansAsync(_patientId, TestContext.Current.CancellationToken);
            var none = new HashSet<DateOnly>();
            var all = Adherence.Compute(spans, none, First, after.AddDays(-1), after);
            var weeks = Enumerable.Range(0, 4).Select(w => Adherence.Compute(spans, none, First.AddDays(7 * w), First.AddDays(7 * w + 6), after)).ToList();
            return new AdherenceView(all.Prescribed, all.Days, weeks);
        }

        public async ValueTask DisposeAsync()
        {
            _patient.Dispose();
            await _factory.DisposeAsync();
        }
    }
}
