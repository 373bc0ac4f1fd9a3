using Breakaway.Web.Data;
using Breakaway.Web.Domain;

namespace Breakaway.Web.Mail;

/// <summary>What each message is; the log and the admins' list name the kind, never the content.</summary>
public static class MailKinds
{
    public const string Invitation = "invitation";
    public const string StaffSetup = "staff-setup";
    public const string PasswordReset = "password-reset";
    public const string Reminder = "reminder";
    public const string RedFlagAlert = "red-flag-alert";

    public static string Label(string kind) => kind switch
    {
        Invitation => "Invitation",
        StaffSetup => "Staff set-up link",
        PasswordReset => "Password reset",
        Reminder => "Exercise reminder",
        RedFlagAlert => "Red-flag alert",
        _ => kind,
    };
}

/// <summary>
/// Stages a message with the caller's other changes: it is a row, committed by the caller's SaveChanges together with
/// what caused it, or not at all. <see cref="OutboxSender"/> sends it afterwards.
/// </summary>
public sealed class Outbox(BreakawayDbContext db, TimeProvider clock)
{
    public void Add(string kind, string to, MailText text, int? patientId = null, string? unsubscribeUrl = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            To = to,
            Subject = text.Subject,
            TextBody = text.Body,
            UnsubscribeUrl = unsubscribeUrl,
            PatientId = patientId,
            CreatedUtc = now,
            NextAttemptUtc = now,
            Status = OutboxStatus.Waiting,
        });
    }
}
