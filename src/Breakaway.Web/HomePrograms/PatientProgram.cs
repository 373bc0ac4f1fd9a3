using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.Sessions;

namespace Breakaway.Web.HomePrograms;

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
            (ProgramVersion.EffectiveFrom(v.StartDate, clock.ToClinicDay(v.PublishedUtc!.Value)), v.EndDate, v.Days, v.TimesPerWeek)));
    }

    /// <summary>When a published version's exercises are due, with its publish day read in the clinic's time zone.</summary>
    public ProgramSchedule ScheduleOf(ProgramVersion version) => version.Schedule(clock.ToClinicDay(version.PublishedUtc!.Value));
}
