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

namespace Breakaway.Web.Patients;

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
            var patientId = await db.Patients.Where(p => p.CalendarTokenHash == hash).Select(p => (int?)p.Id).SingleOrDefaultAsync();
            if (patientId is null)
            {
                return Results.NotFound();
            }

            var version = await programs.CurrentVersionAsync(patientId.Value);
            var calendar = Build(version, clock.Today(), site.Value.Absolute("/my"), clinic.Value.Name);
            return Results.Text(new CalendarSerializer().SerializeToString(calendar)!, "text/calendar; charset=utf-8");
        }).WithMetadata(PersonalDataAttribute.Instance);
        return endpoints;
    }

    public static Calendar Build(ProgramVersion? version, DateOnly today, string myUrl, string clinicName)
    {
        var calendar = new Calendar { ProductId = "-//Breakaway Physical Therapy//Home exercise//EN" };
        calendar.AddProperty("X-WR-CALNAME", clinicName);
        if (version is null)
        {
            return calendar;
        }

        for (var day = today; day < today.AddDays(56); day = day.AddDays(1))
        {
            var inRange = day >= version.StartDate && (version.EndDate is null || day <= version.EndDate);
            if (!inRange || !version.IsDue(day))
            {
                continue;
            }

            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"breakaway-{version.Id}-{day:yyyyMMdd}",
                Summary = EventTitle,
                Description = "Your exercises for today: " + myUrl,
                DtStart = new CalDateTime(day.Year, day.Month, day.Day),
                DtEnd = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
                Url = new Uri(myUrl),
            });
        }

        return calendar;
    }
}
