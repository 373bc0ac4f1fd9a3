using System.Security.Claims;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>What the audit log records. Names are stable: admins filter on them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignedOut = "sign-out";
    public const string PasswordChanged = "password.changed";
    public const string PasswordSet = "password.set-from-link";
    public const string MfaEnabled = "mfa.enabled";
    public const string MfaDisabled = "mfa.disabled";
    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string RoleGranted = "role.granted";
    public const string InvitationIssued = "invitation.issued";
    public const string InvitationAccepted = "invitation.accepted";
    public const string PatientCreated = "patient.created";
    public const string PatientViewed = "patient.viewed";
    public const string PatientListViewed = "patient-list.viewed";
    public const string AuditViewed = "audit.viewed";
    public const string ProgramCreated = "program.created";
    public const string ProgramDraftStarted = "program.draft-started";
    public const string ProgramSaved = "program.saved";
    public const string ProgramReordered = "program.reordered";
    public const string ProgramExerciseAdded = "program.exercise-added";
    public const string ProgramExerciseRemoved = "program.exercise-removed";
    public const string ProgramPublished = "program.published";
    public const string TemplateCreated = "template.created";
    public const string ReadingAssigned = "reading.assigned";
    public const string ReadingRemoved = "reading.removed";
    public const string ExerciseCreated = "exercise.created";
    public const string ExerciseEdited = "exercise.edited";
    public const string ExerciseArchived = "exercise.archived";
    public const string ExerciseRestored = "exercise.restored";
    public const string MediumAdded = "exercise.medium-added";
    public const string MediumRemoved = "exercise.medium-removed";
    public const string RedFlagAcknowledged = "red-flag.acknowledged";
    public const string SessionsExported = "patient.sessions-exported";
    public const string PatientPhoneChanged = "patient.phone-changed";
    public const string PrimaryTherapistChanged = "patient.therapist-changed";
    public const string AttentionSeen = "dashboard.seen-today";
    public const string ProgramOpened = "program.opened";
    public const string StaffListViewed = "staff-list.viewed";
    public const string CalendarLinkCreated = "calendar-link.created";
    public const string CalendarLinkRevoked = "calendar-link.revoked";
    public const string SessionEdited = "session.edited";
    public const string SessionDeleted = "session.deleted";
    public const string SessionNoteAdded = "session.note-added";
    public const string OutboxViewed = "outbox.viewed";
    public const string OutboxMessageViewed = "outbox.message-viewed";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string RemindersChanged = "reminders.changed";
    public const string RemindersUnsubscribed = "reminders.unsubscribed";
    public const string MeasurePlanned = "measure.planned";
    public const string MeasurePlanStopped = "measure.plan-stopped";
    public const string MeasureAnswered = "measure.answered";
    public const string MeasuresViewed = "measure.results-viewed";
    public const string MeasuresExported = "patient.measures-exported";
    public const string MessageSent = "message.sent";
    public const string MessagesViewed = "message.thread-viewed";

    /// <summary>What the audit page shows for each action: plain words instead of the stored code.</summary>
    public static string Label(string action) => action switch
    {
        SignInSucceeded => "Signed in",
        SignInFailed => "Sign-in failed",
        SignInLockedOut => "Sign-in locked out",
        SignedOut => "Signed out",
        PasswordChanged => "Changed password",
        PasswordSet => "Set password from a link",
        MfaEnabled => "Turned on two-step sign-in",
        MfaDisabled => "Turned off two-step sign-in",
        AccountCreated => "Created account",
        AccountDisabled => "Disabled account",
        AccountEnabled => "Enabled account",
        RoleGranted => "Granted role",
        InvitationIssued => "Made invitation link",
        InvitationAccepted => "Opened invitation link",
        PatientCreated => "Added patient",
        PatientViewed => "Viewed patient",
        PatientListViewed => "Viewed patient list",
        PatientPhoneChanged => "Changed patient's phone number",
        PrimaryTherapistChanged => "Changed patient's primary therapist",
        AttentionSeen => "Marked dashboard item seen today",
        AuditViewed => "Viewed audit log",
        ProgramCreated => "Started program",
        ProgramOpened => "Opened program in builder",
        ProgramDraftStarted => "Started program draft",
        ProgramSaved => "Saved program",
        ProgramReordered => "Reordered program",
        ProgramExerciseAdded => "Added exercise to program",
        ProgramExerciseRemoved => "Removed exercise from program",
        ProgramPublished => "Assigned program version",
        TemplateCreated => "Created template",
        ReadingAssigned => "Assigned reading",
        ReadingRemoved => "Removed reading",
        ExerciseCreated => "Added exercise to library",
        ExerciseEdited => "Edited library exercise",
        ExerciseArchived => "Archived library exercise",
        ExerciseRestored => "Restored library exercise",
        MediumAdded => "Added a photo or video to an exercise",
        MediumRemoved => "Removed a photo or video from an exercise",
        RedFlagAcknowledged => "Acknowledged red flag",
        SessionsExported => "Downloaded sessions (CSV)",
        StaffListViewed => "Viewed staff list",
        CalendarLinkCreated => "Made calendar link",
        CalendarLinkRevoked => "Turned off calendar link",
        SessionEdited => "Changed a session",
        SessionDeleted => "Deleted a session",
        SessionNoteAdded => "Added a note to a session",
        OutboxViewed => "Viewed the e-mail outbox",
        OutboxMessageViewed => "Read an e-mail in the outbox",
        PasswordResetRequested => "Asked for a password link by e-mail",
        RemindersChanged => "Changed exercise reminders",
        RemindersUnsubscribed => "Unsubscribed from reminders (e-mail link)",
        MeasurePlanned => "Scheduled an outcome measure",
        MeasurePlanStopped => "Stopped an outcome measure",
        MeasureAnswered => "Answered an outcome measure",
        MeasuresViewed => "Viewed outcome measures",
        MeasuresExported => "Downloaded outcome measures (CSV)",
        MessageSent => "Sent a message",
        MessagesViewed => "Read the messages",
        _ => action,
    };
}

/// <summary>
/// Adds audit rows. <see cref="Add"/> stages a row with the caller's other changes (one SaveChanges, one
/// transaction): every change of data is audited that way or with <see cref="WriteAsync"/>, which saves at once.
/// <see cref="ViewedAsync"/> is for reads (a staff page view, a download): the row goes to the <see cref="AuditWriter"/>
/// and the request does not wait for the database. Never pass health data as the detail.
/// </summary>
public sealed class AuditLog(BreakawayDbContext db, IHttpContextAccessor http, TimeProvider clock, AuditWriter queue)
{
    public void Add(string action, int? patientId = null, string? targetUserId = null, string? detail = null, string? actorUserId = null) =>
        db.AuditEntries.Add(Entry(action, patientId, targetUserId, detail, actorUserId));

    private AuditEntry Entry(string action, int? patientId, string? targetUserId, string? detail, string? actorUserId) => new()
    {
        TimestampUtc = clock.GetUtcNow().UtcDateTime,
        ActorUserId = actorUserId ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier),
        Action = action,
        PatientId = patientId,
        TargetUserId = targetUserId,
        Detail = detail is { Length: > 200 } ? detail[..200] : detail,
        ClientAddress = ClientAddress(http.HttpContext),
    };

    /// <summary>The address the request came from, as UseForwardedHeaders left it (only trusted proxies can change it).</summary>
    private static string? ClientAddress(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;

    public async Task WriteAsync(string action, int? patientId = null, string? targetUserId = null, string? detail = null, string? actorUserId = null)
    {
        Add(action, patientId, targetUserId, detail, actorUserId);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Audits a read: queued, written by the <see cref="AuditWriter"/> within milliseconds. Only once the queue has
    /// stopped (the host is shutting down) is the row written here, at once.
    /// </summary>
    public Task ViewedAsync(string action, int? patientId = null, string? detail = null)
    {
        var entry = Entry(action, patientId, null, detail, null);
        if (queue.TryEnqueue(entry))
        {
            return Task.CompletedTask;
        }

        db.AuditEntries.Add(entry);
        return db.SaveChangesAsync();
    }
}
