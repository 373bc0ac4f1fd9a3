namespace Breakaway.Web.Domain;

public enum OutboxStatus
{
    /// <summary>Not sent yet: due at <see cref="OutboxMessage.NextAttemptUtc"/>.</summary>
    Waiting,

    Sent,

    /// <summary>Retried for a day without success; shown to admins on /admin/outbox.</summary>
    Failed,
}

/// <summary>
/// An e-mail waiting to go, or gone: written in the same SaveChanges as the change that causes it (an invitation, a
/// red flag), then sent by <c>OutboxSender</c>. The body and the unsubscribe address hold links that work, so both
/// are cleared once the message is sent; the row stays as the record of what was sent, to whom and when.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What the message is (<c>MailKinds</c>): shown to admins, written to the log instead of the content.</summary>
    public required string Kind { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain text; null once sent.</summary>
    public string? TextBody { get; set; }

    /// <summary>The one-click unsubscribe address (RFC 8058) of a reminder; null for other messages and once sent.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The patient the message concerns, if any (for the admins' list; never shown in the message).</summary>
    public int? PatientId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public int Attempts { get; set; }

    public OutboxStatus Status { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Why the last attempt failed (the exception's type and message, shortened), for admins.</summary>
    public string? LastError { get; set; }

    /// <summary>The instance sending it now, and until when its claim holds (a crashed sender's claim runs out).</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }
}
