using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Breakaway.Web.Pages.Admin.Outbox;

/// <summary>One message as it was written to the pickup folder (no SMTP server set): what would have been sent.</summary>
public sealed class MessageModel(BreakawayDbContext db, AuditLog audit, MailFolder folder, IOptions<SmtpOptions> smtp) : PageModel
{
    public string From { get; private set; } = string.Empty;
    public string To { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public IReadOnlyList<(string Name, string Value)> Headers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Sent).Select(m => new { m.PatientId }).SingleOrDefaultAsync(cancellationToken);
        var file = folder.FileOf(id);
        if (row is null || smtp.Value.UsesServer || !System.IO.File.Exists(file))
        {
            return NotFound();
        }

        var message = await MimeMessage.LoadAsync(file, cancellationToken);
        From = message.From.ToString();
        To = message.To.ToString();
        Subject = message.Subject ?? string.Empty;
        Body = message.TextBody ?? string.Empty;
        Headers = [.. message.Headers.Where(h => h.Field.StartsWith("List-", StringComparison.OrdinalIgnoreCase)).Select(h => (h.Field, h.Value))];
        await audit.ViewedAsync(AuditActions.OutboxMessageViewed, row.PatientId, detail: $"message {id}");
        return Page();
    }
}
