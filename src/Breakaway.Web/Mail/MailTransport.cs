using Breakaway.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Breakaway.Web.Mail;

/// <summary>Hands one composed message over: to an SMTP server, or to a folder when none is configured.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP, one connection per message (the outbox sends a handful a minute at most).</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host!.Trim(), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>No SMTP server: each message becomes <c>{id}.eml</c> in the pickup folder, where admins can read it (/admin/outbox).</summary>
public sealed class PickupFolderTransport(MailFolder folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.Path);
        var path = folder.FileOf(MailComposer.OutboxIdOf(message));
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The pickup folder, resolved against the content root.</summary>
public sealed class MailFolder(IOptions<SmtpOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath);

    public string FileOf(long outboxId) => System.IO.Path.Combine(Path, outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".eml");
}

/// <summary>Builds the MIME message of an outbox row: plain text, the clinic as sender, a stable Message-Id.</summary>
public sealed class MailComposer(IOptions<SmtpOptions> smtp, IOptions<ClinicOptions> clinic)
{
    public MailboxAddress From => smtp.Value.From is { Length: > 0 } from
        ? MailboxAddress.Parse(from)
        : new MailboxAddress(clinic.Value.Name, "no-reply@localhost");

    /// <summary>The outbox row a composed message came from (its Message-Id is <c>outbox-{id}@domain</c>).</summary>
    public static long OutboxIdOf(MimeMessage message)
    {
        var id = message.MessageId ?? throw new InvalidOperationException("The message has no Message-Id.");
        return long.Parse(id.AsSpan("outbox-".Length, id.IndexOf('@', StringComparison.Ordinal) - "outbox-".Length), System.Globalization.CultureInfo.InvariantCulture);
    }

    public MimeMessage Compose(Domain.OutboxMessage row)
    {
        var message = new MimeMessage();
        message.From.Add(From);
        message.To.Add(MailboxAddress.Parse(row.To));
        message.Subject = row.Subject;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc));
        // The same id on every attempt, so a receiving server can drop a duplicate after a retry.
        message.MessageId = $"outbox-{row.Id}@{From.Domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (row.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: a mail client offers "Unsubscribe" and POSTs "List-Unsubscribe=One-Click" to the address.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new TextPart("plain") { Text = row.TextBody ?? string.Empty };
        return message;
    }
}
