using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>A patient's outcome measures: results against the MCID, the plans, and a form to schedule one.</summary>
public sealed class MeasuresModel(BreakawayDbContext db, MeasureCatalog catalog, MeasureService measures, ClinicClock clock, AuditLog audit) : PageModel
{
    public int PatientId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public IReadOnlyList<MeasureTrend> Trends { get; private set; } = [];
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];
    public IReadOnlyList<MeasureDefinition> Available => catalog.All;
    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new PlanInput { StartDate = Today, EveryWeeks = 2, AtStart = true };
        await audit.ViewedAsync(AuditActions.MeasuresViewed, id);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var measure = catalog.Find(Input.MeasureSlug);
        if (measure is null)
        {
            ModelState.AddModelError("Input.MeasureSlug", "Choose a measure from the list.");
        }

        if (!Input.AtStart && !Input.Repeat && !Input.AtDischarge)
        {
            ModelState.AddModelError("Input.AtStart", "Choose at least one of: at the start, every few weeks, at discharge.");
        }

        if (Input.Repeat && Input.EveryWeeks is not (>= 1 and <= 52))
        {
            ModelState.AddModelError("Input.EveryWeeks", "Enter how many weeks between answers, from 1 to 52.");
        }

        if (Input.AtDischarge && Input.DischargeDate is null)
        {
            ModelState.AddModelError("Input.DischargeDate", "Enter the planned discharge date, or untick \"At discharge\".");
        }
        else if (Input.DischargeDate is { } discharge && Input.StartDate is { } begin && discharge < begin)
        {
            ModelState.AddModelError("Input.DischargeDate", "The discharge date must be on or after the start date.");
        }

        if (Input.StartDate is null)
        {
            ModelState.AddModelError("Input.StartDate", "Enter the first day.");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        // One running plan per measure: a new schedule replaces the old one (its answers stay, and count together).
        var now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MeasurePlans.Where(p => p.PatientId == id && p.MeasureSlug == measure!.Slug && p.StoppedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StoppedUtc, now), cancellationToken);
        db.MeasurePlans.Add(new MeasurePlan
        {
            PatientId = id,
            MeasureSlug = measure!.Slug,
            AtStart = Input.AtStart,
            EveryWeeks = Input.Repeat ? Input.EveryWeeks : null,
            AtDischarge = Input.AtDischarge,
            StartDate = Input.StartDate!.Value,
            DischargeDate = Input.DischargeDate,
            CreatedUtc = now,
            CreatedByUserId = User.UserId(),
        });
        audit.Add(AuditActions.MeasurePlanned, id, detail: measure.Slug);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Message = $"{measure.Name} scheduled.";
        return RedirectToPage(null, null, new { id }, "plans");
    }

    public async Task<IActionResult> OnPostStopAsync(int id, int planId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stopped = await db.MeasurePlans.Where(p => p.Id == planId && p.PatientId == id && p.StoppedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StoppedUtc, now), cancellationToken);
        if (stopped == 0)
        {
            return NotFound();
        }

        audit.Add(AuditActions.MeasurePlanStopped, id, detail: $"plan {planId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Message = "Schedule stopped. The answers stay.";
        return RedirectToPage(null, null, new { id }, "plans");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.Patients.Where(p => p.Id == id).Select(p => p.User.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        PatientId = id;
        Name = name;
        Today = clock.Today();
        Trends = await measures.TrendsAsync(id, cancellationToken);
        var plans = await db.MeasurePlans.Where(p => p.PatientId == id && p.StoppedUtc == null).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var completed = (await db.MeasureResponses.Where(r => r.PatientId == id && r.CompletedUtc != null).Select(r => new { r.PlanId, r.DueDate }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PlanId, r => r.DueDate);
        Plans = [.. plans.Select(p =>
        {
            var times = PlanTimes.Of(p);
            var due = times.Due(Today, completed[p.Id].ToHashSet());
            return new PlanRow(p.Id, catalog.Find(p.MeasureSlug)?.Name ?? $"{p.MeasureSlug} (no longer defined)", times.Describe(), due, times.Next(Today));
        })];
        return true;
    }

    public sealed record PlanRow(int Id, string Measure, string When, DateOnly? DueSince, DateOnly? Next);

    public sealed class PlanInput
    {
        public string? MeasureSlug { get; set; }
        public bool AtStart { get; set; }
        public bool Repeat { get; set; }
        public int? EveryWeeks { get; set; }
        public bool AtDischarge { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? DischargeDate { get; set; }
    }
}
