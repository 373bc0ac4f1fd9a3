using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages.Account.Manage;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Saved { get; private set; }

    public void OnGet(bool saved = false) => Saved = saved;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // ChangePasswordAsync also changes the security stamp: other sessions end at once; this one is re-issued below.
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
            }

            return Page();
        }

        await audit.WriteAsync(AuditActions.PasswordChanged, targetUserId: user.Id);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { saved = true });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your password needs at least 12 characters.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
