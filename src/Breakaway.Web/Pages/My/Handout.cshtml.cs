using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Media;

namespace Breakaway.Web.Pages.My;

/// <summary>A printable handout of the current program, with a paper log grid for this week and a QR code to /my.</summary>
public sealed class HandoutModel(PatientProgram patientProgram, ClinicClock clock, IOptions<SiteOptions> site, MediaLibrary media) : PatientPageModel
{
    public string Name { get; private set; } = string.Empty;
    public ProgramVersion? Version { get; private set; }

    /// <summary>Photos the therapist chose for the handout ("include photos"); videos never print.</summary>
    public ILookup<int, MediumView> Media { get; private set; } = Array.Empty<MediumView>().ToLookup(m => m.ExerciseId);
    public ProgramSchedule? Schedule { get; private set; }
    public IReadOnlyList<DateOnly> Week { get; private set; } = [];
    public string MyUrl => site.Value.Absolute(Url.Page("/My/Index")!);
    public string QrDataUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var patientId = PatientId;

        Name = User.DisplayName();
        Version = await patientProgram.CurrentVersionAsync(patientId, cancellationToken);
        Schedule = Version is null ? null : patientProgram.ScheduleOf(Version);
        if (Version is not null)
        {
            Media = await media.ForExercisesAsync([.. Version.Exercises.Select(e => e.ExerciseId).Distinct()], patientId, cancellationToken);
        }

        var today = clock.Today();
        var monday = ClinicClock.MondayOf(today);
        Week = [.. Enumerable.Range(0, 7).Select(monday.AddDays)];
        QrDataUri = QrCodes.PngDataUri(MyUrl, 4);
        return Page();
    }
}
