using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// On staff pages: unless <c>Security:RequireStaffMfa</c> is false, the session must have been opened with a second
/// factor. Staff without an authenticator are sent to set one up. Demo accounts are exempt in Development only: a
/// server in any other environment may be reachable from outside, and there the demo admin sees the audit log.
/// </summary>
public sealed class StaffMfaFilter(IOptions<SecurityOptions> options, IHostEnvironment environment) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var satisfied = !options.Value.RequireStaffMfa
            || !user.IsStaff()
            || (environment.IsDevelopment() && user.HasClaim(ClinicClaimsFactory.Demo, "true"))
            || user.HasClaim("amr", "mfa");
        if (satisfied)
        {
            await next();
            return;
        }

        context.Result = new RedirectToPageResult("/Account/Manage/Authenticator", new { required = true });
    }
}
