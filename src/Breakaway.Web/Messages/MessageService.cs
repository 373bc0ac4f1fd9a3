using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Messages;

/// <summary>One message as the pages show it.</summary>
public sealed record MessageView(long Id, bool FromPatient, string Author, string Text, DateTime SentUtc, bool Unread, long? SessionLogId, DateOnly? SessionDate);

/// <summary>
/// The conversation between a patient and the clinic. Sending stages the message, its audit row (without the text) and,
/// when the reader has an e-mail address and had nothing unread, a neutral notification: one SaveChanges.
/// </summary>
public sealed class MessageService(
    BreakawayDbContext db,
    AuditLog audit,
    Outbox outbox,
    ClinicClock clock,
    IOptions<ClinicOptions> clinic,
    IOptions<SiteOptions> site)
{
    public const string MailKind = "message-notice";

    /// <summary>What a form's text turns into, or the message a patient understands when it is not acceptable.</summary>
    public static (string? Text, string? Error) Check(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (null, "Write your message before pressing Send.");
        }

        if (trimmed.Length > PatientMessage.MaxLength)
        {
            return (null, $"Keep the message under {PatientMessage.MaxLength} characters: it has {trimmed.Length}. For something long, please call the clinic.");
        }

        // Plain text: control characters other than line breaks and tabs are dropped.
        return (new string([.. trimmed.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')]), null);
    }

    /// <summary>Sends a checked text; a form sent twice (same key) stores one message.</summary>
    public async Task<long> SendAsync(int patientId, bool fromPatient, string authorUserId, string text, Guid key, long? sessionLogId, CancellationToken cancellationToken = default)
    {
        if (await db.PatientMessages.Where(m => m.IdempotencyKey == key && m.PatientId == patientId).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var readerHadUnread = await db.PatientMessages.AnyAsync(m => m.PatientId == patientId && m.FromPatient == fromPatient && m.ReadUtc == null, cancellationToken);
        var message = new PatientMessage
        {
            PatientId = patientId,
            FromPatient = fromPatient,
            AuthorUserId = authorUserId,
            Text = text,
            SentUtc = clock.UtcNow(),
            SessionLogId = sessionLogId,
            IdempotencyKey = key,
        };
        // The audit row names the message's id, which the first save gives: one transaction commits both.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PatientMessages.Add(message);
        if (!readerHadUnread && await RecipientAddressAsync(patientId, fromPatient, cancellationToken) is { } to)
        {
            var link = site.Value.Absolute(fromPatient ? $"/admin/patients/{patientId}/messages" : "/my/messages");
            outbox.Add(MailKind, to, Notice(clinic.Value.Name, link, fromPatient), patientId);
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.MessageSent, patientId, detail: $"message {message.Id}{(fromPatient ? ", from the patient" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message.Id;
    }

    /// <summary>The whole conversation, oldest first.</summary>
    public async Task<IReadOnlyList<MessageView>> ThreadAsync(int patientId, bool readerIsPatient, CancellationToken cancellationToken = default) =>
        await db.PatientMessages.Where(m => m.PatientId == patientId).OrderBy(m => m.SentUtc).ThenBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.FromPatient,
                m.FromPatient ? "You" : db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "The clinic",
                m.Text, m.SentUtc, m.ReadUtc == null && m.FromPatient != readerIsPatient, m.SessionLogId,
                db.SessionLogs.Where(s => s.Id == m.SessionLogId).Select(s => (DateOnly?)s.Date).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>Marks what the other side wrote as read by this reader.</summary>
    public Task<int> MarkReadAsync(int patientId, bool readerIsPatient, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow();
        return db.PatientMessages.Where(m => m.PatientId == patientId && m.FromPatient != readerIsPatient && m.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadUtc, now), cancellationToken);
    }

    /// <summary>Messages from the clinic the patient has not opened yet.</summary>
    public Task<int> UnreadForPatientAsync(int patientId, CancellationToken cancellationToken = default) =>
        db.PatientMessages.CountAsync(m => m.PatientId == patientId && !m.FromPatient && m.ReadUtc == null, cancellationToken);

    /// <summary>Messages from this patient no staff member has opened yet.</summary>
    public Task<int> UnreadForStaffAsync(int patientId, CancellationToken cancellationToken = default) =>
        db.PatientMessages.CountAsync(m => m.PatientId == patientId && m.FromPatient && m.ReadUtc == null, cancellationToken);

    /// <summary>
    /// Who is told by e-mail: the patient (their account's address), or, for a patient's message, the staff member who
    /// last wrote to them, else who added the patient; only active accounts with an address.
    /// </summary>
    private async Task<string?> RecipientAddressAsync(int patientId, bool fromPatient, CancellationToken cancellationToken)
    {
        if (!fromPatient)
        {
            return await db.Patients.Where(p => p.Id == patientId && p.User.DisabledUtc == null).Select(p => p.User.Email).FirstOrDefaultAsync(cancellationToken);
        }

        var lastStaff = await db.PatientMessages.Where(m => m.PatientId == patientId && !m.FromPatient).OrderByDescending(m => m.Id)
            .Select(m => m.AuthorUserId).FirstOrDefaultAsync(cancellationToken);
        var staffId = lastStaff ?? await db.Patients.Where(p => p.Id == patientId).Select(p => p.CreatedByUserId).FirstOrDefaultAsync(cancellationToken);
        return staffId is null ? null
            : await db.Users.Where(u => u.Id == staffId && u.DisabledUtc == null).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The notification: that there is a message, never what it says or who it is about.</summary>
    public static MailText Notice(string clinicName, string link, bool toStaff) => toStaff
        ? new MailText(
            $"{clinicName}: a new message on the website",
            $"""
            Hello,

            A patient has written a message on the {clinicName} website. Sign in to read it:
            {link}

            {clinicName}
            """)
        : new MailText(
            $"A message from {clinicName}",
            $"""
            Hello,

            You have a new message on the {clinicName} website. Sign in to read it:
            {link}

            Please do not reply to this e-mail. If something is urgent, call the clinic.

            {clinicName}
            """);
}
