using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Breakaway.Web.Media;

namespace Breakaway.Web.Pages;

/// <summary>
/// The friendly page for every error status. Reached through status-code re-execution and the exception
/// handler; never shows exception details. Requested directly, it answers 404.
/// </summary>
/// <remarks>
/// The handlers take no parameters and the page binds nothing: the status is the one the request already has, never
/// a value from the form or the query (a re-executed POST still carries its body, which may be the unreadable form
/// that caused the error, or <c>code=200</c>).
/// </remarks>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IOptions<MediaOptions> media) : PageModel
{
    public string Heading { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;

    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted ? reExecuted.OriginalStatusCode
            : HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null ? Response.StatusCode
            : StatusCodes.Status404NotFound;
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status500InternalServerError;
        }

        Response.StatusCode = code;
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the address may have a typo."),
            403 => ("No access", "Your account does not have access to this page."),
            400 => ("Something was wrong with that request", "Please go back and try again."),
            413 => ("That was too much to send", "Please go back and send less, for example a shorter note."),
            415 => ("Something was wrong with that request", "Your browser sent the form in a way we cannot read. Please go back and try again."),
            429 => ("Too many attempts", "Please wait a minute and try again."),
            _ => ("Sorry, something went wrong", "The problem is on our side, not yours. Please try again in a few minutes."),
        };
        if (code == 413 && HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath.EndsWith("/media", StringComparison.Ordinal) == true)
        {
            (Heading, Message) = ("That file is too large", $"A photo can be up to {media.Value.MaxPhotoMegabytes} MB and a video up to {media.Value.MaxVideoMegabytes} MB. Please go back and choose a smaller file: save the photo smaller, or trim the video.");
        }
    }
}
