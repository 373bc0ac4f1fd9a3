namespace Breakaway.Web.Domain;

/// <summary>
/// A message in the one conversation between a patient and the clinic: written by the patient or by staff, plain text,
/// read once by the other side (<see cref="ReadUtc"/>). Never logged and never audited with its text.
/// </summary>
public sealed class PatientMessage
{
    public const int MaxLength = 2000;

    public long Id { get; set; }

    public int PatientId { get; set; }

    public Patient Patient { get; set; } = null!;

    /// <summary>True when the patient wrote it; false for the clinic's staff.</summary>
    public bool FromPatient { get; set; }

    public required string AuthorUserId { get; set; }

    public required string Text { get; set; }

    public DateTime SentUtc { get; set; }

    /// <summary>When the other side first saw it; null while unread.</summary>
    public DateTime? ReadUtc { get; set; }

    /// <summary>The session whose note this answers, when staff replied to a session note.</summary>
    public long? SessionLogId { get; set; }

    /// <summary>A random key from the form, so a double tap sends one message.</summary>
    public Guid IdempotencyKey { get; set; }
}
