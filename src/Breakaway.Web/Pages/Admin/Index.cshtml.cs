using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin;

public sealed class IndexModel(BreakawayDbContext db) : PageModel
{
    public string Name { get; private set; } = string.Empty;
    public bool IsAdmin { get; private set; }
    public int PatientCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = User.DisplayName();
        IsAdmin = User.IsInRole(Roles.Admin);
        PatientCount = await db.Patients.CountAsync(cancellationToken);
    }
}
