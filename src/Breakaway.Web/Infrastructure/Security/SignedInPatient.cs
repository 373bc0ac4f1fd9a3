using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Runs before every handler of the /My pages (registered on the folder): an account in the patient role without a
/// patient record is refused (403) here, once, so the pages read <see cref="PatientPageModel.PatientId"/> instead of
/// each repeating the check.
/// </summary>
public sealed class SignedInPatientFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.PatientId() is null)
        {
            context.Result = new ForbidResult();
            return;
        }

        await next();
    }
}

/// <summary>A page of the signed-in patient's own area; <see cref="SignedInPatientFilter"/> guarantees the id.</summary>
public abstract class PatientPageModel : PageModel
{
    /// <summary>The signed-in patient's record id: every query of these pages is limited to it.</summary>
    protected int PatientId => User.PatientId() ?? throw new InvalidOperationException("SignedInPatientFilter runs before every /My handler.");
}
