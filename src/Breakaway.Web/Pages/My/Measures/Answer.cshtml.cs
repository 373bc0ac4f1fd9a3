using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.My.Measures;

/// <summary>
/// One question per screen, answered with large buttons and no script. Every answer is saved at once, so the patient
/// can stop and come back to the same question; a double tap or a form from an older screen changes nothing.
/// </summary>
public sealed class AnswerModel(BreakawayDbContext db, MeasureService measures, MeasureCatalog catalog, ClinicClock clock, AuditLog audit) : PatientPageModel
{
    public MeasureDefinition Measure { get; private set; } = null!;
    public int PlanId { get; private set; }

    /// <summary>Null while the patient still has to name their activities (PSFS's first round).</summary>
    public int? Step { get; private set; }
    public int Steps { get; private set; }
    public string Question { get; private set; } = string.Empty;
    public bool NothingDue { get; private set; }

    /// <summary>"Back" can undo an answer, or reopen the activities named in this (the first) round.</summary>
    public bool CanGoBack { get; private set; }

    [BindProperty]
    public List<string?> Activities { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken)
    {
        var due = await FindAsync(planId, cancellationToken);
        if (due is null)
        {
            return NotFound();
        }

        await ShowAsync(due, cancellationToken);
        return Page();
    }

    /// <summary>The activities of a first PSFS round: one to five, each up to 80 characters.</summary>
    public async Task<IActionResult> OnPostActivitiesAsync(int planId, CancellationToken cancellationToken)
    {
        var due = await FindAsync(planId, cancellationToken);
        if (due is null)
        {
            return NotFound();
        }

        if (NothingDue || due.Measure.Kind != MeasureKind.Activities)
        {
            return RedirectToPage(null, new { planId });
        }

        var named = Activities.Select(a => a?.Trim()).Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).ToList();
        if (named.Count == 0)
        {
            ModelState.AddModelError("activity-0", "Write at least one activity that is hard for you, such as \"walking up stairs\".");
        }

        for (var i = 0; i < Activities.Count; i++)
        {
            if (Activities[i]?.Trim() is { Length: > 80 })
            {
                ModelState.AddModelError($"activity-{i}", "Keep each activity under 80 characters.");
            }
        }

        if (named.Count > due.Measure.MaxActivities)
        {
            ModelState.AddModelError("activity-0", $"Name at most {due.Measure.MaxActivities} activities.");
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(due, cancellationToken);
            return Page();
        }

        var response = await StartedAsync(due, cancellationToken);
        if (response.Activities.Count == 0 && response.Answers.Count == 0)
        {
            response.Activities = named;
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage(null, new { planId });
    }

    /// <summary>One answer. <paramref name="question"/> is the index the screen showed: an answer to an earlier screen is ignored.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int planId, int question, int? value, CancellationToken cancellationToken)
    {
        var due = await FindAsync(planId, cancellationToken);
        if (due is null)
        {
            return NotFound();
        }

        if (NothingDue)
        {
            return RedirectToPage("/My/Measures/Index");
        }

        if (value is not { } chosen || chosen < due.Measure.Min || chosen > due.Measure.Max)
        {
            ModelState.AddModelError("answer", "Choose one of the answers.");
            await ShowAsync(due, cancellationToken);
            return Page();
        }

        var response = await StartedAsync(due, cancellationToken);
        var questions = due.Measure.QuestionsFor(await ActivitiesAsync(due, response, cancellationToken));
        if (questions.Count == 0 || question != response.Answers.Count || response.CompletedUtc is not null)
        {
            return RedirectToPage(null, new { planId });
        }

        response.Answers = [.. response.Answers, chosen];
        if (response.Answers.Count == questions.Count)
        {
            response.CompletedUtc = clock.UtcNow();
            response.Score = due.Measure.Score(response.Answers);
            audit.Add(AuditActions.MeasureAnswered, PatientId, detail: due.Measure.Slug);
        }

        await db.SaveChangesAsync(cancellationToken);
        return response.CompletedUtc is null
            ? RedirectToPage(null, new { planId })
            : RedirectToPage("/My/Measures/Index", null, new { done = due.Measure.Slug }, "result-" + due.Measure.Slug);
    }

    /// <summary>Takes back the last answer, so "Back" works as a patient expects.</summary>
    public async Task<IActionResult> OnPostBackAsync(int planId, CancellationToken cancellationToken)
    {
        var due = await FindAsync(planId, cancellationToken);
        if (due is null)
        {
            return NotFound();
        }

        if (!NothingDue && due.Started is not null)
        {
            var response = await db.MeasureResponses.AsTracking().SingleAsync(r => r.Id == due.Started.Id, cancellationToken);
            if (response.CompletedUtc is null && response.Answers.Count > 0)
            {
                response.Answers = [.. response.Answers.Take(response.Answers.Count - 1)];
            }
            else if (response.CompletedUtc is null && response.Activities.Count > 0 && await measures.FirstActivitiesAsync(PatientId, due.Measure.Slug, cancellationToken) is null)
            {
                Activities = [.. response.Activities];
                response.Activities = [];
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage(null, new { planId });
    }

    /// <summary>The patient's own plan (404 for anyone else's or an unknown one); <see cref="NothingDue"/> when it asks nothing today.</summary>
    private async Task<DueMeasure?> FindAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.MeasurePlans.Where(p => p.Id == planId && p.PatientId == PatientId).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var due = (await measures.DueAsync(PatientId, cancellationToken)).FirstOrDefault(d => d.Plan.Id == planId);
        if (due is not null)
        {
            return due;
        }

        // Stopped, answered already, or not due yet: the page says so (a measure no longer defined is a 404).
        NothingDue = true;
        var measure = catalog.Find(plan.MeasureSlug);
        return measure is null ? null : new DueMeasure(plan, measure, clock.Today(), null);
    }

    private async Task<MeasureResponse> StartedAsync(DueMeasure due, CancellationToken cancellationToken)
    {
        var existing = await db.MeasureResponses.AsTracking().FirstOrDefaultAsync(r => r.PlanId == due.Plan.Id && r.DueDate == due.Day, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var response = new MeasureResponse
        {
            PatientId = PatientId,
            PlanId = due.Plan.Id,
            MeasureSlug = due.Measure.Slug,
            DueDate = due.Day,
            StartedUtc = clock.UtcNow(),
        };
        db.MeasureResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException)
        {
            // A second tab or a double tap made the row first: use that one.
            db.ChangeTracker.Clear();
            return await db.MeasureResponses.AsTracking().SingleAsync(r => r.PlanId == due.Plan.Id && r.DueDate == due.Day, cancellationToken);
        }
    }

    /// <summary>This round's activities, or those of the patient's first round (PSFS asks about the same ones each time).</summary>
    private async Task<IReadOnlyList<string>> ActivitiesAsync(DueMeasure due, MeasureResponse? response, CancellationToken cancellationToken)
    {
        if (due.Measure.Kind != MeasureKind.Activities)
        {
            return [];
        }

        if (response is { Activities.Count: > 0 })
        {
            return response.Activities;
        }

        return await measures.FirstActivitiesAsync(PatientId, due.Measure.Slug, cancellationToken) ?? [];
    }

    private async Task ShowAsync(DueMeasure due, CancellationToken cancellationToken)
    {
        Measure = due.Measure;
        PlanId = due.Plan.Id;
        if (NothingDue)
        {
            return;
        }

        var activities = await ActivitiesAsync(due, due.Started, cancellationToken);
        if (due.Measure.Kind == MeasureKind.Activities && activities.Count == 0)
        {
            Step = null;
            while (Activities.Count < due.Measure.MaxActivities)
            {
                Activities.Add(null);
            }

            return;
        }

        var questions = due.Measure.QuestionsFor(activities);
        Steps = questions.Count;
        Step = Math.Min(due.Started?.Answers.Count ?? 0, Steps - 1);
        CanGoBack = Step > 0 || (due.Started is { Activities.Count: > 0 } && await measures.FirstActivitiesAsync(PatientId, due.Measure.Slug, cancellationToken) is null);
        Question = questions[Step.Value];
    }
}
