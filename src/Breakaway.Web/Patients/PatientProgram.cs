using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Programs;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Patients;

/// <summary>What a patient's pages share: their current program version, their schedule history and sessions.</summary>
public sealed class PatientProgram(BreakawayDbContext db, ClinicClock clock)
{
    /// <summary>The latest published version of the patient's active programs, with exercises and stop cues, untracked.</summary>
    public Task<ProgramVersion?> CurrentVersionAsync(int patientId, CancellationToken cancellationToken = default) =>
        db.ProgramVersions
            .Where(v => v.Program.PatientId == patientId && v.Program.ArchivedUtc == null && v.PublishedUtc != null)
            .OrderByDescending(v => v.PublishedUtc)
            .Include(v => v.Program)
            .Include(v => v.Exercises.OrderBy(e => e.Order)).ThenInclude(e => e.Exercise).ThenInclude(x => x.StopCues)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The schedule spans of every published version of the patient, in clinic days.</summary>
    public async Task<IReadOnlyList<ScheduleSpan>> SpansAsync(int patientId, CancellationToken cancellationToken = default)
    {
        var versions = await db.ProgramVersions
            .Where(v => v.Program.PatientId == patientId && v.PublishedUtc != null)
            .Select(v => new { v.StartDate, v.EndDate, v.Days, v.TimesPerWeek, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        return ScheduleSpan.FromVersions(versions.Select(v =>
        {
            var published = clock.ToClinicDay(v.PublishedUtc!.Value);
            return (v.StartDate > published ? v.StartDate : published, v.EndDate, v.Days, v.TimesPerWeek);
        }));
    }

    /// <summary>The next day on or after <paramref name="from"/> when exercises are due, within two weeks.</summary>
    public static DateOnly? NextDueDay(ProgramVersion version, DateOnly from)
    {
        for (var day = from; day <= from.AddDays(14); day = day.AddDays(1))
        {
            if (day >= version.StartDate && (version.EndDate is null || day <= version.EndDate) && (version.Days == WeekDays.None || version.IsDue(day)))
            {
                return day;
            }
        }

        return null;
    }
}
