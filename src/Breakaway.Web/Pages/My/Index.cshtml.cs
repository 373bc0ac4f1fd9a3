using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Sessions;
using Breakaway.Web.Media;

namespace Breakaway.Web.Pages.My;

/// <summary>
/// Today: the patient's exercises with their cues, and one form to log the whole session. Everything is read
/// for the signed-in patient (from their claim), never by an id from the URL.
/// </summary>
public sealed class IndexModel(BreakawayDbContext db, PatientProgram patientProgram, PublishedArticles articles, ClinicClock clock, AuditLog audit, RedFlagAlerts alerts, MediaLibrary media) : PatientPageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public string Name { get; private set; } = string.Empty;
    public ProgramVersion? Version { get; private set; }

    /// <summary>Photos and videos of today's exercises: the library's and this patient's own.</summary>
    public ILookup<int, MediumView> Media { get; private set; } = Array.Empty<MediumView>().ToLookup(m => m.ExerciseId);
    public DateOnly Today { get; private set; }
    public bool IsDueToday { get; private set; }
    public DateOnly? NextSession { get; private set; }
    public IReadOnlyList<TodaySession> LoggedToday { get; private set; } = [];
    public IReadOnlyList<Article> Reading { get; private set; } = [];
    public bool Editing => Input.EditSessionId is not null;

    /// <summary>Set when the session asked for has an open red flag: it cannot be changed, only given a note.</summary>
    public long? LockedSessionId { get; private set; }

    /// <summary>A session was logged today already: the form asks before storing another.</summary>
    public bool AskingAnotherToday { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? edit, CancellationToken cancellationToken)
    {
        var patientId = PatientId;

        await LoadAsync(patientId, cancellationToken);
        if (Version is null)
        {
            return Page();
        }

        Input = SessionInput.For(Version);
        if (edit is { } sessionId)
        {
            var session = await db.SessionLogs.Include(s => s.Exercises)
                .FirstOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId && s.Date == Today, cancellationToken);
            if (session is null || session.ProgramVersionId != Version.Id)
            {
                return NotFound();
            }

            if (await HasOpenFlagAsync(sessionId, cancellationToken))
            {
                return Locked(sessionId);
            }

            Input = SessionInput.From(session, Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var patientId = PatientId;

        await LoadAsync(patientId, cancellationToken);
        if (Version is null)
        {
            return NotFound();
        }

        // A double submit of the same form: show the session that was stored the first time.
        var already = await db.SessionLogs.Where(s => s.IdempotencyKey == Input.IdempotencyKey && s.PatientId == patientId)
            .Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (already is { } existingId && Input.EditSessionId is null)
        {
            return RedirectToPage("/My/Session", new { id = existingId });
        }

        var logs = Validate(Version);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        SessionLog session;
        if (Input.EditSessionId is { } editId)
        {
            var existing = await db.SessionLogs.AsTracking().Include(s => s.Exercises)
                .FirstOrDefaultAsync(s => s.Id == editId && s.PatientId == patientId && s.Date == Today, cancellationToken);
            if (existing is null)
            {
                return NotFound();
            }

            if (await HasOpenFlagAsync(editId, cancellationToken))
            {
                return Locked(editId);
            }

            session = existing;
            audit.Add(AuditActions.SessionEdited, patientId, detail: $"session {editId}");
            db.ExerciseLogs.RemoveRange(session.Exercises);
            session.Exercises = logs;
            session.Signs = Input.Signs;
            session.UpdatedUtc = clock.UtcNow();
        }
        else if (LoggedToday.Count > 0 && !Input.AnotherToday)
        {
            // Ask first; the form comes back with everything the patient entered, nothing is stored yet.
            AskingAnotherToday = true;
            return Page();
        }
        else
        {
            session = new SessionLog
            {
                PatientId = patientId,
                ProgramVersionId = Version.Id,
                Date = Today,
                LoggedUtc = clock.UtcNow(),
                IdempotencyKey = Input.IdempotencyKey == Guid.Empty ? Guid.NewGuid() : Input.IdempotencyKey,
                Signs = Input.Signs,
                Pain = Input.Pain,
                Difficulty = Input.Difficulty,
                Note = Input.TrimmedNote,
                Exercises = logs,
            };
            db.SessionLogs.Add(session);
        }

        var names = Version.Exercises.ToDictionary(e => e.ExerciseId, e => e.Exercise.Name);
        var reasons = RedFlagRules.Reasons(session.Signs, session.Pain, logs, id => names[id]);
        if (reasons.Count > 0)
        {
            // Staged with the session: one SaveChanges, one transaction, so the alert cannot be lost between two writes.
            // An edited session has no open flag here (it would have been locked above).
            db.RedFlags.Add(new RedFlag { PatientId = patientId, SessionLog = session, RaisedUtc = clock.UtcNow(), Reasons = string.Join("; ", reasons) });
            // The therapist's e-mail is an outbox row in the same SaveChanges: no flag without its alert, and no alert without its flag.
            await alerts.StageAsync(patientId, Version, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (Input.EditSessionId is null)
        {
            // The same form arrived twice at once; the unique idempotency key let one through.
            var winner = await db.SessionLogs.Where(s => s.IdempotencyKey == session.IdempotencyKey).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (winner is null)
            {
                throw; // Not a double submit: nothing was stored, the session and its flag alike.
            }

            return RedirectToPage("/My/Session", new { id = winner });
        }

        return RedirectToPage("/My/Session", new { id = session.Id });
    }

    private Task<bool> HasOpenFlagAsync(long sessionId, CancellationToken cancellationToken) =>
        db.RedFlags.AnyAsync(f => f.SessionLogId == sessionId && f.AcknowledgedUtc == null, cancellationToken);

    /// <summary>409: the session raised a red flag that no one has looked at yet, so the patient cannot change it.</summary>
    private PageResult Locked(long sessionId)
    {
        LockedSessionId = sessionId;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Checks every field and turns the input into log rows; errors go to the fields, nothing is saved.</summary>
    private List<ExerciseLog> Validate(ProgramVersion version)
    {
        var logs = new List<ExerciseLog>();
        var byId = version.Exercises.ToDictionary(e => e.Id);
        var seen = new HashSet<int>();
        for (var i = 0; i < Input.Exercises.Count; i++)
        {
            var input = Input.Exercises[i];
            var prefix = $"Input.Exercises[{i}].";
            if (!byId.TryGetValue(input.ProgramExerciseId, out var prescribed))
            {
                ModelState.AddModelError(string.Empty, "This form is for an older version of your program. Please reload the page.");
                continue;
            }

            if (!seen.Add(input.ProgramExerciseId))
            {
                // Only a changed form can send one exercise twice; the database would refuse the second row.
                ModelState.AddModelError(string.Empty, "The form listed one exercise twice. Please reload the page and try again.");
                continue;
            }

            // The error summary lists every message at the top of the page, so each one names its exercise.
            var name = prescribed.Exercise.Name.ToLowerInvariant();
            if (input.SetsCompleted > 0 && input.RepsPerSet is null or < 1 or > 100)
            {
                ModelState.AddModelError(prefix + nameof(ExerciseInput.RepsPerSet), $"Enter the reps you did in each set of the {name}: a number from 1 to 100.");
            }

            var cue = input.StopCueId is { } cueId ? prescribed.Exercise.StopCues.FirstOrDefault(c => c.Id == cueId) : null;
            if (input.StopCueId is not null && cue is null)
            {
                ModelState.AddModelError(prefix + nameof(ExerciseInput.StopCueId), "Choose one of the reasons in the list.");
            }

            logs.Add(new ExerciseLog
            {
                ProgramExerciseId = prescribed.Id,
                ExerciseId = prescribed.ExerciseId,
                Prescribed = prescribed.Dose,
                SetsCompleted = input.SetsCompleted,
                RepsPerSet = input.SetsCompleted > 0 ? input.RepsPerSet ?? 0 : 0,
                Pain = input.SetsCompleted > 0 || cue is not null ? input.Pain : null,
                Difficulty = input.SetsCompleted > 0 ? input.Difficulty : null,
                StopCueId = cue?.Id,
                StopCueText = cue?.Text,
                StopCueWasPain = cue?.IsPain ?? false,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            });
        }

        // One pain answer per session is enough; a session whose every exercise has its own pain answer needs none more.
        if (Input.Pain is null && logs.Any(l => l.SetsCompleted > 0 && l.Pain is null))
        {
            ModelState.AddModelError("Input.Pain", "Choose how much pain you felt during the session, from 0 to 10.");
        }

        if (ModelState.IsValid && logs.All(l => l.SetsCompleted == 0 && l.StopCueId is null) && Input.Signs == RedFlagSigns.None)
        {
            ModelState.AddModelError(string.Empty, "Enter the sets you did for at least one exercise.");
        }

        return logs;
    }

    private async Task LoadAsync(int patientId, CancellationToken cancellationToken)
    {
        Name = User.DisplayName();
        Today = clock.Today();
        Version = await patientProgram.CurrentVersionAsync(patientId, cancellationToken);
        if (Version is not null)
        {
            var schedule = patientProgram.ScheduleOf(Version);
            IsDueToday = schedule.IsDueOn(Today);
            NextSession = schedule.NextDueDay(Today.AddDays(1));
            Media = await media.ForExercisesAsync([.. Version.Exercises.Select(e => e.ExerciseId).Distinct()], patientId, cancellationToken);
        }

        LoggedToday = await db.SessionLogs.Where(s => s.PatientId == patientId && s.Date == Today).OrderBy(s => s.LoggedUtc)
            .Select(s => new TodaySession(s.Id, s.LoggedUtc)).ToListAsync(cancellationToken);
        var slugs = await db.AssignedReadings.Where(r => r.PatientId == patientId).OrderByDescending(r => r.AssignedUtc)
            .Select(r => r.ArticleSlug).ToListAsync(cancellationToken);
        Reading = [.. slugs.Select(articles.Find).OfType<Article>()];
    }

    public string LocalTime(DateTime utc) => clock.LocalTime(utc);

    public static readonly (string Value, string Label)[] PainScale =
    [
        ("0", "0: no pain"), ("1", "1"), ("2", "2: mild"), ("3", "3"), ("4", "4: moderate"), ("5", "5"),
        ("6", "6: bad"), ("7", "7"), ("8", "8: very bad"), ("9", "9"), ("10", "10: worst you can imagine"),
    ];

    /// <summary>What a field shows: what the patient typed (after a failed post), else the model's value.</summary>
    public string Value(string key, object? model) =>
        ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is { } attempted
            ? attempted
            : Convert.ToString(model, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public sealed record TodaySession(long Id, DateTime LoggedUtc);

    public sealed class SessionInput
    {
        public Guid IdempotencyKey { get; set; }

        public long? EditSessionId { get; set; }

        /// <summary>The patient answered "yes" to "you already logged a session today: add another?".</summary>
        public bool AnotherToday { get; set; }

        public List<ExerciseInput> Exercises { get; set; } = [];

        public bool PainDownLeg { get; set; }

        public bool NumbnessOrTingling { get; set; }

        public bool BladderOrBowelChange { get; set; }

        public bool PainGettingWorse { get; set; }

        /// <summary>Pain during the session as a whole: the one pain answer asked for.</summary>
        [Range(0, 10, ErrorMessage = "Pain must be from 0 to 10.")]
        public int? Pain { get; set; }

        public Difficulty? Difficulty { get; set; }

        [StringLength(500, ErrorMessage = "Please keep your note under 500 characters.")]
        public string? Note { get; set; }

        public string? TrimmedNote => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

        public RedFlagSigns Signs =>
            (PainDownLeg ? RedFlagSigns.PainDownLeg : 0) | (NumbnessOrTingling ? RedFlagSigns.NumbnessOrTingling : 0)
            | (BladderOrBowelChange ? RedFlagSigns.BladderOrBowelChange : 0) | (PainGettingWorse ? RedFlagSigns.PainGettingWorse : 0);

        /// <summary>A fresh form: every exercise prefilled with the prescribed sets and reps.</summary>
        public static SessionInput For(ProgramVersion version) => new()
        {
            IdempotencyKey = Guid.NewGuid(),
            Exercises = [.. version.Exercises.OrderBy(e => e.Order).Select(e => new ExerciseInput
            {
                ProgramExerciseId = e.Id,
                SetsCompleted = e.Dose.Sets,
                RepsPerSet = e.Dose.Reps,
            })],
        };

        public static SessionInput From(SessionLog session, ProgramVersion version) => new()
        {
            IdempotencyKey = session.IdempotencyKey,
            EditSessionId = session.Id,
            PainDownLeg = session.Signs.HasFlag(RedFlagSigns.PainDownLeg),
            NumbnessOrTingling = session.Signs.HasFlag(RedFlagSigns.NumbnessOrTingling),
            BladderOrBowelChange = session.Signs.HasFlag(RedFlagSigns.BladderOrBowelChange),
            PainGettingWorse = session.Signs.HasFlag(RedFlagSigns.PainGettingWorse),
            Pain = session.Pain,
            Difficulty = session.Difficulty,
            Note = session.Note,
            Exercises = [.. version.Exercises.OrderBy(e => e.Order).Select(e =>
            {
                var log = session.Exercises.FirstOrDefault(l => l.ProgramExerciseId == e.Id);
                return new ExerciseInput
                {
                    ProgramExerciseId = e.Id,
                    SetsCompleted = log?.SetsCompleted ?? 0,
                    RepsPerSet = log?.RepsPerSet ?? e.Dose.Reps,
                    Pain = log?.Pain,
                    Difficulty = log?.Difficulty,
                    StopCueId = log?.StopCueId,
                    Note = log?.Note,
                };
            })],
        };
    }

    public sealed class ExerciseInput
    {
        public int ProgramExerciseId { get; set; }

        [Range(0, 10, ErrorMessage = "Sets must be a number from 0 to 10.")]
        [Display(Name = "sets")]
        public int SetsCompleted { get; set; }

        [Display(Name = "reps")]
        public int? RepsPerSet { get; set; }

        [Range(0, 10, ErrorMessage = "Pain must be from 0 to 10.")]
        [Display(Name = "pain")]
        public int? Pain { get; set; }

        public Difficulty? Difficulty { get; set; }

        public int? StopCueId { get; set; }

        [StringLength(500, ErrorMessage = "Please keep your note under 500 characters.")]
        public string? Note { get; set; }
    }
}
