using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Messages;

/// <summary>
/// The patient page's block for outcome measures and messages: each measure's baseline, latest and change against the
/// MCID, unread messages, and the patient's recent session notes with a "Reply" link.
/// </summary>
public sealed class PatientExtrasViewComponent(BreakawayDbContext db, MeasureService measures, ClinicClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int patientId)
    {
        var since = clock.Today().AddDays(-28);
        var trends = await measures.TrendsAsync(patientId);
        var plans = await db.MeasurePlans.CountAsync(p => p.PatientId == patientId && p.StoppedUtc == null);
        var unread = await db.PatientMessages.CountAsync(m => m.PatientId == patientId && m.FromPatient && m.ReadUtc == null);
        var notes = await (from n in db.SessionNotes
                           join s in db.SessionLogs on n.SessionLogId equals s.Id
                           where s.PatientId == patientId && s.Date >= since
                           select new { n.SessionLogId, s.Date, n.Text })
            .Concat(db.ExerciseLogs.Where(e => e.SessionLog.PatientId == patientId && e.SessionLog.Date >= since && e.Note != null)
                .Select(e => new { e.SessionLogId, e.SessionLog.Date, Text = e.Note! }))
            .ToListAsync();
        return View(new Extras(patientId, trends, plans, unread,
            [.. notes.GroupBy(n => (n.SessionLogId, n.Date)).OrderByDescending(g => g.Key.Date).ThenByDescending(g => g.Key.SessionLogId).Take(5)
                .Select(g => new SessionNoteRow(g.Key.SessionLogId, g.Key.Date, string.Join(" / ", g.Select(n => n.Text))))]));
    }

    public sealed record SessionNoteRow(long SessionLogId, DateOnly Date, string Text);

    public sealed record Extras(int PatientId, IReadOnlyList<MeasureTrend> Trends, int RunningPlans, int UnreadMessages, IReadOnlyList<SessionNoteRow> Notes);
}
