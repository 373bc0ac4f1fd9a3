using Breakaway.Web.Data;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Reminders;

/// <summary>
/// The unsubscribe link of every reminder, without signing in. Opening it only asks (link scanners open links);
/// the POST turns reminders off and is audited. A mail client's RFC 8058 one-click POST carries no antiforgery
/// token, so this one form does without: the signed token in the address is what proves the request, and all it can
/// do is stop e-mail.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(BreakawayDbContext db, ReminderLinks links, AuditLog audit) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IActionResult OnGet(string token) => links.PatientOf(token) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (links.PatientOf(token) is not { } patientId)
        {
            return NotFound();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var changed = await db.Patients.Where(p => p.Id == patientId && p.RemindersOn).ExecuteUpdateAsync(s => s.SetProperty(p => p.RemindersOn, false));
            if (changed > 0)
            {
                audit.Add(AuditActions.RemindersUnsubscribed, patientId);
                await db.SaveChangesAsync();
            }

            await transaction.CommitAsync();
        }

        // A mail client's one-click request wants a plain success, not a page to follow.
        if (Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click")
        {
            return Content("You will get no more exercise reminders.");
        }

        Message = "Done: you will get no more exercise reminders. You can turn them on again on your reminders page after signing in.";
        return RedirectToPage(new { token });
    }
}
