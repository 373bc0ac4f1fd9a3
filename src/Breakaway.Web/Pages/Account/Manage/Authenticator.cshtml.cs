using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Account.Manage;

/// <summary>Sets up TOTP (RFC 6238) with Identity's authenticator token provider, then shows ten recovery codes once.</summary>
public sealed class AuthenticatorModel(ClinicUserManager users, SignInManager<AppUser> signIn, AuditLog audit, IOptions<ClinicOptions> clinic) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from the app.")]
    [StringLength(10)]
    public string Code { get; set; } = string.Empty;

    public bool Required { get; private set; }
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string FormattedKey { get; private set; } = string.Empty;
    public string QrDataUri { get; private set; } = string.Empty;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool required = false)
    {
        Required = required;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // An empty field binds as null; [Required] has already said so.
        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code did not match. Check the time on your phone and try the newest code.");
            await Load(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await audit.WriteAsync(AuditActions.MfaEnabled, targetUserId: user.Id);

        // Turning two-step sign-in on changes the security stamp, which ends the account's sessions; this one
        // carries on with the new stamp, so the person can keep the codes and sign out from this page.
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    private async Task Load(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetOrCreateAuthenticatorKeyAsync(user);
        FormattedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var issuer = Uri.EscapeDataString(clinic.Value.Name);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        QrDataUri = QrCodes.PngDataUri($"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6");
    }
}
