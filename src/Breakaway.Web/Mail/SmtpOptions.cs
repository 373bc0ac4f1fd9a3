using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Breakaway.Web.Mail;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or network.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,
}

/// <summary>
/// How e-mail leaves the site. Without <see cref="Host"/> (the default, and Development) nothing is sent: each message
/// is written as an <c>.eml</c> file to <see cref="PickupFolder"/> and listed for admins on <c>/admin/outbox</c>.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, such as <c>Breakaway Physical Therapy &lt;no-reply@clinic.example&gt;</c>; required with a host.</summary>
    public string? From { get; set; }

    /// <summary>Where messages are written when there is no host; relative to the content root.</summary>
    [Required]
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>How often each instance looks for messages to send.</summary>
    [Range(1, 300, ErrorMessage = "Smtp:PollSeconds must be between 1 and 300.")]
    public int PollSeconds { get; set; } = 10;

    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesServer && Uri.CheckHostName(Host!.Trim()) == UriHostNameType.Unknown)
        {
            yield return new ValidationResult($"Smtp:Host '{Host}' is not a host name or address.", [nameof(Host)]);
        }

        if (UsesServer && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Smtp:From must be set when Smtp:Host is, for example 'Breakaway Physical Therapy <no-reply@clinic.example>'.", [nameof(From)]);
        }

        if (!string.IsNullOrWhiteSpace(From) && !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Smtp:From '{From}' is not an e-mail address.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:Password must be set when Smtp:User is.", [nameof(Password)]);
        }
    }
}
