using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.Domain;

/// <summary>
/// A home exercise program: for one patient, or a template (no patient) that programs are started from.
/// Its content lives in versions; the patient always sees the latest published one.
/// </summary>
public sealed class HomeProgram
{
    public int Id { get; set; }

    /// <summary>Null for a template.</summary>
    public int? PatientId { get; set; }

    public Patient? Patient { get; set; }

    public bool IsTemplate { get; set; }

    public required string Title { get; set; }

    public string? Goal { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    /// <summary>A random key from the form that created the program, so a double submit creates one program.</summary>
    public Guid CreationKey { get; set; }

    /// <summary>A program that ended or was replaced; its versions and logs stay.</summary>
    public DateTime? ArchivedUtc { get; set; }

    public List<ProgramVersion> Versions { get; set; } = [];
}

/// <summary>
/// One version of a program. A draft (<see cref="PublishedUtc"/> null) is edited freely; publishing freezes
/// it, so what a patient logged against stays true after the program changes.
/// </summary>
public sealed class ProgramVersion
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public HomeProgram Program { get; set; } = null!;

    /// <summary>1, 2, 3... in publishing order; 0 while a draft.</summary>
    public int Number { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Days the exercises are due. <see cref="WeekDays.None"/> means "any days", counted by <see cref="TimesPerWeek"/>.</summary>
    public WeekDays Days { get; set; }

    /// <summary>Sessions a week when no fixed days are set.</summary>
    public int? TimesPerWeek { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? PublishedByUserId { get; set; }

    public List<ProgramExercise> Exercises { get; set; } = [];

    public bool IsDraft => PublishedUtc is null;

    public int SessionsPerWeek => Days == WeekDays.None ? TimesPerWeek ?? 0 : System.Numerics.BitOperations.PopCount((uint)Days);

    /// <summary>
    /// The first clinic day this version rules: its start date, or the day it was published if that is later
    /// (a version published on the 10th with a start date of the 3rd asks nothing of the 3rd to the 9th).
    /// </summary>
    public static DateOnly EffectiveFrom(DateOnly startDate, DateOnly publishedClinicDay) => startDate > publishedClinicDay ? startDate : publishedClinicDay;

    /// <summary>When this published version's exercises are due, from its effective day to its end date.</summary>
    public ProgramSchedule Schedule(DateOnly publishedClinicDay) => new(EffectiveFrom(StartDate, publishedClinicDay), EndDate, Days, TimesPerWeek);
}

/// <summary>
/// The one place that says whether exercises are due on a day. Fixed days: due on those weekdays. Times a week
/// (<see cref="WeekDays.None"/>): due on every active day, because the patient chooses which N days; the
/// count is kept per Monday-Sunday week by <see cref="WeeklyTarget"/>, not by marking days.
/// </summary>
public record ProgramSchedule(DateOnly From, DateOnly? To, WeekDays Days, int? TimesPerWeek)
{
    public bool IsTimesAWeek => Days == WeekDays.None;

    public bool IsActiveOn(DateOnly day) => day >= From && (To is null || day <= To);

    public bool IsDueOn(DateOnly day) =>
        IsActiveOn(day) && (IsTimesAWeek ? TimesPerWeek > 0 : Days.HasFlag(day.DayOfWeek.ToWeekDay()));

    /// <summary>The first due day on or after <paramref name="from"/>, looking two weeks ahead.</summary>
    public DateOnly? NextDueDay(DateOnly from)
    {
        for (var day = from; day <= from.AddDays(14); day = day.AddDays(1))
        {
            if (IsDueOn(day))
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>
    /// Sessions asked for in a week of which <paramref name="activeDays"/> days are under this schedule: the
    /// weekly count for a whole week, scaled down (half rounds up) for a week the program starts or ends in.
    /// Fixed days count their due days instead.
    /// </summary>
    public int WeeklyTarget(int activeDays) =>
        Math.Min(activeDays, (int)Math.Round((TimesPerWeek ?? 0) * activeDays / 7.0, MidpointRounding.AwayFromZero));
}

/// <summary>One exercise in a program version, with the dose the therapist set for this patient.</summary>
public sealed class ProgramExercise
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public ProgramVersion Version { get; set; } = null!;

    public int Order { get; set; }

    public int ExerciseId { get; set; }

    public Exercise Exercise { get; set; } = null!;

    public Dose Dose { get; set; } = new();

    /// <summary>Band colour, weight or step height, e.g. "light band" or "2 kg".</summary>
    [StringLength(100)]
    public string? Resistance { get; set; }

    /// <summary>A note from the therapist to the patient about this exercise.</summary>
    [StringLength(500)]
    public string? Note { get; set; }
}

/// <summary>A tip (article) a therapist asked a patient to read.</summary>
public sealed class AssignedReading
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public Patient Patient { get; set; } = null!;

    public required string ArticleSlug { get; set; }

    public DateTime AssignedUtc { get; set; }

    public string? AssignedByUserId { get; set; }
}

[Flags]
public enum WeekDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    MondayToSaturday = Monday | Tuesday | Wednesday | Thursday | Friday | Saturday,
    Every = MondayToSaturday | Sunday,
}

public static class WeekDaysExtensions
{
    public static readonly WeekDays[] InOrder =
        [WeekDays.Monday, WeekDays.Tuesday, WeekDays.Wednesday, WeekDays.Thursday, WeekDays.Friday, WeekDays.Saturday, WeekDays.Sunday];

    public static WeekDays ToWeekDay(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WeekDays.Monday,
        DayOfWeek.Tuesday => WeekDays.Tuesday,
        DayOfWeek.Wednesday => WeekDays.Wednesday,
        DayOfWeek.Thursday => WeekDays.Thursday,
        DayOfWeek.Friday => WeekDays.Friday,
        DayOfWeek.Saturday => WeekDays.Saturday,
        _ => WeekDays.Sunday,
    };

    /// <summary>"Every day", "Every day except Sunday", "Monday, Wednesday and Friday", or "3 times a week".</summary>
    public static string Describe(this ProgramVersion version)
    {
        var days = version.Days;
        if (days == WeekDays.None)
        {
            return version.TimesPerWeek switch
            {
                null or 0 => "No schedule set",
                1 => "Once a week, on any day",
                7 => "Every day",
                var n => $"{n} times a week, on any days",
            };
        }

        if (days == WeekDays.Every)
        {
            return "Every day";
        }

        var missing = InOrder.Where(d => !days.HasFlag(d)).ToList();
        if (missing.Count == 1)
        {
            return $"Every day except {missing[0]}";
        }

        var names = InOrder.Where(d => days.HasFlag(d)).Select(d => d.ToString()).ToList();
        return names.Count == 1 ? $"Every {names[0]}" : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
