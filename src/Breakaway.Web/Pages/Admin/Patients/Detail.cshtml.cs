using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Breakaway.Web.Dashboard;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Sessions;

namespace Breakaway.Web.Pages.Admin.Patients;

public sealed class DetailModel(
    BreakawayDbContext db,
    Invitations invitations,
    AuditLog audit,
    ProgramService programs,
    PublishedArticles articles,
    IOptions<SecurityOptions> security,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ClinicClock clinicClock,
    PatientActivityQuery activity,
    IOptions<DashboardOptions> dashboard) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public IReadOnlyList<TemplateOption> Templates { get; private set; } = [];
    public IReadOnlyList<ReadingRow> Reading { get; private set; } = [];
    public IReadOnlyList<Article> ArticlesToAssign { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    public IReadOnlyList<FlagRow> Flags { get; private set; } = [];
    public AttentionRow? Attention { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The month of sessions shown (its first day), the months that have sessions, newest first.</summary>
    public DateOnly Month { get; private set; }
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    /// <summary>Program versions assigned in the month shown, for the list of sessions.</summary>
    public IReadOnlyList<(DateOnly Date, string What)> Assigned { get; private set; } = [];
    public IReadOnlyList<PatientCharts.Week> Weeks { get; private set; } = [];
    public IReadOnlyList<PatientCharts.Series> PainSeries { get; private set; } = [];
    public DateOnly ChartFrom { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Staff { get; private set; } = [];
    public string? TherapistName => Staff.Where(s => s.Id == Patient.PrimaryTherapistUserId).Select(s => s.Name).FirstOrDefault();

    /// <summary>How many weeks the charts cover, ending with the current one.</summary>
    public const int ChartWeeks = 9;

    public PatientView Patient { get; private set; } = null!;
    public string LinkStatus { get; private set; } = string.Empty;
    public int InvitationDays => security.Value.InvitationDays;
    public string? NewLink { get; private set; }
    public string? NewLinkQr { get; private set; }
    public string? NewLinkExpires { get; private set; }
    public bool LinkEmailed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? month)
    {
        if (!await Load(id, month))
        {
            return NotFound();
        }

        await audit.ViewedAsync(AuditActions.PatientViewed, id);
        return Page();
    }

    /// <summary>Issues a link and shows it once, with a QR code and a printable sheet. The token is never stored.</summary>
    public async Task<IActionResult> OnPostInviteAsync(int id)
    {
        var account = await db.Patients.Where(p => p.Id == id).Select(p => new { p.UserId, p.User.Email, Disabled = p.User.DisabledUtc != null }).SingleOrDefaultAsync();
        if (account is null || account.Disabled)
        {
            return NotFound();
        }

        var (token, expires, emailed) = await invitations.IssueAsync(account.UserId, User.UserId(), id, InvitationMail.Invitation, account.Email);
        LinkEmailed = emailed;
        NewLink = site.Value.Absolute($"/invite/{token}");
        NewLinkQr = QrCodes.PngDataUri(NewLink);
        NewLinkExpires = expires.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        // The link is shown once, on the page itself (never stored or put in the address), so the page is loaded once, after the change.
        return await Load(id) ? Page() : NotFound();
    }

    /// <summary>Starts a program for the patient, empty or from a template. A double submit creates one program.</summary>
    public async Task<IActionResult> OnPostStartProgramAsync(int id, int? templateId, string? title, Guid creationKey)
    {
        if (!await PatientExistsAsync(id))
        {
            return NotFound();
        }

        // The same templates the list offers: not archived.
        var template = templateId is { } tid
            ? await db.Programs.Where(p => p.Id == tid && p.IsTemplate && p.ArchivedUtc == null).Select(p => new { p.Title, p.Goal }).SingleOrDefaultAsync()
            : null;
        if (templateId is not null && template is null)
        {
            ModelState.AddModelError("templateId", "Choose a template from the list.");
        }

        var chosenTitle = string.IsNullOrWhiteSpace(title) ? template?.Title : title.Trim();
        if (string.IsNullOrEmpty(chosenTitle) || chosenTitle.Length > 120)
        {
            ModelState.AddModelError("title", "Give the program a title of up to 120 characters.");
        }

        if (creationKey == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, "The form was incomplete. Please try again.");
        }

        if (!ModelState.IsValid)
        {
            return await Load(id) ? Page() : NotFound();
        }

        // The audit row names the new program's id, which the database gives on the first save: one transaction commits both.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var program = await programs.CreateAsync(id, chosenTitle!, template?.Goal, templateId, creationKey, User.UserId());
        audit.Add(AuditActions.ProgramCreated, id, detail: templateId is null ? $"program {program.Id}" : $"program {program.Id} from template {templateId}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("/Admin/Programs/Builder", new { id = program.Id });
    }

    public async Task<IActionResult> OnPostAssignReadingAsync(int id, string? slug)
    {
        if (slug is null || articles.Find(slug) is null)
        {
            ModelState.AddModelError("slug", "Choose a tip from the list.");
            return await Load(id) ? Page() : NotFound();
        }

        if (!await PatientExistsAsync(id))
        {
            return NotFound();
        }

        if (!await db.AssignedReadings.AnyAsync(r => r.PatientId == id && r.ArticleSlug == slug))
        {
            db.AssignedReadings.Add(new AssignedReading { PatientId = id, ArticleSlug = slug, AssignedUtc = clock.GetUtcNow().UtcDateTime, AssignedByUserId = User.UserId() });
            audit.Add(AuditActions.ReadingAssigned, id, detail: slug);
            await db.SaveChangesAsync();
        }

        Message = "Reading assigned.";
        return RedirectToPage(null, null, new { id }, "reading");
    }

    /// <summary>The choices of "what did you do?" when acknowledging a red flag, in the order shown.</summary>
    public static readonly (FlagOutcome Value, string Label)[] Outcomes =
    [
        (FlagOutcome.CalledPatient, "Called the patient"),
        (FlagOutcome.AdvisedUrgentCare, "Advised urgent care"),
        (FlagOutcome.NoAnswerLeftMessage, "No answer, left a message"),
        (FlagOutcome.SeenInClinic, "Saw the patient in the clinic"),
        (FlagOutcome.Other, "Something else (say what below)"),
    ];

    public static string OutcomeLabel(FlagOutcome outcome) => Outcomes.First(o => o.Value == outcome).Label;

    /// <summary>The ids of a flag's "what did you do?" fields; also the keys of their errors, so the error summary links to them.</summary>
    public static string OutcomeField(long flagId) => $"flag-{flagId}-outcome";

    public static string OutcomeNoteField(long flagId) => $"flag-{flagId}-note";

    /// <summary>
    /// "Acknowledged": who, when and what was done (a required choice and an optional note) are kept with the flag,
    /// and audit-logged without the note.
    /// </summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, long flagId, string? outcome, string? outcomeNote)
    {
        var note = string.IsNullOrWhiteSpace(outcomeNote) ? null : outcomeNote.Trim();
        var chosen = Enum.TryParse<FlagOutcome>(outcome, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (FlagOutcome?)null;
        ModelState.Remove(nameof(outcome));
        if (chosen is null)
        {
            ModelState.AddModelError(OutcomeField(flagId), "Choose what you did about this red flag.");
        }
        else if (chosen == FlagOutcome.Other && note is null)
        {
            ModelState.AddModelError(OutcomeNoteField(flagId), "Say in a few words what you did.");
        }

        if (note is { Length: > 500 })
        {
            ModelState.AddModelError(OutcomeNoteField(flagId), "Keep the note under 500 characters.");
        }

        if (!ModelState.IsValid)
        {
            if (!await Load(id) || Flags.All(f => f.Id != flagId))
            {
                return NotFound();
            }

            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        // First one wins: the update only touches an open flag, and its audit row commits with it.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var changed = await db.RedFlags.Where(f => f.Id == flagId && f.PatientId == id && f.AcknowledgedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.AcknowledgedUtc, now).SetProperty(f => f.AcknowledgedByUserId, userId)
                    .SetProperty(f => f.Outcome, chosen).SetProperty(f => f.OutcomeNote, note));
            if (changed == 0 && !await db.RedFlags.AnyAsync(f => f.Id == flagId && f.PatientId == id))
            {
                return NotFound();
            }

            if (changed > 0)
            {
                db.AttentionChanged(id); // The bulk update bypassed the change tracker; this save rewrites the dashboard line.
                audit.Add(AuditActions.RedFlagAcknowledged, id, detail: $"flag {flagId}, {chosen}");
                await db.SaveChangesAsync();
            }

            await transaction.CommitAsync();
        }

        Message = "Red flag acknowledged.";
        return RedirectToPage(null, null, new { id }, "flags");
    }

    /// <summary>Sets the patient's primary therapist (any active staff member, or none). Audited.</summary>
    public async Task<IActionResult> OnPostTherapistAsync(int id, string? therapistId)
    {
        var chosen = string.IsNullOrEmpty(therapistId) ? null : therapistId;
        if (chosen is not null && !await StaffQuery().AnyAsync(s => s.Id == chosen))
        {
            ModelState.AddModelError(nameof(therapistId), "Choose a therapist from the list.");
            return await Load(id) ? Page() : NotFound();
        }

        var patient = await db.Patients.AsTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (patient is null)
        {
            return NotFound();
        }

        if (patient.PrimaryTherapistUserId != chosen)
        {
            patient.PrimaryTherapistUserId = chosen;
            audit.Add(AuditActions.PrimaryTherapistChanged, id, targetUserId: chosen);
            await db.SaveChangesAsync();
        }

        Message = "Primary therapist saved.";
        return RedirectToPage(null, null, new { id }, "therapist");
    }

    /// <summary>Staff who can look after a patient: active therapists and admins.</summary>
    private IQueryable<StaffOption> StaffQuery() =>
        (from u in db.Users
         where u.DisabledUtc == null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Therapist || r.Name == Roles.Admin)))
         orderby u.DisplayName
         select new StaffOption(u.Id, u.DisplayName));

    public sealed record StaffOption(string Id, string Name);

    /// <summary>Adds, changes or removes the patient's phone number. Audited without the number.</summary>
    public async Task<IActionResult> OnPostPhoneAsync(int id, string? phone)
    {
        var value = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (value is not null && !PatientPhone.IsValid(value))
        {
            ModelState.AddModelError(nameof(phone), PatientPhone.Message);
            return await Load(id) ? Page() : NotFound();
        }

        var patient = await db.Patients.AsTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (patient is null)
        {
            return NotFound();
        }

        if (patient.Phone != value)
        {
            patient.Phone = value;
            audit.Add(AuditActions.PatientPhoneChanged, id);
            await db.SaveChangesAsync();
        }

        Message = "Phone number saved.";
        return RedirectToPage(null, null, new { id }, "phone");
    }

    public async Task<IActionResult> OnPostRemoveReadingAsync(int id, int readingId)
    {
        // The removal and its audit row commit together; a second click finds nothing to remove and answers 404.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var removed = await db.AssignedReadings.Where(r => r.Id == readingId && r.PatientId == id).ExecuteDeleteAsync();
            if (removed == 0)
            {
                return NotFound();
            }

            audit.Add(AuditActions.ReadingRemoved, id, detail: $"reading {readingId}");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Message = "Reading removed.";
        return RedirectToPage(null, null, new { id }, "reading");
    }

    /// <summary>What a handler checks before acting: any staff member may act on any patient (the /Admin folder policy), so the patient has to exist.</summary>
    private Task<bool> PatientExistsAsync(int id) => db.Patients.AnyAsync(p => p.Id == id);

    /// <summary>The whole page: for a GET, and for a form shown again with its errors. Handlers that act do not need it.</summary>
    private async Task<bool> Load(int id, string? month = null)
    {
        var patient = await db.Patients
            .Where(p => p.Id == id)
            .Select(p => new PatientView(p.Id, p.UserId, p.User.DisplayName, p.User.UserName ?? string.Empty, p.User.Email, p.DateOfBirth,
                p.User.PasswordHash != null, p.User.DisabledUtc != null, p.Phone, p.PrimaryTherapistUserId))
            .SingleOrDefaultAsync();
        if (patient is null)
        {
            return false;
        }

        Patient = patient;
        var latest = await db.Invitations.Where(i => i.UserId == patient.UserId).OrderByDescending(i => i.CreatedUtc)
            .Select(i => new { i.CreatedUtc, i.ExpiresUtc, i.UsedUtc, i.RevokedUtc })
            .FirstOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        LinkStatus = latest switch
        {
            null => "None made yet",
            { UsedUtc: { } used } => $"Used on {clinicClock.Format(used, "d MMMM yyyy")}",
            { RevokedUtc: not null } => "Replaced by a newer link",
            { } l when l.ExpiresUtc <= now => $"Expired on {clinicClock.Format(l.ExpiresUtc, "d MMMM yyyy")}",
            { } l => $"Open until {clinicClock.Format(l.ExpiresUtc, "d MMMM yyyy")}",
        };

        var versions = await db.ProgramVersions
            .Where(v => v.Program.PatientId == id && v.Program.ArchivedUtc == null)
            .Include(v => v.Exercises).ThenInclude(e => e.Exercise)
            .AsSplitQuery()
            .ToListAsync();
        var programRows = await db.Programs.Where(p => p.PatientId == id && p.ArchivedUtc == null)
            .OrderByDescending(p => p.CreatedUtc)
            .Select(p => new { p.Id, p.Title, p.Goal })
            .ToListAsync();
        var names = await db.Users.Where(u => versions.Select(v => v.PublishedByUserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Programs = [.. programRows.Select(p => new ProgramSummary(
            p.Id, p.Title, p.Goal,
            [.. versions.Where(v => v.ProgramId == p.Id && !v.IsDraft).OrderByDescending(v => v.Number)
                .Select(v => new VersionSummary(v, v.PublishedByUserId is { } by && names.TryGetValue(by, out var n) ? n : null, programs.EstimateMinutes(v.Exercises)))],
            versions.Any(v => v.ProgramId == p.Id && v.IsDraft)))];
        Templates = await db.Programs.Where(p => p.IsTemplate && p.ArchivedUtc == null).OrderBy(p => p.Title)
            .Select(p => new TemplateOption(p.Id, p.Title)).ToListAsync();
        var readings = await db.AssignedReadings.Where(r => r.PatientId == id).OrderByDescending(r => r.AssignedUtc)
            .Select(r => new { r.Id, r.ArticleSlug, r.AssignedUtc }).ToListAsync();
        Reading = [.. readings.Select(r => new ReadingRow(r.Id, r.ArticleSlug, articles.Find(r.ArticleSlug)?.Title ?? r.ArticleSlug + " (no longer published)", r.AssignedUtc))];
        ArticlesToAssign = [.. articles.All().Where(a => readings.All(r => r.ArticleSlug != a.Slug))];

        Today = clinicClock.Today();
        Staff = [.. (await StaffQuery().ToListAsync()).Select(s => (s.Id, s.Name))];

        // The months that have sessions (a date per session: small even after years), and the one asked for or the latest.
        var sessionDays = await db.SessionLogs.Where(s => s.PatientId == id).Select(s => s.Date).Distinct().ToListAsync();
        Months = [.. sessionDays.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().OrderDescending()];
        Month = DateOnly.TryParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var asked)
            ? asked : Months.Count > 0 ? Months[0] : new DateOnly(Today.Year, Today.Month, 1);
        var monthEnd = Month.AddMonths(1).AddDays(-1);
        // The charts: whole Monday-Sunday weeks ending with this one.
        ChartFrom = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7) - (7 * (ChartWeeks - 1)));

        // One command: the sessions of the month shown and of the charts' weeks, each with its exercises.
        var chartFrom = ChartFrom;
        var monthStart = Month;
        var sessions = await db.SessionLogs
            .Where(s => s.PatientId == id && ((s.Date >= chartFrom && s.Date <= Today) || (s.Date >= monthStart && s.Date <= monthEnd)))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Date, s.LoggedUtc, Version = s.ProgramVersion.Number, s.Pain, s.Difficulty, s.Note,
                Exercises = s.Exercises.OrderBy(e => e.Id).Select(e => new SessionExercise(
                    db.Exercises.Where(x => x.Id == e.ExerciseId).Select(x => x.Name).First(), e.SetsCompleted, e.RepsPerSet, e.Prescribed.Sets, e.Pain, e.StopCueText, e.Note)).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync();

        var flagRows = await db.RedFlags.Where(f => f.PatientId == id).OrderByDescending(f => f.RaisedUtc)
            .Select(f => new { f.Id, f.SessionLogId, f.RaisedUtc, f.Reasons, f.AcknowledgedUtc, f.Outcome, f.OutcomeNote, By = db.Users.Where(u => u.Id == f.AcknowledgedByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync();
        var inMonth = sessions.Where(s => s.Date >= Month && s.Date <= monthEnd).ToList();
        // Notes patients added afterwards: to flagged sessions (shown with the flag) and to the month's sessions, in one command.
        var noted = flagRows.Select(f => f.SessionLogId).Concat(inMonth.Select(s => s.Id)).Distinct().ToList();
        var notes = (await db.SessionNotes.Where(n => noted.Contains(n.SessionLogId)).OrderBy(n => n.Id)
            .Select(n => new { n.SessionLogId, n.WrittenUtc, n.Text }).ToListAsync()).ToLookup(n => n.SessionLogId);
        Flags = [.. flagRows.Select(f => new FlagRow(f.Id, f.RaisedUtc, f.Reasons, f.AcknowledgedUtc, f.By, f.Outcome, f.OutcomeNote,
            [.. notes[f.SessionLogId].Select(n => new PatientNote(n.WrittenUtc, n.Text))]))];
        Sessions = [.. inMonth.Select(s => new SessionRow(s.Id, s.Date, s.LoggedUtc, s.Version, s.Pain, s.Difficulty, s.Note, s.Exercises,
            [.. notes[s.Id].Select(n => n.Text)]))];
        Assigned = [.. Programs.SelectMany(p => p.Versions)
            .Select(v => (Date: clinicClock.ToClinicDay(v.Version.PublishedUtc!.Value), What: v.PublishedBy is null ? $"Version {v.Version.Number} assigned" : $"Version {v.Version.Number} assigned by {v.PublishedBy}"))
            .Where(v => v.Date >= Month && v.Date <= monthEnd)];

        var spans = ScheduleSpan.FromVersions(versions.Where(v => v.PublishedUtc is not null)
            .Select(v => (ProgramVersion.EffectiveFrom(v.StartDate, clinicClock.ToClinicDay(v.PublishedUtc!.Value)), v.EndDate, v.Days, v.TimesPerWeek)));
        var charted = sessions.Where(s => s.Date >= ChartFrom && s.Date <= Today).ToList();
        Weeks = PatientCharts.WeeksOf(spans, charted.Select(s => s.Date).ToHashSet(), ChartFrom, ChartWeeks, Today);
        PainSeries = PatientCharts.PainByExercise(charted.Select(s => (s.Date, s.Pain, s.Exercises.Select(e => (e.Name, e.Pain)))));

        // The dashboard's line when it is today's (one read); else assessed afresh, as the dashboard would.
        var summary = await db.AttentionSummaries.Where(a => a.PatientId == id && a.Day == Today).SingleOrDefaultAsync();
        Attention = summary is not null ? summary.ToRow(patient.Name) : AttentionRules.Assess((await activity.LoadAsync(id)).Single(), Today, dashboard.Value);
        return true;
    }

    public sealed record FlagRow(long Id, DateTime RaisedUtc, string Reasons, DateTime? AcknowledgedUtc, string? AcknowledgedBy, FlagOutcome? Outcome, string? OutcomeNote,
        IReadOnlyList<PatientNote> PatientNotes);

    /// <summary>A note the patient added to the flagged session afterwards.</summary>
    public sealed record PatientNote(DateTime WrittenUtc, string Text);

    /// <summary>Clinic time for staff pages (never UTC).</summary>
    public string ClinicTime(DateTime utc) => clinicClock.Format(utc);

    /// <summary>One logged session: the short log's answers, its exercises, and notes the patient added later.</summary>
    public sealed record SessionRow(long Id, DateOnly Date, DateTime LoggedUtc, int Version, int? Pain, Difficulty? Difficulty, string? Note,
        IReadOnlyList<SessionExercise> Exercises, IReadOnlyList<string> LaterNotes)
    {
        public int Done => Exercises.Count(e => e.SetsCompleted > 0);

        public string? StopCue => Exercises.Select(e => e.StopCueText).FirstOrDefault(t => t is not null);

        public bool HasNote => Note is not null || LaterNotes.Count > 0 || Exercises.Any(e => e.Note is not null);

        /// <summary>"pain 3" (the short log's answer) or "pain 2-5" (the exercises' range), or null with no pain answers.</summary>
        public string? PainText
        {
            get
            {
                if (Pain is { } p)
                {
                    return $"pain {p}";
                }

                var pains = Exercises.Where(e => e.Pain is not null).Select(e => e.Pain!.Value).ToList();
                return pains.Count == 0 ? null : pains.Min() == pains.Max() ? $"pain {pains[0]}" : $"pain {pains.Min()}–{pains.Max()}";
            }
        }
    }

    public sealed record SessionExercise(string Name, int SetsCompleted, int RepsPerSet, int SetsPrescribed, int? Pain, string? StopCueText, string? Note);

    public sealed record ProgramSummary(int Id, string Title, string? Goal, IReadOnlyList<VersionSummary> Versions, bool HasDraft);

    /// <summary><paramref name="PublishedBy"/> is null when no one is on record (e.g. a seeded program): then "by ..." is left out.</summary>
    public sealed record VersionSummary(ProgramVersion Version, string? PublishedBy, int Minutes);

    public sealed record TemplateOption(int Id, string Title);

    public sealed record ReadingRow(int Id, string Slug, string Title, DateTime AssignedUtc);

    public sealed record PatientView(int Id, string UserId, string Name, string SignInName, string? Email, DateOnly? DateOfBirth, bool HasPassword, bool Disabled, string? Phone, string? PrimaryTherapistUserId);
}
