using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Breakaway.Web.Pages.Account;

/// <summary>Second step of sign-in: an authenticator code or a one-time recovery code.</summary>
[EnableRateLimiting(IdentityRegistration.SignInRateLimit)]
public sealed class SignInTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(20)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Keep { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, Keep, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignInSucceeded, actorUserId: user.Id, detail: "with second factor");
            return LocalRedirect(await SignInModel.Destination(this, users, user, ReturnUrl));
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, actorUserId: user.Id, detail: "second factor");
        ModelState.AddModelError(string.Empty, "That code did not work. Codes change every 30 seconds; try the newest one.");
        return Page();
    }
}
