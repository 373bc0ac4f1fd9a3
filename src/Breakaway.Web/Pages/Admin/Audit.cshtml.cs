using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin;

/// <summary>Admins browse the audit log, newest first, filtered by action, patient or account.</summary>
public sealed class AuditModel(BreakawayDbContext db, AuditLog audit, ClinicClock clock) : PageModel
{
    public int Limit => 200;
    public string? Action { get; private set; }
    public int? PatientId { get; private set; }
    public string? UserFilter { get; private set; }
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public IReadOnlyList<string> KnownActions { get; } =
        [.. typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(AuditActions.Label, StringComparer.Ordinal)];

    public string Label(string action) => AuditActions.Label(action);

    /// <summary>Times in the clinic's time zone, as staff read their day.</summary>
    public string ClinicTime(DateTime utc) => clock.Format(utc, "yyyy-MM-dd HH:mm:ss");

    public string ZoneName => clock.Zone.Id;

    public async Task OnGetAsync(string? action, int? patient, string? user, CancellationToken cancellationToken)
    {
        Action = KnownActions.Contains(action) ? action : null;
        PatientId = patient is > 0 ? patient : null;
        UserFilter = string.IsNullOrWhiteSpace(user) ? null : user.Trim();

        var query = db.AuditEntries.AsQueryable();
        if (Action is not null)
        {
            query = query.Where(e => e.Action == Action);
        }

        if (PatientId is not null)
        {
            query = query.Where(e => e.PatientId == PatientId);
        }

        if (UserFilter is not null)
        {
            var term = UserFilter.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(...) and strpos/instr; never runs in .NET.
            var ids = db.Users.Where(u => u.DisplayName.ToLower().Contains(term) || u.UserName!.ToLower().Contains(term)).Select(u => u.Id);
#pragma warning restore CA1304, CA1311, CA1862
            query = query.Where(e => ids.Contains(e.ActorUserId!) || ids.Contains(e.TargetUserId!));
        }

        Entries = await query
            .OrderByDescending(e => e.Id)
            .Take(Limit)
            .Select(e => new Row(
                e.TimestampUtc,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.Action,
                e.PatientId,
                db.Patients.Where(p => p.Id == e.PatientId).Select(p => p.User.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.TargetUserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.Detail,
                e.ClientAddress))
            .ToListAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.AuditViewed);
    }

    public sealed record Row(DateTime TimestampUtc, string? Actor, string Action, int? PatientId, string? PatientName, string? Target, string? Detail, string? ClientAddress);
}
