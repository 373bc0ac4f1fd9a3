using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Drawings;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Exercises;

/// <summary>
/// Create and edit library exercises. Lists (steps, cues) are one line each. Exercises are archived, never
/// deleted; stop cues keep their rows when their wording changes, so logs that point at them stay valid.
/// </summary>
public sealed class EditModel(BreakawayDbContext db, AuditLog audit, ClinicClock clock, IOutputCacheStore cache) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? ExerciseId { get; private set; }
    public bool IsArchived { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Others { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            Input = new InputModel { Dose = new Dose { Sets = 2, Reps = 10, RestSeconds = 30, TimesPerWeek = 3 } };
            await LoadOthers(null);
            return Page();
        }

        var exercise = await db.Exercises.Include(e => e.StopCues).Include(e => e.Progressions).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id);
        if (exercise is null)
        {
            return NotFound();
        }

        ExerciseId = exercise.Id;
        IsArchived = exercise.IsArchived;
        Input = new InputModel
        {
            Slug = exercise.Slug,
            Name = exercise.Name,
            Purpose = exercise.Purpose,
            Category = exercise.Category,
            Region = exercise.BodyRegion,
            StartingPosition = exercise.StartingPosition,
            Steps = string.Join('\n', exercise.Steps),
            FormCues = string.Join('\n', exercise.FormCues),
            StopCues = string.Join('\n', exercise.StopCues.Where(c => !c.IsPain).OrderBy(c => c.Order).Select(c => c.Text)),
            PainStopCues = string.Join('\n', exercise.StopCues.Where(c => c.IsPain).OrderBy(c => c.Order).Select(c => c.Text)),
            Dose = exercise.Dose,
            HoldAt = exercise.HoldAt,
            SideName = exercise.SideName,
            Equipment = exercise.Equipment,
            MediaUrl = exercise.MediaUrl,
            IsPublic = exercise.IsPublic,
            Harder = [.. exercise.Progressions.Select(p => p.HarderId)],
            Drawing = exercise.Drawing ?? new ExerciseDrawing(),
        };
        await LoadOthers(exercise.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var exercise = id is null ? null : await db.Exercises.AsTracking().Include(e => e.StopCues).Include(e => e.Progressions).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id);
        if (id is not null && exercise is null)
        {
            return NotFound();
        }

        Validate(id);
        if (!ModelState.IsValid)
        {
            ExerciseId = id;
            IsArchived = exercise?.IsArchived ?? false;
            await LoadOthers(id);
            return Page();
        }

        var now = clock.UtcNow();
        exercise ??= db.Exercises.Add(new Exercise { Slug = Input.Slug, Name = Input.Name, Purpose = Input.Purpose, StartingPosition = Input.StartingPosition, CreatedUtc = now }).Entity;
        exercise.Slug = Input.Slug.Trim();
        exercise.Name = Input.Name.Trim();
        exercise.Purpose = Input.Purpose.Trim();
        exercise.Category = Input.Category;
        exercise.BodyRegion = Input.Region;
        exercise.StartingPosition = Input.StartingPosition.Trim();
        exercise.Steps = Lines(Input.Steps);
        exercise.FormCues = Lines(Input.FormCues);
        exercise.Dose = Input.Dose;
        exercise.HoldAt = Blank(Input.HoldAt);
        exercise.SideName = string.IsNullOrWhiteSpace(Input.SideName) ? "side" : Input.SideName.Trim();
        exercise.Equipment = Blank(Input.Equipment);
        exercise.MediaUrl = Blank(Input.MediaUrl);
        exercise.IsPublic = Input.IsPublic;
        exercise.Drawing = Input.Drawing.Positions.Count == 0 ? null : Input.Drawing;
        exercise.UpdatedUtc = now;
        SyncStopCues(exercise);
        exercise.Progressions.RemoveAll(p => !Input.Harder.Contains(p.HarderId));
        foreach (var harder in Input.Harder.Where(h => exercise.Progressions.All(p => p.HarderId != h) && h != exercise.Id))
        {
            exercise.Progressions.Add(new ExerciseProgression { HarderId = harder });
        }

        audit.Add(id is null ? AuditActions.ExerciseCreated : AuditActions.ExerciseEdited, detail: exercise.Slug);
        await db.SaveChangesAsync();
        await cache.EvictByTagAsync(PublicPageCache.Tag, default);
        Message = "Saved.";
        return RedirectToPage(new { id = exercise.Id });
    }

    /// <summary>"Preview drawing": shows the drawing made from the numbers on the form, saving nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id)
    {
        var problems = ValidateDrawing();
        ModelState.Clear();
        foreach (var (key, message) in problems)
        {
            ModelState.AddModelError(key, message);
        }

        return await Redisplay(id);
    }

    /// <summary>The live preview's request (the script posts the same form): just the drawing, or 400 with no body.</summary>
    public IActionResult OnPostPreviewDrawing()
    {
        if (ValidateDrawing().Count > 0 || Input.Drawing.Positions.Count == 0)
        {
            return BadRequest();
        }

        return Partial("_ExerciseVisual", PreviewVisual);
    }

    /// <summary>Puts a base pose into a position (a position number one past the last adds a position).</summary>
    public async Task<IActionResult> OnPostPoseAsync(int? id, int position)
    {
        var pose = BasePoses.Find(Request.Form[$"basePose{position}"]);
        var positions = Input.Drawing.Positions;
        if (pose is null || position < 0 || position > positions.Count || positions.Count >= MaxPositions && position == positions.Count)
        {
            ModelState.AddModelError($"basePose{position}", "Choose a base pose from the list.");
            return await Redisplay(id, clear: false);
        }

        if (position == positions.Count)
        {
            positions.Add(new DrawingPosition { Label = positions.Count == 0 ? "Start" : "End", Pose = pose });
        }
        else
        {
            positions[position] = positions[position] with { Pose = pose };
        }

        return await Redisplay(id);
    }

    public async Task<IActionResult> OnPostRemovePositionAsync(int? id, int position)
    {
        if (position >= 0 && position < Input.Drawing.Positions.Count)
        {
            Input.Drawing.Positions.RemoveAt(position);
        }

        return await Redisplay(id);
    }

    public const int MaxPositions = 4;

    public ExerciseVisual PreviewVisual => new(Input.Name ?? "", Input.StartingPosition ?? "", Input.Drawing, Input.Dose.HoldSeconds, VisualSize.Full);

    /// <summary>The form again with the posted values; the model's values win over what the browser sent, since a handler changed them.</summary>
    private async Task<IActionResult> Redisplay(int? id, bool clear = true)
    {
        if (clear)
        {
            var errors = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage)).ToList();
            ModelState.Clear();
            foreach (var (key, message) in errors.Where(e => e.Key.StartsWith("Input.Drawing", StringComparison.Ordinal)))
            {
                ModelState.AddModelError(key, message);
            }
        }

        ExerciseId = id;
        IsArchived = id is not null && await db.Exercises.AnyAsync(e => e.Id == id && e.IsArchived);
        if (id is not null && !await db.Exercises.AnyAsync(e => e.Id == id))
        {
            return NotFound();
        }

        await LoadOthers(id);
        return Page();
    }

    private List<(string Key, string Message)> ValidateDrawing()
    {
        var problems = new List<(string, string)>();
        var drawing = Input.Drawing;
        if (drawing.Elevation is < 0 or > 70)
        {
            problems.Add(("Input.Drawing.Elevation", "Camera height: use a number from 0 to 70 degrees."));
        }

        if (drawing.Turn is < -90 or > 90)
        {
            problems.Add(("Input.Drawing.Turn", "Camera turn: use a number from -90 to 90 degrees."));
        }

        if (drawing.Positions.Count > MaxPositions)
        {
            problems.Add(("Input.Drawing", $"A drawing has at most {MaxPositions} positions."));
        }

        for (var i = 0; i < drawing.Positions.Count; i++)
        {
            var position = drawing.Positions[i];
            if (string.IsNullOrWhiteSpace(position.Label) || position.Label.Length > 40)
            {
                problems.Add(($"Input.Drawing.Positions[{i}].Label", "Name the position in 1-40 characters, such as \"Start\" or \"Hips lifted\"."));
            }

            problems.AddRange(PoseField.Problems(position.Pose).Select(p => ($"Input.Drawing.Positions[{i}].Pose.{p.Name}", p.Message)));
        }

        return problems;
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool archive)
    {
        var changed = await db.Exercises.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsArchived, archive).SetProperty(e => e.UpdatedUtc, clock.UtcNow()));
        if (changed == 0)
        {
            return NotFound();
        }

        await audit.WriteAsync(archive ? AuditActions.ExerciseArchived : AuditActions.ExerciseRestored, detail: $"exercise {id}");
        await cache.EvictByTagAsync(PublicPageCache.Tag, default);
        Message = archive ? "Archived: hidden from the public library and the builder. Programs that use it keep it." : "Restored.";
        return RedirectToPage(new { id });
    }

    /// <summary>Cue rows are reused in order, so a reworded cue keeps its id; extra rows are removed.</summary>
    private void SyncStopCues(Exercise exercise)
    {
        var wanted = Lines(Input.StopCues).Select(t => (Text: t, Pain: false)).Concat(Lines(Input.PainStopCues).Select(t => (Text: t, Pain: true))).ToList();
        var existing = exercise.StopCues.OrderBy(c => c.Order).ToList();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].Text = wanted[i].Text;
                existing[i].IsPain = wanted[i].Pain;
                existing[i].Order = i + 1;
            }
            else
            {
                exercise.StopCues.Add(new StopCue { Text = wanted[i].Text, IsPain = wanted[i].Pain, Order = i + 1 });
            }
        }

        foreach (var extra in existing.Skip(wanted.Count))
        {
            exercise.StopCues.Remove(extra);
            db.StopCues.Remove(extra);
        }
    }

    private void Validate(int? id)
    {
        if (!Slug.IsValid(Input.Slug?.Trim()))
        {
            ModelState.AddModelError("Input.Slug", "Use 1-80 lower-case letters, digits and hyphens, such as 'wall-sit'.");
        }
        else if (db.Exercises.Any(e => e.Slug == Input.Slug!.Trim() && e.Id != id))
        {
            ModelState.AddModelError("Input.Slug", "Another exercise already uses this address.");
        }

        if (Lines(Input.Steps).Count == 0)
        {
            ModelState.AddModelError("Input.Steps", "Write at least one step.");
        }

        if (Lines(Input.StopCues).Count + Lines(Input.PainStopCues).Count == 0)
        {
            ModelState.AddModelError("Input.StopCues", "Every exercise needs at least one stop cue.");
        }

        if (Lines(Input.Steps).Concat(Lines(Input.FormCues)).Concat(Lines(Input.StopCues)).Concat(Lines(Input.PainStopCues)).Any(l => l.Length > 200))
        {
            ModelState.AddModelError(string.Empty, "Keep each step and cue under 200 characters.");
        }

        if (!string.IsNullOrWhiteSpace(Input.MediaUrl) && !(Uri.TryCreate(Input.MediaUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            ModelState.AddModelError("Input.MediaUrl", "Use a web address starting with https://.");
        }

        foreach (var (key, message) in ValidateDrawing())
        {
            ModelState.AddModelError(key, message);
        }

        var known = db.Exercises.Select(e => e.Id).ToHashSet();
        if (Input.Harder.Any(h => !known.Contains(h) || h == id))
        {
            ModelState.AddModelError("Input.Harder", "Choose harder versions from the list.");
        }
    }

    private async Task LoadOthers(int? id) =>
        Others = [.. (await db.Exercises.Where(e => e.Id != id).OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync()).Select(e => (e.Id, e.Name))];

    private static List<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the exercise an address (slug).")]
        public string Slug { get; set; } = string.Empty;

        [Required(ErrorMessage = "Give the exercise a name."), StringLength(120)]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Say in one sentence what it is for."), StringLength(300)]
        public string Purpose { get; set; } = string.Empty;

        public ExerciseCategory Category { get; set; }

        public BodyRegion Region { get; set; }

        [Required(ErrorMessage = "Describe the starting position."), StringLength(600)]
        public string StartingPosition { get; set; } = string.Empty;

        [StringLength(4000)]
        public string? Steps { get; set; }

        [StringLength(2000)]
        public string? FormCues { get; set; }

        [StringLength(2000)]
        public string? StopCues { get; set; }

        [StringLength(2000)]
        public string? PainStopCues { get; set; }

        public Dose Dose { get; set; } = new();

        [StringLength(60)]
        public string? HoldAt { get; set; }

        [StringLength(20)]
        public string? SideName { get; set; } = "side";

        [StringLength(200)]
        public string? Equipment { get; set; }

        [StringLength(500)]
        public string? MediaUrl { get; set; }

        public bool IsPublic { get; set; } = true;

        public List<int> Harder { get; set; } = [];

        /// <summary>The figure's positions; none means the exercise has no drawing.</summary>
        public ExerciseDrawing Drawing { get; set; } = new();
    }
}
