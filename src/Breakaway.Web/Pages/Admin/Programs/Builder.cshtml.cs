using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.HomePrograms;

namespace Breakaway.Web.Pages.Admin.Programs;

/// <summary>
/// The program builder. Every button posts the whole form, so dose edits are never lost, and works without
/// JavaScript. Nothing is saved unless every field is valid. Edits go to the draft; "Assign" publishes it as
/// the next version, which the patient sees.
/// </summary>
public sealed class BuilderModel(BreakawayDbContext db, ProgramService programs, AuditLog audit) : PageModel
{
    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public List<RowInput> Rows { get; set; } = [];

    public ProgramHeader Program { get; private set; } = null!;
    public ProgramVersion? Draft { get; private set; }
    public ProgramVersion? Published { get; private set; }
    public IReadOnlyList<LibraryItem> Library { get; private set; } = [];
    public string? Query { get; private set; }
    /// <summary>What the last action did, carried across its redirect (never taken from the address).</summary>
    [TempData]
    public string? Message { get; set; }
    public int Minutes { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<WeekDays> AllDays => WeekDaysExtensions.InOrder;

    public async Task<IActionResult> OnGetAsync(int id, string? q)
    {
        if (!await LoadAsync(id, track: false))
        {
            return NotFound();
        }

        if (Program.PatientId is { } patientId)
        {
            // A patient's program is their health data: opening it is a read of their record.
            await audit.ViewedAsync(AuditActions.ProgramOpened, patientId, detail: $"program {id}");
        }
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Draft is not null)
        {
            FillInputs(Draft);
            await SearchLibraryAsync();
        }

        return Page();
    }

    /// <summary>Starts changing a published program: a draft copied from the latest version.</summary>
    public async Task<IActionResult> OnPostEditAsync(int id)
    {
        // Only what the action needs: that the program is there, and whose it is for the audit row.
        var program = await db.Programs.Where(p => p.Id == id && p.ArchivedUtc == null).Select(p => new { p.PatientId }).SingleOrDefaultAsync();
        if (program is null)
        {
            return NotFound();
        }

        // The draft and its audit row commit together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await programs.DraftAsync(id, User.UserId());
        await audit.WriteAsync(AuditActions.ProgramDraftStarted, program.PatientId, detail: $"program {id}");
        await transaction.CommitAsync();
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => Act(id, _ => Task.FromResult<string?>("Changes saved."), AuditActions.ProgramSaved);

    public Task<IActionResult> OnPostFindAsync(int id, string? q) =>
        Act(id, _ => Task.FromResult<string?>(null), AuditActions.ProgramSaved, query: q);

    public Task<IActionResult> OnPostMoveAsync(int id, string target) => Act(id, draft =>
    {
        var parts = target?.Split(':') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[0], out var rowId) || draft.Exercises.FirstOrDefault(e => e.Id == rowId) is not { } row)
        {
            throw new RowNotFoundException();
        }

        var ordered = draft.Exercises.OrderBy(e => e.Order).ToList();
        var index = ordered.IndexOf(row);
        var swapWith = parts[1] == "up" ? index - 1 : index + 1;
        if (swapWith >= 0 && swapWith < ordered.Count)
        {
            (ordered[index].Order, ordered[swapWith].Order) = (ordered[swapWith].Order, ordered[index].Order);
        }

        return Task.FromResult<string?>($"Moved {row.Exercise.Name} {(parts[1] == "up" ? "up" : "down")}.");
    }, AuditActions.ProgramReordered);

    public Task<IActionResult> OnPostRemoveAsync(int id, int target) => Act(id, draft =>
    {
        var row = draft.Exercises.FirstOrDefault(e => e.Id == target) ?? throw new RowNotFoundException();
        draft.Exercises.Remove(row);
        db.ProgramExercises.Remove(row);
        var order = 1;
        foreach (var remaining in draft.Exercises.OrderBy(e => e.Order))
        {
            remaining.Order = order++;
        }

        return Task.FromResult<string?>($"Removed {row.Exercise.Name}.");
    }, AuditActions.ProgramExerciseRemoved);

    public Task<IActionResult> OnPostAddAsync(int id, int exerciseId, string? q) => Act(id, async draft =>
    {
        var exercise = await db.Exercises.AsTracking().FirstOrDefaultAsync(e => e.Id == exerciseId && !e.IsArchived);
        if (exercise is null)
        {
            ModelState.AddModelError("exerciseId", "That exercise is not in the library.");
            return null;
        }

        if (draft.Exercises.Any(e => e.ExerciseId == exerciseId))
        {
            return $"{exercise.Name} is already in the program.";
        }

        draft.Exercises.Add(new ProgramExercise
        {
            ExerciseId = exercise.Id,
            Exercise = exercise,
            Order = draft.Exercises.Count == 0 ? 1 : draft.Exercises.Max(e => e.Order) + 1,
            Dose = exercise.Dose,
        });
        return $"Added {exercise.Name} with its usual dose. Tune it below.";
    }, AuditActions.ProgramExerciseAdded, query: q);

    public Task<IActionResult> OnPostPublishAsync(int id) => Act(id, async draft =>
    {
        if (draft.Exercises.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Add at least one exercise before assigning the program.");
            return null;
        }

        // Staged with the edits: Act saves both with the audit row, in one SaveChanges.
        var number = await programs.StagePublishAsync(id, User.UserId());
        return Program.IsTemplate ? "Template saved." : $"Version {number} assigned. The patient sees it now.";
    }, AuditActions.ProgramPublished);

    public async Task<IActionResult> OnPostSaveAsTemplateAsync(int id, string? templateTitle, Guid creationKey)
    {
        if (string.IsNullOrWhiteSpace(templateTitle) || templateTitle.Length > 120)
        {
            ModelState.AddModelError("templateTitle", "Give the template a name of up to 120 characters.");
        }

        // The edits, the new template, its first version and both audit rows commit together (the template's id,
        // which its audit row names, comes from its first save).
        await using var transaction = await db.Database.BeginTransactionAsync();
        IActionResult? failure = null;
        var result = await Act(id, _ => Task.FromResult<string?>(null), AuditActions.ProgramSaved, onInvalid: page => failure = page);
        if (failure is not null || !ModelState.IsValid)
        {
            return failure ?? result;
        }

        var template = await programs.CreateAsync(null, templateTitle!.Trim(), Program.Goal, id, creationKey, User.UserId());
        await programs.StagePublishAsync(template.Id, User.UserId());
        audit.Add(AuditActions.TemplateCreated, Program.PatientId, detail: $"template {template.Id} from program {id}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Message = $"Saved as the template \"{template.Title}\".";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> Act(int id, Func<ProgramVersion, Task<string?>> action, string auditAction, string? query = null, Action<IActionResult>? onInvalid = null)
    {
        if (!await LoadAsync(id, track: true) || Draft is null)
        {
            return NotFound();
        }

        ApplyEdits(Draft);
        string? message = null;
        if (ModelState.IsValid)
        {
            try
            {
                message = await action(Draft);
            }
            catch (RowNotFoundException)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            // Nothing is saved: show the form again with the messages at the fields.
            db.ChangeTracker.Clear();
            await LoadAsync(id, track: false);
            Query = query;
            await SearchLibraryAsync();
            var page = Page();
            onInvalid?.Invoke(page);
            return page;
        }

        audit.Add(auditAction, Program.PatientId, detail: $"program {id}");
        await db.SaveChangesAsync();
        Message = message;
        var q = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        return RedirectToPage(null, null, new { id, q }, query is null ? null : "library");
    }

    /// <summary>Copies the posted details and doses onto the tracked draft, after checking every row belongs to it.</summary>
    private void ApplyEdits(ProgramVersion draft)
    {
        var program = db.Programs.Local.Single(p => p.Id == draft.ProgramId);
        if (Details.EndDate is { } end && end < Details.StartDate)
        {
            ModelState.AddModelError("Details.EndDate", "The end date must be after the start date.");
        }

        var days = Details.Days.Aggregate(WeekDays.None, (all, day) => all | day);
        if (days == WeekDays.None && Details.TimesPerWeek is null)
        {
            ModelState.AddModelError("Details.Days", "Choose the days, or how many times a week.");
        }

        foreach (var row in Rows)
        {
            if (draft.Exercises.All(e => e.Id != row.Id))
            {
                ModelState.AddModelError(string.Empty, "One of the exercises is no longer in this program. Reload the page and try again.");
            }
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        program.Title = Details.Title.Trim();
        program.Goal = string.IsNullOrWhiteSpace(Details.Goal) ? null : Details.Goal.Trim();
        draft.StartDate = Details.StartDate;
        draft.EndDate = Details.EndDate;
        draft.Days = days;
        draft.TimesPerWeek = days == WeekDays.None ? Details.TimesPerWeek : null;
        foreach (var row in Rows)
        {
            var exercise = draft.Exercises.Single(e => e.Id == row.Id);
            exercise.Dose = exercise.Dose with
            {
                Sets = row.Sets,
                Reps = row.Reps,
                HoldSeconds = row.HoldSeconds,
                PerSide = row.PerSide,
                RestSeconds = row.RestSeconds,
            };
            exercise.Resistance = string.IsNullOrWhiteSpace(row.Resistance) ? null : row.Resistance.Trim();
            exercise.Note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
        }
    }

    private async Task<bool> LoadAsync(int id, bool track)
    {
        var header = await db.Programs
            .Where(p => p.Id == id && p.ArchivedUtc == null)
            .Select(p => new ProgramHeader(p.Id, p.Title, p.Goal, p.IsTemplate, p.PatientId, p.Patient != null ? p.Patient.User.DisplayName : null))
            .SingleOrDefaultAsync();
        if (header is null)
        {
            return false;
        }

        Program = header;
        if (track)
        {
            await db.Programs.AsTracking().SingleAsync(p => p.Id == id);
            Draft = await db.ProgramVersions.AsTracking()
                .Include(v => v.Exercises).ThenInclude(e => e.Exercise)
                .AsSplitQuery()
                .FirstOrDefaultAsync(v => v.ProgramId == id && v.PublishedUtc == null);
        }
        else
        {
            Draft = await db.ProgramVersions
                .Include(v => v.Exercises.OrderBy(e => e.Order)).ThenInclude(e => e.Exercise)
                .AsSplitQuery()
                .FirstOrDefaultAsync(v => v.ProgramId == id && v.PublishedUtc == null);
            Published = await programs.LatestAsync(id);
        }

        var shown = Draft ?? Published;
        if (shown is not null)
        {
            Minutes = programs.EstimateMinutes(shown.Exercises);
            Warnings = programs.BudgetWarnings(shown.Exercises.Count, Minutes);
        }

        return true;
    }

    private void FillInputs(ProgramVersion draft)
    {
        Details = new DetailsInput
        {
            Title = Program.Title,
            Goal = Program.Goal,
            StartDate = draft.StartDate,
            EndDate = draft.EndDate,
            Days = [.. WeekDaysExtensions.InOrder.Where(d => draft.Days.HasFlag(d))],
            TimesPerWeek = draft.TimesPerWeek,
        };
        Rows = [.. draft.Exercises.OrderBy(e => e.Order).Select(e => new RowInput
        {
            Id = e.Id,
            Sets = e.Dose.Sets,
            Reps = e.Dose.Reps,
            HoldSeconds = e.Dose.HoldSeconds,
            PerSide = e.Dose.PerSide,
            RestSeconds = e.Dose.RestSeconds,
            Resistance = e.Resistance,
            Note = e.Note,
        })];
    }

    private async Task SearchLibraryAsync()
    {
        var query = db.Exercises.Where(e => !e.IsArchived);
        if (Query is not null)
        {
            // Case-insensitive on both providers (PostgreSQL's LIKE is case-sensitive; SQLite's is not).
            var term = Query.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(...) and strpos/instr; never runs in .NET.
            query = query.Where(e => e.Name.ToLower().Contains(term) || e.Purpose.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var rows = await query.Select(e => new { e.Id, e.Name, e.Category, e.Dose, e.SideName, e.HoldAt, e.Drawing }).ToListAsync();
        Library = [.. rows.OrderBy(e => e.Category).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new LibraryItem(e.Id, e.Name, e.Category.Label(), e.Dose.Describe(e.SideName, e.HoldAt), e.Drawing))];
    }

    public RowInput RowFor(ProgramExercise exercise) => Rows.FirstOrDefault(r => r.Id == exercise.Id) ?? new RowInput { Id = exercise.Id };

    private sealed class RowNotFoundException : Exception;

    public sealed record ProgramHeader(int Id, string Title, string? Goal, bool IsTemplate, int? PatientId, string? PatientName);

    public sealed record LibraryItem(int Id, string Name, string Category, string DoseText, Drawings.ExerciseDrawing? Drawing);

    public sealed class DetailsInput
    {
        [Required(ErrorMessage = "Give the program a title.")]
        [StringLength(120, ErrorMessage = "Keep the title under 120 characters.")]
        public string Title { get; set; } = string.Empty;

        [StringLength(500, ErrorMessage = "Keep the goal under 500 characters.")]
        public string? Goal { get; set; }

        [Required(ErrorMessage = "Choose a start date.")]
        public DateOnly StartDate { get; set; }

        public DateOnly? EndDate { get; set; }

        public List<WeekDays> Days { get; set; } = [];

        [Range(1, 7, ErrorMessage = "Times a week must be from 1 to 7.")]
        public int? TimesPerWeek { get; set; }
    }

    public sealed class RowInput
    {
        public int Id { get; set; }

        [Range(1, 10, ErrorMessage = "Sets must be from 1 to 10.")]
        public int Sets { get; set; } = 1;

        [Range(1, 100, ErrorMessage = "Reps must be from 1 to 100.")]
        public int Reps { get; set; } = 10;

        [Range(0, 300, ErrorMessage = "Hold must be from 0 to 300 seconds.")]
        public int HoldSeconds { get; set; }

        public bool PerSide { get; set; }

        [Range(0, 600, ErrorMessage = "Rest must be from 0 to 600 seconds.")]
        public int RestSeconds { get; set; }

        [StringLength(100, ErrorMessage = "Keep the resistance under 100 characters.")]
        public string? Resistance { get; set; }

        [StringLength(500, ErrorMessage = "Keep the note under 500 characters.")]
        public string? Note { get; set; }
    }
}
