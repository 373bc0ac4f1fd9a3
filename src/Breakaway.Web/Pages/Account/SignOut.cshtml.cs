using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages.Account;

/// <summary>
/// Signing out is a POST (with antiforgery), so a link on another site cannot sign anyone out. It ends every
/// session of the account, not only this browser's: a copied cookie is refused at once (README, Decisions).
/// </summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn, ClinicUserManager users, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await users.EndSessionsAsync(User.UserId());
            await audit.WriteAsync(AuditActions.SignedOut);
        }

        await signIn.SignOutAsync();

        // The phone forgets this person's pages kept for offline use, and anything of theirs stored by the site
        // (README, "Offline"): the next person to pick up a shared phone sees nothing of theirs, online or not.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return RedirectToPage("/Account/SignOut");
    }
}
