using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Breakaway.Web.Dashboard;

namespace Breakaway.Web.Pages.Admin;

/// <summary>
/// The therapist's dashboard: every patient, those who need a call today first, a page of <see cref="PageSize"/> at a
/// time. Reads the per-patient summary (<see cref="AttentionSummary"/>), so a view costs the same whatever the history.
/// </summary>
public sealed class IndexModel(BreakawayDbContext db, ClinicClock clock, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public string Name { get; private set; } = string.Empty;
    public bool IsAdmin { get; private set; }
    public string? Query { get; private set; }
    public AttentionGroup? Group { get; private set; }
    public IReadOnlyList<AttentionRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<AttentionGroup, int> Counts { get; private set; } = new Dictionary<AttentionGroup, int>();
    public DateOnly Today { get; private set; }

    /// <summary>1-based page of the filtered list.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Patients matching the filters.</summary>
    public int Matching { get; private set; }

    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? q, string? group, int? p, CancellationToken cancellationToken)
    {
        Name = User.DisplayName();
        IsAdmin = User.IsInRole(Roles.Admin);
        Today = clock.Today();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Group = Enum.TryParse<AttentionGroup>(group, out var g) && Enum.IsDefined(g) ? g : null;

        await AttentionSummaryWriter.RefreshStaleAsync(db, Today, cancellationToken);
        Counts = await db.AttentionSummaries.GroupBy(a => a.Group).Select(x => new { x.Key, Count = x.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var rows = db.AttentionSummaries.AsQueryable();
        if (Query is not null)
        {
            // In the database: lower() on both sides (ASCII in SQLite, full Unicode in PostgreSQL).
            var folded = Query.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower() and instr()/strpos(), not run in .NET.
            rows = rows.Where(a => a.Patient.User.DisplayName.ToLower().Contains(folded));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (Group is { } only)
        {
            rows = rows.Where(a => a.Group == only);
        }

        Matching = Query is null ? (Group is { } chosen ? Counts.GetValueOrDefault(chosen) : Counts.Values.Sum()) : await rows.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        var page = await rows.OrderBy(a => a.Group).ThenByDescending(a => a.SortUtc).ThenBy(a => a.Patient.User.DisplayName).ThenBy(a => a.PatientId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { Summary = a, a.Patient.User.DisplayName })
            .ToListAsync(cancellationToken);
        Rows = [.. page.Select(x => x.Summary.ToRow(x.DisplayName))];
        await audit.ViewedAsync(AuditActions.PatientListViewed, detail: "dashboard");
    }

    public static string Percent(int? value) => value is { } v ? $"{v}%" : "–";
}
