using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Account;

/// <summary>
/// Opening a one-time link: a new person chooses a password (and, without an e-mail address, a sign-in name);
/// someone who forgot their password chooses a new one. Unknown, used, revoked and expired links answer 404.
/// </summary>
[EnableRateLimiting(IdentityRegistration.SignInRateLimit)]
public sealed class InviteModel(
    Invitations invitations,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    BreakawayDbContext db,
    AuditLog audit,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string DisplayName { get; private set; } = string.Empty;
    public string SignInName { get; private set; } = string.Empty;
    public bool IsReset { get; private set; }
    public bool NeedsSignInName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var invitation = await invitations.FindUsableAsync(token);
        if (invitation is null)
        {
            return NotFound();
        }

        Describe(invitation.User);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var invitation = await invitations.FindUsableAsync(token);
        if (invitation is null)
        {
            return NotFound();
        }

        var user = await users.FindByIdAsync(invitation.UserId);
        if (user is null || user.DisabledUtc is not null)
        {
            return NotFound();
        }

        Describe(user);
        if (NeedsSignInName && string.IsNullOrWhiteSpace(Input.SignInName))
        {
            ModelState.AddModelError("Input.SignInName", "Choose a sign-in name.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (NeedsSignInName)
        {
            var nameResult = await users.SetUserNameAsync(user, Input.SignInName!.Trim());
            if (!nameResult.Succeeded)
            {
                ModelState.AddModelError("Input.SignInName", nameResult.Errors.Any(e => e.Code == "DuplicateUserName")
                    ? "That sign-in name is taken. Please choose another."
                    : "Use 4 to 40 letters, numbers, dots or dashes.");
                return Page();
            }
        }

        // A reset token from Identity replaces any old password in one step and changes the security stamp,
        // which ends the account's other sessions.
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, resetToken, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        invitation.UsedUtc = clock.GetUtcNow().UtcDateTime;
        var patientId = await db.Patients.Where(p => p.UserId == user.Id).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        audit.Add(IsReset ? AuditActions.PasswordSet : AuditActions.InvitationAccepted, patientId, user.Id, actorUserId: user.Id);
        await db.SaveChangesAsync();
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);

        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage(patientId is null ? "/Admin/Index" : "/My/Index");
    }

    private void Describe(AppUser user)
    {
        DisplayName = user.DisplayName;
        IsReset = user.PasswordHash is not null;
        SignInName = user.UserName ?? string.Empty;
        NeedsSignInName = !IsReset && string.IsNullOrEmpty(user.Email);
    }

    public sealed class InputModel
    {
        [RegularExpression(@"^[A-Za-z0-9.\-]{4,40}$", ErrorMessage = "Use 4 to 40 letters, numbers, dots or dashes.")]
        public string? SignInName { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your password needs at least 12 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
