using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
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
    public DateTime NowUtc { get; private set; }

    /// <summary>True: only the signed-in staff member's own patients (their default when they have any); false: everyone.</summary>
    public bool Mine { get; private set; }
    public int MineCount { get; private set; }
    public int EveryoneCount { get; private set; }

    /// <summary>Patients on this page whose item was marked "seen today".</summary>
    public IReadOnlySet<int> SeenToday { get; private set; } = new HashSet<int>();

    /// <summary>Primary therapist's name per patient on this page (shown in the "Everyone" view).</summary>
    public IReadOnlyDictionary<int, string?> Therapists { get; private set; } = new Dictionary<int, string?>();

    /// <summary>1-based page of the filtered list.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Patients matching the filters.</summary>
    public int Matching { get; private set; }

    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? q, string? group, int? p, string? who, CancellationToken cancellationToken)
    {
        Name = User.DisplayName();
        IsAdmin = User.IsInRole(Roles.Admin);
        Today = clock.Today();
        NowUtc = clock.UtcNow();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Group = Enum.TryParse<AttentionGroup>(group, out var g) && Enum.IsDefined(g) ? g : null;

        await AttentionSummaryWriter.RefreshStaleAsync(db, Today, cancellationToken);
        var userId = User.UserId();
        var today = Today;
        var shown = AttentionSummary.ShownGroup(today);
        // One command for every count: per group shown today, split by whether the patient is the viewer's own.
        var counts = await db.AttentionSummaries
            .Select(a => new { Mine = a.Patient.PrimaryTherapistUserId == userId, Group = a.SeenDay == today && a.Group != AttentionGroup.RedFlag ? AttentionGroup.OnTrack : a.Group })
            .GroupBy(a => new { a.Mine, a.Group }).Select(x => new { x.Key.Mine, x.Key.Group, Count = x.Count() })
            .ToListAsync(cancellationToken);
        EveryoneCount = counts.Sum(c => c.Count);
        MineCount = counts.Where(c => c.Mine).Sum(c => c.Count);
        // A therapist's own caseload first; "everyone" on request, or when they have no patients of their own.
        Mine = who switch { "everyone" => false, "mine" => true, _ => MineCount > 0 };
        Counts = counts.Where(c => !Mine || c.Mine).GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        var rows = db.AttentionSummaries.AsQueryable();
        if (Mine)
        {
            rows = rows.Where(a => a.Patient.PrimaryTherapistUserId == userId);
        }

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
            // Seen today counts as on track for the rest of the day; red flags cannot be "seen" away.
            rows = only == AttentionGroup.OnTrack
                ? rows.Where(a => a.Group == only || (a.SeenDay == today && a.Group != AttentionGroup.RedFlag))
                : rows.Where(a => a.Group == only && (a.SeenDay != today || a.Group == AttentionGroup.RedFlag));
        }

        Matching = Query is null ? (Group is { } chosen ? Counts.GetValueOrDefault(chosen) : Counts.Values.Sum()) : await rows.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        var page = await rows.OrderBy(shown)
            .ThenByDescending(a => a.SortUtc).ThenBy(a => a.Patient.User.DisplayName).ThenBy(a => a.PatientId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { Summary = a, a.Patient.User.DisplayName, Therapist = a.Patient.PrimaryTherapist == null ? null : a.Patient.PrimaryTherapist.DisplayName })
            .ToListAsync(cancellationToken);
        Rows = [.. page.Select(x => x.Summary.ToRow(x.DisplayName))];
        SeenToday = page.Where(x => x.Summary.SeenDay == today && x.Summary.Group != AttentionGroup.RedFlag).Select(x => x.Summary.PatientId).ToHashSet();
        Therapists = page.ToDictionary(x => x.Summary.PatientId, x => x.Therapist);
        await audit.ViewedAsync(AuditActions.PatientListViewed, detail: "dashboard");
    }

    /// <summary>
    /// "Seen today": the item (not a red flag: those are acknowledged on the patient's page) sorts with those on track
    /// until the clinic day ends or something new happens to the patient, which rewrites the line. Audited.
    /// </summary>
    public async Task<IActionResult> OnPostSeenAsync(int patientId, string? q, string? group, int? p, string? who)
    {
        var today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await db.AttentionSummaries
            .Where(a => a.PatientId == patientId && a.Day == today && a.Group != AttentionGroup.RedFlag && a.Group != AttentionGroup.OnTrack)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SeenDay, today));
        if (changed == 0 && !await db.AttentionSummaries.AnyAsync(a => a.PatientId == patientId))
        {
            return NotFound();
        }

        if (changed > 0)
        {
            audit.Add(AuditActions.AttentionSeen, patientId);
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return RedirectToPage("/Admin/Index", null, new { q, group, p, who }, $"patient-{patientId}");
    }

    public static string Percent(int? value) => value is { } v ? $"{v}%" : "–";
}
