using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.Infrastructure.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Admins and therapists must use an authenticator app in Production. Demo accounts are exempt.</summary>
    public bool RequireStaffMfa { get; set; } = true;

    /// <summary>Days an invitation or password link stays valid.</summary>
    [Range(1, 90)]
    public int InvitationDays { get; set; } = 14;

    /// <summary>Sign-in attempts allowed per client IP address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInPermitsPerMinute { get; set; } = 10;

    [Range(1, 240)]
    public int StaffIdleMinutes { get; set; } = 20;

    [Range(1, 48)]
    public int StaffAbsoluteHours { get; set; } = 12;

    [Range(1, 240)]
    public int PatientIdleMinutes { get; set; } = 30;

    /// <summary>How long "keep me signed in on this device" lasts for patients.</summary>
    [Range(1, 90)]
    public int PatientRememberDays { get; set; } = 30;
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds demo accounts (and, later, programs and history). Off unless set; honoured in every environment.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many extra demo patients with 60 days of history to seed (0-20).</summary>
    [Range(0, 20)]
    public int HistoryPatients { get; set; } = 20;

    /// <summary>Password of every demo account.</summary>
    [Required, MinLength(12)]
    public string Password { get; set; } = "breakaway-demo-2026";
}
