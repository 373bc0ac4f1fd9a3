using Microsoft.AspNetCore.Identity;

namespace Breakaway.Web.Domain;

/// <summary>A person who can sign in: clinic staff (Admin, Therapist) or a patient.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when an admin disables the account; a disabled account cannot sign in and its sessions end.</summary>
    public DateTime? DisabledUtc { get; set; }

    /// <summary>Demo accounts (Demo:Enabled). In Development they skip the staff MFA requirement; elsewhere they do not.</summary>
    public bool IsDemo { get; set; }

    /// <summary>
    /// The RFC 6238 time step (Unix seconds / 30) of the last authenticator code accepted; a code for this step or
    /// an earlier one is refused, so each code works once. Written only by an atomic UPDATE, never by Identity.
    /// </summary>
    public long? TotpLastStep { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Therapist = "Therapist";
    public const string Patient = "Patient";

    public static readonly string[] All = [Admin, Therapist, Patient];
}

/// <summary>A patient of the clinic. The record exists before the patient has chosen a password.</summary>
public sealed class Patient
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Optional, so staff can call about a red flag. Loosely checked: digits, spaces and + ( ) - .</summary>
    public string? Phone { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    /// <summary>The staff member who looks after the patient: the dashboard shows a therapist their own patients first.</summary>
    public string? PrimaryTherapistUserId { get; set; }

    public AppUser? PrimaryTherapist { get; set; }

    /// <summary>SHA-256 of the secret in the patient's calendar-feed link; null when they have none (or revoked it).</summary>
    public string? CalendarTokenHash { get; set; }

    /// <summary>E-mail reminders on due days (chosen by the patient on /my/reminders; off by default).</summary>
    public bool RemindersOn { get; set; }

    /// <summary>The weekdays the patient wants a reminder on; a reminder still needs the program to be due that day.</summary>
    public WeekDays ReminderDays { get; set; } = WeekDays.Every;

    /// <summary>Local time of the reminder, and of the calendar feed's timed events; null when never chosen.</summary>
    public TimeOnly? ReminderTime { get; set; }

    /// <summary>IANA zone of <see cref="ReminderTime"/>; null means the clinic's.</summary>
    public string? ReminderTimeZone { get; set; }

    /// <summary>The patient's local day of the last reminder: at most one a day, claimed by a conditional UPDATE.</summary>
    public DateOnly? LastReminderDay { get; set; }
}

/// <summary>
/// A one-time link that lets a person choose a password: a new patient's first sign-in, or a reset.
/// Only a SHA-256 hash of the token is stored; issuing a new one revokes the old.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? UsedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    public bool IsUsable(DateTime nowUtc) => UsedUtc is null && RevokedUtc is null && nowUtc < ExpiresUtc;
}

/// <summary>
/// One row per security-relevant event and per staff read or change of a patient's data: who, when, what,
/// which patient. Never the health data itself. Rows are only ever added (see the DbContext).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime TimestampUtc { get; set; }

    /// <summary>The signed-in user who acted; null for anonymous events such as a failed sign-in.</summary>
    public string? ActorUserId { get; set; }

    public required string Action { get; set; }

    public int? PatientId { get; set; }

    /// <summary>The account acted upon, for account events (create, disable, role change).</summary>
    public string? TargetUserId { get; set; }

    /// <summary>A short, non-clinical detail such as a role name or a page.</summary>
    public string? Detail { get; set; }

    /// <summary>The client's IP address as the app saw it (after trusted forwarded headers).</summary>
    public string? ClientAddress { get; set; }
}
