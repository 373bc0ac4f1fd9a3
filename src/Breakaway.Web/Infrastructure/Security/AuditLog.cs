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
    public const string InvitationPrinted = "invitation.printed";
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
    public const string RedFlagAcknowledged = "red-flag.acknowledged";
    public const string SessionsExported = "patient.sessions-exported";
}

/// <summary>
/// Adds audit rows. <see cref="Add"/> stages a row with the caller's other changes (one SaveChanges, one
/// transaction); <see cref="WriteAsync"/> saves at once. Never pass health data as the detail.
/// </summary>
public sealed class AuditLog(BreakawayDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Add(string action, int? patientId = null, string? targetUserId = null, string? detail = null, string? actorUserId = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TimestampUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Action = action,
            PatientId = patientId,
            TargetUserId = targetUserId,
            Detail = detail is { Length: > 200 } ? detail[..200] : detail,
        });

    public async Task WriteAsync(string action, int? patientId = null, string? targetUserId = null, string? detail = null, string? actorUserId = null)
    {
        Add(action, patientId, targetUserId, detail, actorUserId);
        await db.SaveChangesAsync();
    }
}
