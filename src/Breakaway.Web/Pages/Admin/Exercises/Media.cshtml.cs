using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Exercises;

/// <summary>
/// The photos and videos of one exercise, reached from the exercise editor. Photos are checked by their content,
/// cleaned of metadata and resized (<see cref="PhotoProcessor"/>); videos are checked and stored as sent. Either can be
/// for the public library or for one patient only.
/// </summary>
public sealed class MediaModel(BreakawayDbContext db, MediaLibrary media, AuditLog audit, IOutputCacheStore cache, ClinicClock clock) : PageModel
{
    /// <summary>Said at the field by the server, and by media-upload.js before a chosen file is sent (so it is not lost).</summary>
    public const string PhotoAltMissing = "Describe what the photo shows, for patients who cannot see it (such as \"Lying on the back, knees bent, hips lifted\").";

    public const string VideoDescriptionMissing = "Say in a sentence what the video shows (such as \"A therapist shows the bridge from the side, slowly\").";

    [BindProperty]
    public PhotoInput Photo { get; set; } = new();

    [BindProperty]
    public VideoInput Video { get; set; } = new();

    public int ExerciseId { get; private set; }
    public string ExerciseName { get; private set; } = string.Empty;
    public string ExerciseSlug { get; private set; } = string.Empty;
    public IReadOnlyList<(MediumView Medium, string? PatientName)> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Patients { get; private set; } = [];
    public MediaOptions Limits => media.Options;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var file = Photo.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Photo.File", "Choose a photo to upload.");
        }
        else if (file.Length > Limits.MaxPhotoBytes)
        {
            ModelState.AddModelError("Photo.File", $"This photo is {Megabytes(file.Length)} MB; the limit is {Limits.MaxPhotoMegabytes} MB. Save it smaller and try again.");
        }

        var alt = CheckText(Photo.Alt, "Photo.Alt", PhotoAltMissing);
        CheckPatient(Photo.PatientId, "Photo.PatientId");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var stream = file!.OpenReadStream();
        var (medium, problem) = await media.AddPhotoAsync(id, Photo.PatientId, alt!, Photo.InHandout, stream, User.UserId(), cancellationToken);
        return await SavedAsync(medium, problem, "Photo.File", "Photo added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostVideoAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var file = Video.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Video.File", "Choose a video to upload.");
        }
        else if (file.Length > Limits.MaxVideoBytes)
        {
            ModelState.AddModelError("Video.File", $"This video is {Megabytes(file.Length)} MB; the limit is {Limits.MaxVideoMegabytes} MB. Trim it or film it at a lower quality.");
        }

        var description = CheckText(Video.Description, "Video.Description", VideoDescriptionMissing);
        CheckPatient(Video.PatientId, "Video.PatientId");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var stream = file!.OpenReadStream();
        var (medium, problem) = await media.AddVideoAsync(id, Video.PatientId, description!, stream, file.Length, User.UserId(), cancellationToken);
        return await SavedAsync(medium, problem, "Video.File", "Video added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int mediumId, CancellationToken cancellationToken)
    {
        var medium = await db.Set<Medium>().FirstOrDefaultAsync(m => m.Id == mediumId && m.ExerciseId == id, cancellationToken);
        if (medium is null)
        {
            return NotFound();
        }

        // The removal and its audit row commit together (the medium may be a patient's own); the files go afterwards,
        // unless the same bytes (named by their content) still show on another exercise or card.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Set<Medium>().Where(m => m.Id == mediumId).ExecuteDeleteAsync(cancellationToken);
            await TouchAsync(id, cancellationToken);
            await audit.WriteAsync(AuditActions.MediumRemoved, patientId: medium.PatientId, detail: $"exercise {id}, {medium.Kind.ToString().ToLowerInvariant()} {medium.Id}");
            await transaction.CommitAsync(cancellationToken);
        }

        await media.DeleteFilesIfUnusedAsync(medium.Hash, cancellationToken);
        await cache.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
        Message = medium.Kind == MediumKind.Photo ? "Photo removed." : "Video removed.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SavedAsync(Medium? medium, string? problem, string field, string done, CancellationToken cancellationToken)
    {
        if (medium is null)
        {
            ModelState.AddModelError(field, problem!);
            return Page();
        }

        audit.Add(AuditActions.MediumAdded, patientId: medium.PatientId, detail: $"exercise {medium.ExerciseId}, {medium.Kind.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        await TouchAsync(medium.ExerciseId, cancellationToken);
        await cache.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
        Message = done;
        return RedirectToPage(new { id = medium.ExerciseId });
    }

    /// <summary>The exercise counts as changed, so other instances drop their cached copies of its pages too.</summary>
    private Task<int> TouchAsync(int id, CancellationToken cancellationToken) =>
        db.Exercises.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedUtc, clock.UtcNow()), cancellationToken);

    private string? CheckText(string? text, string field, string missing)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            ModelState.AddModelError(field, missing);
        }
        else if (trimmed.Length > 300)
        {
            ModelState.AddModelError(field, "Keep it under 300 characters.");
        }

        return trimmed;
    }

    private void CheckPatient(int? patientId, string field)
    {
        if (patientId is { } p && Patients.All(x => x.Id != p))
        {
            ModelState.AddModelError(field, "Choose a patient from the list.");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var exercise = await db.Exercises.Where(e => e.Id == id).Select(e => new { e.Id, e.Name, e.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (exercise is null)
        {
            return false;
        }

        (ExerciseId, ExerciseName, ExerciseSlug) = (exercise.Id, exercise.Name, exercise.Slug);
        var patients = await db.Patients.OrderBy(p => p.User.DisplayName).Select(p => new { p.Id, p.User.DisplayName }).ToListAsync(cancellationToken);
        Patients = [.. patients.Select(p => (p.Id, p.DisplayName))];
        var rows = await db.Set<Medium>().Where(m => m.ExerciseId == id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        Items = [.. rows.Select(m => (MediumView.From(m), m.PatientId is { } p ? Patients.FirstOrDefault(x => x.Id == p).Name : null))];
        return true;
    }

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public sealed class PhotoInput
    {
        public IFormFile? File { get; set; }

        public string? Alt { get; set; }

        public int? PatientId { get; set; }

        public bool InHandout { get; set; }
    }

    public sealed class VideoInput
    {
        public IFormFile? File { get; set; }

        public string? Description { get; set; }

        public int? PatientId { get; set; }
    }
}
