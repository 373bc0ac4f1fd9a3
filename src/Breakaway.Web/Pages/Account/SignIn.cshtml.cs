using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Account;

[EnableRateLimiting(IdentityRegistration.SignInRateLimit)]
public sealed class SignInModel(
    ClinicSignInManager signIn,
    UserManager<AppUser> users,
    AuditLog audit,
    IOptions<ClinicOptions> clinic) : PageModel
{

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.Login.Trim());
        if (user is null)
        {
            // As much work as a wrong password (locked, disabled and password-less accounts: ClinicSignInManager).
            signIn.VerifyDummyPassword(Input.Password);
            await audit.WriteAsync(AuditActions.SignInFailed, detail: "unknown account");
            return Fail();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.KeepSignedIn, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignInSucceeded, actorUserId: user.Id);
            return LocalRedirect(await Destination(this, users, user, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl, keep = Input.KeepSignedIn });
        }

        await audit.WriteAsync(result.IsLockedOut || await users.IsLockedOutAsync(user) ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, actorUserId: user.Id);
        return Fail();
    }

    /// <summary>The same words for an unknown account, a wrong password, a locked or a disabled account.</summary>
    private PageResult Fail()
    {
        ModelState.AddModelError(string.Empty,
            $"That sign-in name and password did not work. After 5 tries the account is locked for 15 minutes. If you are stuck, call the clinic on {clinic.Value.Phone}.");
        Input.Password = string.Empty;
        return Page();
    }

    /// <summary>Only local return addresses are followed; otherwise staff go to the clinic area and patients to their page.</summary>
    internal static async Task<string> Destination(PageModel page, UserManager<AppUser> users, AppUser user, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl
            : page.Url.Page(await users.IsInRoleAsync(user, Roles.Patient) ? "/My/Index" : "/Admin/Index")!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your sign-in name or e-mail.")]
        [StringLength(256)]
        public string Login { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        public bool KeepSignedIn { get; set; }
    }
}
