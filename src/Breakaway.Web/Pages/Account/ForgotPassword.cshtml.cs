using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Account;

/// <summary>
/// "Forgot your password?": a single-use link, valid for <c>Security:ResetLinkMinutes</c>, e-mailed to the address
/// if an active account with a password has it. The answer is the same for every address, so the page does not tell
/// who has an account. An account that has not opened its invitation yet gets nothing: a new link would revoke the
/// invitation the clinic handed over.
/// </summary>
[EnableRateLimiting(IdentityRegistration.SignInRateLimit)]
public sealed class ForgotPasswordModel(BreakawayDbContext db, Invitations invitations, ILookupNormalizer normalizer, IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public int Minutes => security.Value.ResetLinkMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var normalized = normalizer.NormalizeEmail(Input.Email.Trim());
        var account = await db.Users.Where(u => u.NormalizedEmail == normalized && u.DisabledUtc == null && u.PasswordHash != null)
            .Select(u => new { u.Id, u.Email, PatientId = db.Patients.Where(p => p.UserId == u.Id).Select(p => (int?)p.Id).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (account is not null)
        {
            await invitations.IssueAsync(account.Id, account.Id, account.PatientId, InvitationMail.PasswordReset, account.Email,
                TimeSpan.FromMinutes(Minutes), AuditActions.PasswordResetRequested);
        }

        Message = $"If an account has that address, we have e-mailed it a link to choose a new password. The link works once, within {Minutes} minutes.";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the e-mail address of your account.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address, such as name@example.com.")]
        [StringLength(256, ErrorMessage = "Enter an e-mail address of up to 256 characters.")]
        [Display(Name = "Your e-mail address")]
        public string Email { get; set; } = string.Empty;
    }
}
