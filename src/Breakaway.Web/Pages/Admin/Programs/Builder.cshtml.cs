using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
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
/// JavaScript: each action redirects back to the row it changed (a fragment, and focus on that row's field). With
/// builder.js the same forms go through fetch with the <see cref="FragmentHeader"/> header and get the re-rendered
/// form back, swapped in place. Nothing is saved unless every field is valid. Edits go to the draft; "Assign"
/// publishes it as the next version, which the patient sees.
/// </summary>
public sealed class BuilderModel(BreakawayDbContext db, ProgramService programs, AuditLog audit) : PageModel
{
    /// <summary>Sent by builder.js: answer with the builder form alone instead of a redirect.</summary>
    public const string FragmentHeader = "X-Builder-Fragment";

    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public List<RowInput> Rows { get; set; } = [];

    /// <summary>The library's filters: free text, body area and category (their URL keys), kept across every action.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    public ProgramHeader Program { get; private set; } = null!;
    public ProgramVersion? Draft { get; private set; }
    public ProgramVersion? Published { get; private set; }
    public IReadOnlyList<LibraryItem> Library { get; private set; } = [];
    public int LibraryTotal { get; private set; }

    /// <summary>What the last action did.</summary>
    public string? Message { get; private set; }

    /// <summary>The id of the element that gets focus after the last action (the new row's first dose field, the moved row's button...).</summary>
    public string? FocusId { get; private set; }

    /// <summary>The row just removed, offered back with "Undo" at the place it had.</summary>
    public RemovedRow? Undo { get; private set; }

    /// <summary>True when the form is rendered alone, for builder.js.</summary>
    public bool IsFragment { get; private set; }

    // Carried across the redirect of an action without JavaScript (never taken from the address).
    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public string? FlashUndo { get; set; }

    public int Minutes { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<WeekDays> AllDays => WeekDaysExtensions.InOrder;

    private ProgramExercise? _changed;
    private FocusOn _focus;
    private bool _movedUp;

    public async Task<IActionResult> OnGetAsync(int id)
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

        Message = Flash;
        Undo = FlashUndo is null ? null : JsonSerializer.Deserialize<RemovedRow>(FlashUndo);
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

    public Task<IActionResult> OnPostFindAsync(int id)
    {
        _focus = FocusOn.Library;
        return Act(id, _ => Task.FromResult<string?>(null), AuditActions.ProgramSaved);
    }

    public Task<IActionResult> OnPostMoveAsync(int id, string target) => Act(id, draft =>
    {
        var parts = target?.Split(':') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var rowId) || draft.Exercises.FirstOrDefault(e => e.Id == rowId) is not { } row)
        {
            throw new RowNotFoundException();
        }

        var ordered = draft.Exercises.OrderBy(e => e.Order).ToList();
        var index = ordered.IndexOf(row);
        _movedUp = parts[1] == "up";
        var swapWith = _movedUp ? index - 1 : index + 1;
        if (swapWith >= 0 && swapWith < ordered.Count)
        {
            (ordered[index].Order, ordered[swapWith].Order) = (ordered[swapWith].Order, ordered[index].Order);
        }

        (_changed, _focus) = (row, FocusOn.MoveButton);
        return Task.FromResult<string?>($"Moved {row.Exercise.Name} {(_movedUp ? "up" : "down")}.");
    }, AuditActions.ProgramReordered);

    /// <summary>Drag and drop (builder.js): the rows' ids in their new order, which must be exactly the draft's rows.</summary>
    public Task<IActionResult> OnPostReorderAsync(int id, string? order, int? moved) => Act(id, draft =>
    {
        var ids = (order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        if (ids.Count != draft.Exercises.Count || ids.Distinct().Count() != ids.Count || ids.Any(i => draft.Exercises.All(e => e.Id != i)))
        {
            ModelState.AddModelError(string.Empty, "The program changed while you were moving an exercise. Reload the page and try again.");
            return Task.FromResult<string?>(null);
        }

        var before = draft.Exercises.OrderBy(e => e.Order).Select(e => e.Id).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            draft.Exercises.Single(e => e.Id == ids[i]).Order = i + 1;
        }

        // The row the therapist dragged (builder.js says which), else the one that moved furthest.
        var dragged = moved is { } m && ids.Contains(m) ? m : ids.Select((rowId, i) => (rowId, distance: Math.Abs(before.IndexOf(rowId) - i))).MaxBy(d => d.distance).rowId;
        var row = draft.Exercises.Single(e => e.Id == dragged);
        (_changed, _focus) = (row, FocusOn.Heading);
        return Task.FromResult<string?>($"Moved {row.Exercise.Name} to number {ids.IndexOf(dragged) + 1}.");
    }, AuditActions.ProgramReordered);

    public Task<IActionResult> OnPostRemoveAsync(int id, int target) => Act(id, draft =>
    {
        var row = draft.Exercises.FirstOrDefault(e => e.Id == target) ?? throw new RowNotFoundException();
        var position = draft.Exercises.OrderBy(e => e.Order).ToList().IndexOf(row) + 1;
        draft.Exercises.Remove(row);
        db.ProgramExercises.Remove(row);
        Renumber(draft);
        Undo = new RemovedRow(row.ExerciseId, row.Exercise.Name, position, row.Dose.Sets, row.Dose.Reps, row.Dose.HoldSeconds, row.Dose.PerSide, row.Dose.RestSeconds, row.Resistance, row.Note);
        _focus = FocusOn.Undo;
        return Task.FromResult<string?>($"Removed {row.Exercise.Name}.");
    }, AuditActions.ProgramExerciseRemoved);

    /// <summary>Puts a removed row back where it was, with the dose it had (the notice's hidden fields carry it).</summary>
    public Task<IActionResult> OnPostUndoAsync(int id, UndoInput undo) => Act(id, async draft =>
    {
        var exercise = await db.Exercises.AsTracking().FirstOrDefaultAsync(e => e.Id == undo.ExerciseId && !e.IsArchived);
        if (exercise is null)
        {
            ModelState.AddModelError(string.Empty, "That exercise is no longer in the library, so it cannot be put back.");
            return null;
        }

        var position = Math.Clamp(undo.Position, 1, draft.Exercises.Count + 1);
        _changed = Insert(draft, exercise, position, new Dose { Sets = undo.Sets, Reps = undo.Reps, HoldSeconds = undo.HoldSeconds, PerSide = undo.PerSide, RestSeconds = undo.RestSeconds }, undo.Resistance, undo.Note);
        _focus = FocusOn.Dose;
        return $"{exercise.Name} is back at number {position}.";
    }, AuditActions.ProgramExerciseAdded);

    /// <summary>A second row of the same exercise right below the first (for example each side with its own dose).</summary>
    public Task<IActionResult> OnPostDuplicateAsync(int id, int target) => Act(id, draft =>
    {
        var row = draft.Exercises.FirstOrDefault(e => e.Id == target) ?? throw new RowNotFoundException();
        var position = draft.Exercises.OrderBy(e => e.Order).ToList().IndexOf(row) + 2;
        _changed = Insert(draft, row.Exercise, position, row.Dose, row.Resistance, row.Note);
        _focus = FocusOn.Dose;
        return Task.FromResult<string?>($"Added a second {row.Exercise.Name} below the first. Set its dose.");
    }, AuditActions.ProgramExerciseAdded);

    public Task<IActionResult> OnPostAddAsync(int id, int exerciseId) => Act(id, async draft =>
    {
        var exercise = await db.Exercises.AsTracking().FirstOrDefaultAsync(e => e.Id == exerciseId && !e.IsArchived);
        if (exercise is null)
        {
            ModelState.AddModelError("exerciseId", "That exercise is not in the library.");
            return null;
        }

        if (draft.Exercises.FirstOrDefault(e => e.ExerciseId == exerciseId) is { } existing)
        {
            (_changed, _focus) = (existing, FocusOn.Heading);
            return $"{exercise.Name} is already in the program. Use Duplicate on its row for a second dose.";
        }

        _changed = Insert(draft, exercise, draft.Exercises.Count + 1, exercise.Dose, null, null);
        _focus = FocusOn.Dose;
        return $"{exercise.Name} added with its usual dose.";
    }, AuditActions.ProgramExerciseAdded);

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
        Flash = $"Saved as the template \"{template.Title}\".";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> Act(int id, Func<ProgramVersion, Task<string?>> action, string auditAction, Action<IActionResult>? onInvalid = null)
    {
        IsFragment = Request.Headers.ContainsKey(FragmentHeader);
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
            Undo = null;
            await SearchLibraryAsync();
            IActionResult page = IsFragment ? Partial("_BuilderForm", this) : Page();
            onInvalid?.Invoke(page);
            return page;
        }

        audit.Add(auditAction, Program.PatientId, detail: $"program {id}");
        await db.SaveChangesAsync();
        var focus = Target(Draft);
        if (onInvalid is not null)
        {
            return Page(); // SaveAsTemplate goes on in the same transaction.
        }

        if (IsFragment && Draft.PublishedUtc is null)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, track: false);
            FillInputs(Draft!);
            ModelState.Clear();
            await SearchLibraryAsync();
            (Message, FocusId) = (message, focus);
            return Partial("_BuilderForm", this);
        }

        Flash = message;
        FlashUndo = Undo is null ? null : JsonSerializer.Serialize(Undo);
        return RedirectToPage(null, null, new { id, q = Blank(Query), area = Blank(Area), category = Blank(Category) }, Draft.PublishedUtc is null ? focus : null);
    }

    /// <summary>
    /// The element the page points at after an action: the new row's first dose field, the moved row's button (so
    /// Move up can be pressed again), Undo, or the row's heading. Without JavaScript it is the redirect's #fragment,
    /// which the browser scrolls to and focuses.
    /// </summary>
    private string? Target(ProgramVersion draft)
    {
        var ordered = draft.Exercises.OrderBy(e => e.Order).ToList();
        var index = _changed is null ? -1 : ordered.IndexOf(_changed);
        var rowId = _changed?.Id.ToString(CultureInfo.InvariantCulture);
        return _focus switch
        {
            FocusOn.Library => "q",
            FocusOn.Undo => "undo-button",
            FocusOn.Dose when index >= 0 => $"Rows_{index}__Sets",
            FocusOn.MoveButton when index >= 0 && ordered.Count > 1 =>
                _movedUp ? (index > 0 ? $"move-up-{rowId}" : $"move-down-{rowId}") : (index < ordered.Count - 1 ? $"move-down-{rowId}" : $"move-up-{rowId}"),
            _ when index >= 0 => $"row-{rowId}",
            _ => null,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Adds a row at a position (1-based), moving the rows from there down by one.</summary>
    private static ProgramExercise Insert(ProgramVersion draft, Exercise exercise, int position, Dose dose, string? resistance, string? note)
    {
        foreach (var later in draft.Exercises.Where(e => e.Order >= position))
        {
            later.Order++;
        }

        var row = new ProgramExercise { ExerciseId = exercise.Id, Exercise = exercise, Order = position, Dose = dose, Resistance = resistance, Note = note };
        draft.Exercises.Add(row);
        Renumber(draft);
        return row;
    }

    private static void Renumber(ProgramVersion draft)
    {
        var order = 1;
        foreach (var row in draft.Exercises.OrderBy(e => e.Order).ToList())
        {
            row.Order = order++;
        }
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
        LibraryTotal = await query.CountAsync();
        Query = Blank(Query);
        if (Query is not null)
        {
            // Case-insensitive on both providers (PostgreSQL's LIKE is case-sensitive; SQLite's is not).
            var term = Query.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(...) and strpos/instr; never runs in .NET.
            query = query.Where(e => e.Name.ToLower().Contains(term) || e.Purpose.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (ExerciseText.TryParseKey<BodyRegion>(Area, out var region))
        {
            query = query.Where(e => e.BodyRegion == region);
        }
        else
        {
            Area = null;
        }

        if (ExerciseText.TryParseKey<ExerciseCategory>(Category, out var category))
        {
            query = query.Where(e => e.Category == category);
        }
        else
        {
            Category = null;
        }

        var inProgram = Draft?.Exercises.GroupBy(e => e.ExerciseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Order).First().Id) ?? [];
        var rows = await query.Select(e => new { e.Id, e.Name, e.Purpose, e.BodyRegion, e.Category, e.Dose, e.SideName, e.HoldAt, HasDrawing = e.Drawing != null, e.UpdatedUtc }).ToListAsync();
        Library = [.. rows.OrderBy(e => e.Category).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new LibraryItem(e.Id, e.Name, e.Purpose, e.BodyRegion, e.Category, e.Dose.Describe(e.SideName, e.HoldAt), e.HasDrawing, e.UpdatedUtc.Ticks, inProgram.TryGetValue(e.Id, out var row) ? row : null))];
    }

    public RowInput RowFor(ProgramExercise exercise) => Rows.FirstOrDefault(r => r.Id == exercise.Id) ?? new RowInput { Id = exercise.Id };

    private enum FocusOn
    {
        None,
        Heading,
        Dose,
        MoveButton,
        Undo,
        Library,
    }

    private sealed class RowNotFoundException : Exception;

    public sealed record ProgramHeader(int Id, string Title, string? Goal, bool IsTemplate, int? PatientId, string? PatientName);

    /// <summary>One exercise of the library list; <see cref="RowInProgram"/> is the program row that already has it.</summary>
    public sealed record LibraryItem(int Id, string Name, string Purpose, BodyRegion Region, ExerciseCategory Category, string DoseText, bool HasDrawing, long Version, int? RowInProgram);

    /// <summary>What "Undo" puts back: the exercise, its place (1-based) and its dose.</summary>
    public sealed record RemovedRow(int ExerciseId, string Name, int Position, int Sets, int Reps, int HoldSeconds, bool PerSide, int RestSeconds, string? Resistance, string? Note);

    public sealed class UndoInput
    {
        public int ExerciseId { get; set; }

        public int Position { get; set; }

        [Range(1, 10)]
        public int Sets { get; set; } = 1;

        [Range(1, 100)]
        public int Reps { get; set; } = 10;

        [Range(0, 300)]
        public int HoldSeconds { get; set; }

        public bool PerSide { get; set; }

        [Range(0, 600)]
        public int RestSeconds { get; set; }

        [StringLength(100)]
        public string? Resistance { get; set; }

        [StringLength(500)]
        public string? Note { get; set; }
    }

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
