namespace Breakaway.Web.Domain;

/// <summary>One exercise session a patient logged: against the program version that was current, on a clinic day.</summary>
public sealed class SessionLog
{
    public long Id { get; set; }

    public int PatientId { get; set; }

    public Patient Patient { get; set; } = null!;

    public int ProgramVersionId { get; set; }

    public ProgramVersion ProgramVersion { get; set; } = null!;

    /// <summary>The clinic's calendar day the session belongs to.</summary>
    public DateOnly Date { get; set; }

    public DateTime LoggedUtc { get; set; }

    public DateTime? UpdatedUtc { get; set; }

    /// <summary>From the form: a double submit of the same form stores one session.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>The "anything new?" answers.</summary>
    public RedFlagSigns Signs { get; set; }

    /// <summary>Pain during the session as a whole, 0 to 10: the one pain answer the shortened log asks for. Null on sessions logged per exercise only.</summary>
    public int? Pain { get; set; }

    /// <summary>How hard the session as a whole felt.</summary>
    public Difficulty? Difficulty { get; set; }

    /// <summary>A note about the whole session, written when logging it.</summary>
    public string? Note { get; set; }

    public List<ExerciseLog> Exercises { get; set; } = [];

    /// <summary>Notes the patient added afterwards, e.g. to correct a session they may no longer change.</summary>
    public List<SessionNote> Notes { get; set; } = [];
}

/// <summary>A note a patient adds to a session after logging it: the way to correct a session whose red flag is open.</summary>
public sealed class SessionNote
{
    public long Id { get; set; }

    public long SessionLogId { get; set; }

    public DateTime WrittenUtc { get; set; }

    public required string Text { get; set; }
}

/// <summary>What the patient did of one prescribed exercise, with the dose that was prescribed at the time.</summary>
public sealed class ExerciseLog
{
    public long Id { get; set; }

    public long SessionLogId { get; set; }

    public SessionLog SessionLog { get; set; } = null!;

    public int ProgramExerciseId { get; set; }

    public int ExerciseId { get; set; }

    /// <summary>Copied from the program version, so the log stays true whatever changes later.</summary>
    public Dose Prescribed { get; set; } = new();

    public int SetsCompleted { get; set; }

    /// <summary>Average reps per set; 0 when no sets were done.</summary>
    public int RepsPerSet { get; set; }

    /// <summary>0 (none) to 10 (worst imaginable); null when the exercise was skipped.</summary>
    public int? Pain { get; set; }

    public Difficulty? Difficulty { get; set; }

    /// <summary>The stop cue the patient hit, if any. Its wording and pain flag are copied, since cues can be reworded.</summary>
    public int? StopCueId { get; set; }

    public string? StopCueText { get; set; }

    public bool StopCueWasPain { get; set; }

    public string? Note { get; set; }
}

public enum Difficulty
{
    TooEasy,
    AboutRight,
    TooHard,
}

[Flags]
public enum RedFlagSigns
{
    None = 0,
    PainDownLeg = 1,
    NumbnessOrTingling = 2,
    BladderOrBowelChange = 4,
    PainGettingWorse = 8,
}

/// <summary>A reason for the therapist to call the patient, raised by a session. Acknowledged by staff (issue: dashboard).</summary>
public sealed class RedFlag
{
    public long Id { get; set; }

    public int PatientId { get; set; }

    public Patient Patient { get; set; } = null!;

    public long SessionLogId { get; set; }

    public SessionLog SessionLog { get; set; } = null!;

    public DateTime RaisedUtc { get; set; }

    /// <summary>Why, in short clinical words for the therapist (never shown in logs).</summary>
    public required string Reasons { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }

    public string? AcknowledgedByUserId { get; set; }

    /// <summary>What the therapist did about it; required when acknowledging.</summary>
    public FlagOutcome? Outcome { get; set; }

    /// <summary>The therapist's own words about what was done (optional, shown to staff only).</summary>
    public string? OutcomeNote { get; set; }
}

/// <summary>What staff did about a red flag when they acknowledged it.</summary>
public enum FlagOutcome
{
    CalledPatient,
    AdvisedUrgentCare,
    NoAnswerLeftMessage,
    SeenInClinic,
    Other,
}
