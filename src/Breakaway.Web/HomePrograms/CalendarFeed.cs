using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.HomePrograms;

/// <summary>
/// <c>/calendar/{token}.ics</c>: the patient's exercise days for the next eight weeks. Titles are neutral
/// ("Exercise session"): a calendar is often shared or shown on a lock screen, so no diagnosis or exercise
/// names appear in it. An unknown or revoked token answers 404.
/// </summary>
public static class CalendarFeed
{
    public const string EventTitle = "Exercise session";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/{token}.ics", async (string token, BreakawayDbContext db, PatientProgram programs, ClinicClock clock, IOptions<SiteOptions> site, IOptions<ClinicOptions> clinic) =>
        {
            if (token.Length > 100)
            {
                return Results.NotFound();
            }

            var hash = Invitations.Hash(token);
            var patient = await db.Patients.Where(p => p.CalendarTokenHash == hash).Select(p => new { p.Id, p.ReminderTime, p.ReminderTimeZone }).SingleOrDefaultAsync();
            if (patient is null)
            {
                return Results.NotFound();
            }

            var version = await programs.CurrentVersionAsync(patient.Id);
            var zone = ExerciseReminders.Zone(patient.ReminderTimeZone) ?? clock.Zone;
            var calendar = Build(version?.Id ?? 0, version is null ? null : programs.ScheduleOf(version), clock.Today(), site.Value.Absolute("/my"), clinic.Value.Name,
                patient.ReminderTime, zone);
            return Results.Text(new CalendarSerializer().SerializeToString(calendar)!, "text/calendar; charset=utf-8");
        }).WithMetadata(PersonalDataAttribute.Instance);
        return endpoints;
    }

    /// <summary>How long a timed event lasts in the patient's calendar.</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Fixed days: one event on each due day of the next eight weeks, at the patient's reminder time with an alarm
    /// (VALARM) when they chose one, all-day otherwise. Times a week: the patient picks the days, so one all-day event
    /// per Monday-Sunday week spans the week's active days and says how many sessions it asks for (the same weekly
    /// target adherence counts); see README "Decisions".
    /// </summary>
    public static Calendar Build(int versionId, ProgramSchedule? schedule, DateOnly today, string myUrl, string clinicName, TimeOnly? at = null, TimeZoneInfo? zone = null)
    {
        var calendar = new Calendar { ProductId = "-//Breakaway Physical Therapy//Home exercise//EN" };
        calendar.AddProperty("X-WR-CALNAME", clinicName);
        if (schedule is null)
        {
            return calendar;
        }

        var end = today.AddDays(56);
        if (!schedule.IsTimesAWeek)
        {
            for (var day = today; day < end; day = day.AddDays(1))
            {
                if (schedule.IsDueOn(day) && at is { } time)
                {
                    calendar.Events.Add(Timed($"breakaway-{versionId}-{day:yyyyMMdd}", day, time, zone ?? TimeZoneInfo.Utc, myUrl));
                }
                else if (schedule.IsDueOn(day))
                {
                    calendar.Events.Add(AllDay($"breakaway-{versionId}-{day:yyyyMMdd}", EventTitle, "Your exercises for today: " + myUrl, day, day, myUrl));
                }
            }

            return calendar;
        }

        // This week's event starts on its Monday (or the program's first day), so the week's count stays whole.
        for (var monday = ClinicClock.MondayOf(today); monday < end; monday = monday.AddDays(7))
        {
            var days = Enumerable.Range(0, 7).Select(monday.AddDays).Where(schedule.IsDueOn).ToList();
            if (days.Count == 0)
            {
                continue;
            }

            var sessions = schedule.WeeklyTarget(days.Count);
            var summary = sessions == 1 ? "Exercise session: 1 this week" : $"Exercise sessions: {sessions} this week";
            calendar.Events.Add(AllDay($"breakaway-{versionId}-week-{monday:yyyyMMdd}", summary, $"Any {sessions} of these days: " + myUrl, days[0], days[^1], myUrl));
        }

        return calendar;
    }

    /// <summary>
    /// An event at the patient's local time on a day, written in UTC (so no VTIMEZONE is needed and daylight saving is
    /// already applied), with a display alarm at its start.
    /// </summary>
    private static CalendarEvent Timed(string uid, DateOnly day, TimeOnly time, TimeZoneInfo zone, string myUrl)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var start = zone.IsInvalidTime(local) ? TimeZoneInfo.ConvertTimeToUtc(local.AddHours(1), zone) : TimeZoneInfo.ConvertTimeToUtc(local, zone);
        var calendarEvent = new CalendarEvent
        {
            Uid = uid,
            Summary = EventTitle,
            Description = "Your exercises for today: " + myUrl,
            DtStart = new CalDateTime(start, "UTC"),
            DtEnd = new CalDateTime(start + SessionLength, "UTC"),
            Url = new Uri(myUrl),
        };
        calendarEvent.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = EventTitle,
            Trigger = new Trigger(Duration.Zero),
        });
        return calendarEvent;
    }

    /// <summary>An all-day event from <paramref name="first"/> to <paramref name="last"/> inclusive (iCalendar's end date is exclusive).</summary>
    private static CalendarEvent AllDay(string uid, string summary, string description, DateOnly first, DateOnly last, string myUrl)
    {
        var after = last.AddDays(1);
        return new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            Description = description,
            DtStart = new CalDateTime(first.Year, first.Month, first.Day),
            DtEnd = new CalDateTime(after.Year, after.Month, after.Day),
            Url = new Uri(myUrl),
        };
    }
}
