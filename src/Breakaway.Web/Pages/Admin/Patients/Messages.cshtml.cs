using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>
/// Staff side of a patient's conversation: read it (marking the patient's messages read, audited) and write, optionally
/// as a reply to a note the patient left on a session (<c>?session=</c>).
/// </summary>
public sealed class MessagesModel(BreakawayDbContext db, MessageService messages, ClinicClock clock, AuditLog audit, IOptions<MessageOptions> options) : PageModel
{
    public bool Enabled => options.Value.Enabled;
    public int PatientId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public IReadOnlyList<MessageView> Thread { get; private set; } = [];
    public SessionNoteView? ReplyingTo { get; private set; }
    public Guid Key { get; private set; } = Guid.NewGuid();
    public string? Text { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, long? session, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, session, cancellationToken))
        {
            return NotFound();
        }

        await messages.MarkReadAsync(id, readerIsPatient: false, cancellationToken);
        await audit.ViewedAsync(AuditActions.MessagesViewed, id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, long? session, string? text, Guid key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, session, cancellationToken))
        {
            return NotFound();
        }

        if (!Enabled)
        {
            return RedirectToPage(null, new { id });
        }

        var (checkedText, error) = MessageService.Check(text);
        if (key == Guid.Empty)
        {
            error ??= "The form was incomplete. Please try again.";
        }

        if (error is not null)
        {
            ModelState.AddModelError("text", error.Replace("please call the clinic", "call the patient", StringComparison.Ordinal));
            Text = text;
            Key = key == Guid.Empty ? Guid.NewGuid() : key;
            return Page();
        }

        await messages.SendAsync(id, fromPatient: false, User.UserId(), checkedText!, key, ReplyingTo?.SessionLogId, cancellationToken);
        Message = "Message sent.";
        return RedirectToPage(null, null, new { id, session = (long?)null }, "thread");
    }

    private async Task<bool> LoadAsync(int id, long? session, CancellationToken cancellationToken)
    {
        var name = await db.Patients.Where(p => p.Id == id).Select(p => p.User.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        PatientId = id;
        Name = name;
        if (session is { } sessionId)
        {
            // Only this patient's session: another patient's id is a 404.
            var found = await db.SessionLogs.Where(s => s.Id == sessionId && s.PatientId == id)
                .Select(s => new
                {
                    s.Id,
                    s.Date,
                    Note = s.Notes.OrderByDescending(n => n.Id).Select(n => n.Text).FirstOrDefault()
                        ?? s.Exercises.Where(e => e.Note != null).Select(e => e.Note).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return false;
            }

            ReplyingTo = new SessionNoteView(found.Id, found.Date, found.Note);
        }

        Thread = [.. (await messages.ThreadAsync(id, readerIsPatient: false, cancellationToken)).Reverse()];
        return true;
    }

    public string When(DateTime utc) => clock.Format(utc, "d MMM yyyy HH:mm");

    public sealed record SessionNoteView(long SessionLogId, DateOnly Date, string? Note);
}
