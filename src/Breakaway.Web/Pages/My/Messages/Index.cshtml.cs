using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.My.Messages;

/// <summary>
/// The patient's conversation with the clinic, newest first; opening it marks the clinic's messages read.
/// <c>/my/messages/{id}</c> opens one message to answer it; another patient's message id is a 404.
/// </summary>
public sealed class IndexModel(BreakawayDbContext db, MessageService messages, ClinicClock clock, IOptions<MessageOptions> options) : PatientPageModel
{
    public bool Enabled => options.Value.Enabled;
    public IReadOnlyList<MessageView> Thread { get; private set; } = [];
    public MessageView? Answering { get; private set; }
    public Guid Key { get; private set; } = Guid.NewGuid();
    public string? Text { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await messages.MarkReadAsync(PatientId, readerIsPatient: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, string? text, Guid key, CancellationToken cancellationToken)
    {
        if (id is { } replyTo && !await db.PatientMessages.AnyAsync(m => m.Id == replyTo && m.PatientId == PatientId, cancellationToken))
        {
            return NotFound();
        }

        if (!Enabled)
        {
            return RedirectToPage();
        }

        var (checkedText, error) = MessageService.Check(text);
        if (key == Guid.Empty)
        {
            error ??= "The form was incomplete. Please try again.";
        }

        if (error is not null)
        {
            ModelState.AddModelError("text", error);
            await LoadAsync(id, cancellationToken);
            Text = text;
            Key = key == Guid.Empty ? Guid.NewGuid() : key;
            return Page();
        }

        await messages.SendAsync(PatientId, fromPatient: true, User.UserId(), checkedText!, key, sessionLogId: null, cancellationToken);
        Message = "Message sent. Your physical therapist will answer here.";
        return RedirectToPage("/My/Messages/Index", null, new { id = (long?)null }, "thread");
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        Thread = [.. (await messages.ThreadAsync(PatientId, readerIsPatient: true, cancellationToken)).Reverse()];
        if (id is { } messageId)
        {
            Answering = Thread.FirstOrDefault(m => m.Id == messageId);
            return Answering is not null;
        }

        return true;
    }

    public string When(DateTime utc) => clock.Format(utc, "d MMMM, HH:mm");
}
