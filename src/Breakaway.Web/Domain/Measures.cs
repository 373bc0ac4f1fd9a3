namespace Breakaway.Web.Domain;

/// <summary>
/// When a patient answers one outcome measure: at the start, every N weeks, at discharge, or any mix. Belongs to a
/// patient, or to a program template (<see cref="TemplateId"/>), whose plans are copied to every program started from it.
/// </summary>
public sealed class MeasurePlan
{
    public int Id { get; set; }

    public int? PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>A template program that carries this plan; null for a patient's own plan.</summary>
    public int? TemplateId { get; set; }

    /// <summary>The measure's file name under <c>content/measures/</c>, such as <c>psfs</c>.</summary>
    public required string MeasureSlug { get; set; }

    public bool AtStart { get; set; }

    /// <summary>Repeat every this many weeks after the start; null for no repeats.</summary>
    public int? EveryWeeks { get; set; }

    public bool AtDischarge { get; set; }

    /// <summary>The first day (a template's plans take the day the program is started).</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The planned discharge day, asked for when <see cref="AtDischarge"/>; repeats stop after it.</summary>
    public DateOnly? DischargeDate { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    /// <summary>Set when the therapist stops the plan; its answers stay.</summary>
    public DateTime? StoppedUtc { get; set; }
}

/// <summary>
/// One round of answers to a measure, for one due day of its plan. Saved after every answer, so a patient can stop and
/// come back; <see cref="CompletedUtc"/> and <see cref="Score"/> are set with the last answer.
/// </summary>
public sealed class MeasureResponse
{
    public long Id { get; set; }

    public int PatientId { get; set; }

    public int PlanId { get; set; }

    public MeasurePlan Plan { get; set; } = null!;

    public required string MeasureSlug { get; set; }

    /// <summary>The occasion's day (start, a repeat, or discharge); one response per plan and day.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>The activities the patient named (PSFS), in their words; copied from the first response afterwards.</summary>
    public List<string> Activities { get; set; } = [];

    /// <summary>Answers so far, in question order.</summary>
    public List<int> Answers { get; set; } = [];

    public DateTime StartedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    public double? Score { get; set; }
}
