using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure;

/// <summary>The clinic's calendar: today's date in the clinic's time zone, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class ClinicClock(TimeProvider time, IOptions<ClinicOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset Now() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);

    public DateOnly Today() => DateOnly.FromDateTime(Now().DateTime);

    public DateTime UtcNow() => time.GetUtcNow().UtcDateTime;

    /// <summary>The Monday of the week a day falls in (weeks run Monday to Sunday).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>"HH:mm" in the clinic's time zone, for an instant stored in UTC.</summary>
    public string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant stored in UTC as the clinic's wall-clock time, formatted for staff pages.</summary>
    public string Format(DateTime utc, string format = "d MMM yyyy HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The clinic's calendar day of an instant stored in UTC.</summary>
    public DateOnly ToClinicDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone));
}
