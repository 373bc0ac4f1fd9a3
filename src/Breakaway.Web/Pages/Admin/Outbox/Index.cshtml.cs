using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Admin.Outbox;

/// <summary>Admins see every e-mail the site sent or is about to send: waiting, sent and failed, newest first.</summary>
public sealed class IndexModel(BreakawayDbContext db, AuditLog audit, ClinicClock clock, IOptions<SmtpOptions> smtp, MailFolder folder) : PageModel
{
    public int Limit => 200;
    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public int Waiting { get; private set; }
    public int Failed { get; private set; }
    public SmtpOptions Smtp => smtp.Value;
    public string Folder => folder.Path;
    public string ZoneName => clock.Zone.Id;

    public string ClinicTime(DateTime utc) => clock.Format(utc, "yyyy-MM-dd HH:mm");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Messages = await db.OutboxMessages.OrderByDescending(m => m.Id).Take(Limit)
            .Select(m => new Row(m.Id, m.Kind, m.To, m.Subject, m.PatientId, m.CreatedUtc, m.Status, m.Attempts, m.SentUtc, m.NextAttemptUtc, m.LastError))
            .ToListAsync(cancellationToken);
        Waiting = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Waiting, cancellationToken);
        Failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        await audit.ViewedAsync(AuditActions.OutboxViewed);
    }

    /// <summary>In folder mode a sent message can be read on the site.</summary>
    public bool CanOpen(Row row) => !Smtp.UsesServer && row.Status == OutboxStatus.Sent;

    public static string StatusLabel(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => "Waiting",
        OutboxStatus.Sent => "Sent",
        _ => "Failed",
    };

    public sealed record Row(long Id, string Kind, string To, string Subject, int? PatientId, DateTime CreatedUtc, OutboxStatus Status, int Attempts,
        DateTime? SentUtc, DateTime NextAttemptUtc, string? LastError);
}
