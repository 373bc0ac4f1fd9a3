using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin;

/// <summary>
/// Admins browse the audit log, newest first, filtered by action, patient or account, a page at a time. Pages are
/// keyset pages ("older than entry N"): each reads at most <see cref="Limit"/> rows along an index whose last column
/// is the id (see AuditEntryConfiguration), so a page costs the same at a million rows as at a hundred.
/// </summary>
public sealed class AuditModel(BreakawayDbContext db, AuditLog audit, ClinicClock clock) : PageModel
{
    public int Limit => 100;
    public string? Action { get; private set; }
    public int? PatientId { get; private set; }
    public string? UserFilter { get; private set; }
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    /// <summary>The id to pass as <c>before</c> for the next, older page; null on the last page.</summary>
    public long? OlderThan { get; private set; }

    /// <summary>True when this is not the newest page (a link back to the newest is shown).</summary>
    public bool Paged { get; private set; }

    public IReadOnlyList<string> KnownActions { get; } =
        [.. typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(AuditActions.Label, StringComparer.Ordinal)];

    public string Label(string action) => AuditActions.Label(action);

    /// <summary>Times in the clinic's time zone, as staff read their day.</summary>
    public string ClinicTime(DateTime utc) => clock.Format(utc, "yyyy-MM-dd HH:mm:ss");

    public string ZoneName => clock.Zone.Id;

    public async Task OnGetAsync(string? action, int? patient, string? user, long? before, CancellationToken cancellationToken)
    {
        Action = KnownActions.Contains(action) ? action : null;
        PatientId = patient is > 0 ? patient : null;
        UserFilter = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        Paged = before is > 0;

        var query = db.AuditEntries.AsQueryable();
        if (before is > 0)
        {
            query = query.Where(e => e.Id < before);
        }

        if (Action is not null)
        {
            query = query.Where(e => e.Action == Action);
        }

        if (PatientId is not null)
        {
            query = query.Where(e => e.PatientId == PatientId);
        }

        List<long> ids;
        if (UserFilter is not null)
        {
            // The accounts first (a few hundred rows at most), then the entries they made and the entries about them as
            // two index walks, each newest first and at most a page long, merged here. One query with "actor in (...) or
            // target in (...)" would collect every entry of the account before sorting: a full year of a therapist's
            // views at a large clinic.
            var term = UserFilter.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(...) and strpos/instr; never runs in .NET.
            var accounts = await db.Users.Where(u => u.DisplayName.ToLower().Contains(term) || u.UserName!.ToLower().Contains(term))
                .Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
            ids = [];
            if (accounts.Count <= 50)
            {
                foreach (var account in accounts)
                {
                    ids.AddRange(await query.Where(e => e.ActorUserId == account).OrderByDescending(e => e.Id).Select(e => e.Id).Take(Limit + 1).ToListAsync(cancellationToken));
                    ids.AddRange(await query.Where(e => e.TargetUserId == account).OrderByDescending(e => e.Id).Select(e => e.Id).Take(Limit + 1).ToListAsync(cancellationToken));
                }

                ids = [.. ids.Distinct().OrderDescending().Take(Limit + 1)];
            }
            else
            {
                // A term that many accounts share ("a"): their entries are most of the log, so walking the log itself newest
                // first finds a page at once. The COALESCE keeps the database from collecting every match through the
                // account indexes and sorting them (SQLite's OR-by-union plan, measured at 540 ms on a million rows).
                ids = await query.Where(e => accounts.Contains(e.ActorUserId ?? "") || accounts.Contains(e.TargetUserId ?? ""))
                    .OrderByDescending(e => e.Id).Select(e => e.Id).Take(Limit + 1).ToListAsync(cancellationToken);
            }
        }
        else
        {
            ids = await query.OrderByDescending(e => e.Id).Select(e => e.Id).Take(Limit + 1).ToListAsync(cancellationToken);
        }

        // One row more than a page says whether there is an older page.
        var page = ids.Take(Limit).ToList();
        OlderThan = ids.Count > Limit ? page[^1] : null;
        Entries = await db.AuditEntries
            .Where(e => page.Contains(e.Id))
            .OrderByDescending(e => e.Id)
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
        await audit.ViewedAsync(AuditActions.AuditViewed);
    }

    public sealed record Row(DateTime TimestampUtc, string? Actor, string Action, int? PatientId, string? PatientName, string? Target, string? Detail, string? ClientAddress);
}
