using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>Every patient of the clinic (one clinic, one caseload for now; per-therapist caseloads would filter here).</summary>
public sealed class IndexModel(BreakawayDbContext db, AuditLog audit) : PageModel
{
    public string? Query { get; private set; }
    public IReadOnlyList<Row> Patients { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var query = db.Patients.AsQueryable();
        if (Query is not null)
        {
            // Case-insensitive on both providers (PostgreSQL's LIKE is case-sensitive; SQLite's is not).
            var term = Query.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(...) and strpos/instr; never runs in .NET.
            query = query.Where(p => p.User.DisplayName.ToLower().Contains(term) || p.User.UserName!.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Patients = await query
            .OrderBy(p => p.User.DisplayName)
            .Select(p => new Row(p.Id, p.User.DisplayName, p.User.UserName ?? string.Empty, p.User.PasswordHash != null, p.User.DisabledUtc != null))
            .Take(200)
            .ToListAsync(cancellationToken);
        await audit.ViewedAsync(AuditActions.PatientListViewed);
    }

    public sealed record Row(int Id, string Name, string SignInName, bool HasPassword, bool Disabled);
}
