using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages;

/// <summary>
/// The friendly page for every error status. Reached through status-code re-execution and the exception
/// handler; never shows exception details. Requested directly, it answers 404.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted)
        {
            code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = code;
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the address may have a typo."),
            403 => ("No access", "Your account does not have access to this page."),
            400 => ("Something was wrong with that request", "Please go back and try again."),
            429 => ("Too many attempts", "Please wait a minute and try again."),
            _ => ("Sorry, something went wrong", "The problem is on our side, not yours. Please try again in a few minutes."),
        };
    }
}
