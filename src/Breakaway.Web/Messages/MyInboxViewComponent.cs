using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Messages;

/// <summary>
/// The block at the top of <c>/my</c>: new messages from the clinic first, then questionnaires waiting today. One SQL
/// command (unread messages and running plans with their rounds together), so <c>/my</c> stays cheap.
/// </summary>
public sealed class MyInboxViewComponent(BreakawayDbContext db, MeasureCatalog catalog, ClinicClock clock) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync(int patientId)
    {
        var today = clock.Today();
        var data = await db.Patients.Where(p => p.Id == patientId).Select(p => new
        {
            Unread = db.PatientMessages.Where(m => m.PatientId == p.Id && !m.FromPatient && m.ReadUtc == null).OrderByDescending(m => m.Id)
                .Select(m => new InboxMessage(m.Id, db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "The clinic", m.Text, m.SentUtc)).ToList(),
            Plans = db.MeasurePlans.Where(m => m.PatientId == p.Id && m.StoppedUtc == null && m.StartDate <= today).OrderBy(m => m.Id).Select(m => new
            {
                m.Id, m.MeasureSlug, m.StartDate, m.AtStart, m.EveryWeeks, m.AtDischarge, m.DischargeDate,
                Rounds = db.MeasureResponses.Where(r => r.PlanId == m.Id).Select(r => new { r.DueDate, Done = r.CompletedUtc != null }).ToList(),
            }).ToList(),
        }).AsSingleQuery().FirstOrDefaultAsync();
        if (data is null)
        {
            return Content(string.Empty);
        }

        var due = new List<InboxMeasure>();
        foreach (var plan in data.Plans)
        {
            var times = new PlanTimes(plan.StartDate, plan.AtStart, plan.EveryWeeks, plan.AtDischarge, plan.DischargeDate);
            if (catalog.Find(plan.MeasureSlug) is { } measure && times.Due(today, plan.Rounds.Where(r => r.Done).Select(r => r.DueDate).ToHashSet()) is { } day)
            {
                due.Add(new InboxMeasure(plan.Id, measure.ShortName, measure.Summary, plan.Rounds.Any(r => r.DueDate == day)));
            }
        }

        return View(new Inbox(data.Unread.Count, [.. data.Unread.Take(Shown)], due, clock));
    }

    public sealed record InboxMessage(long Id, string Author, string Text, DateTime SentUtc);

    public sealed record InboxMeasure(int PlanId, string Name, string Summary, bool Started);

    public sealed record Inbox(int UnreadCount, IReadOnlyList<InboxMessage> Unread, IReadOnlyList<InboxMeasure> Due, ClinicClock Clock);
}
