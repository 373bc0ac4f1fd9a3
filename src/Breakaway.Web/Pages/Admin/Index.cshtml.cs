using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Breakaway.Web.Dashboard;

namespace Breakaway.Web.Pages.Admin;

/// <summary>The therapist's dashboard: every patient, those who need a call today first.</summary>
public sealed class IndexModel(PatientActivityQuery activity, ClinicClock clock, IOptions<DashboardOptions> options, AuditLog audit) : PageModel
{
    public string Name { get; private set; } = string.Empty;
    public bool IsAdmin { get; private set; }
    public string? Query { get; private set; }
    public AttentionGroup? Group { get; private set; }
    public IReadOnlyList<AttentionRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<AttentionGroup, int> Counts { get; private set; } = new Dictionary<AttentionGroup, int>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? q, string? group, CancellationToken cancellationToken)
    {
        Name = User.DisplayName();
        IsAdmin = User.IsInRole(Roles.Admin);
        Today = clock.Today();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Group = Enum.TryParse<AttentionGroup>(group, out var g) ? g : null;

        var ranked = AttentionRules.Rank(await activity.LoadAsync(cancellationToken: cancellationToken), Today, options.Value);
        Counts = ranked.GroupBy(r => r.Group).ToDictionary(x => x.Key, x => x.Count());
        Rows = [.. ranked.Where(r => (Query is null || r.Name.Contains(Query, StringComparison.OrdinalIgnoreCase)) && (Group is null || r.Group == Group))];
        await audit.WriteAsync(AuditActions.PatientListViewed, detail: "dashboard");
    }

    public static string Percent(int? value) => value is { } v ? $"{v}%" : "–";
}
