using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Breakaway.Web.Pages.My;

/// <summary>The patient's own page. Everything here is read for the signed-in patient only, never by an id from the URL.</summary>
public sealed class IndexModel : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public void OnGet() => Name = User.DisplayName();
}
