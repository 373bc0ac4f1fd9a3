using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.Infrastructure.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Admins and therapists must use an authenticator app. Demo accounts are exempt in Development only.</summary>
    public bool RequireStaffMfa { get; set; } = true;

    /// <summary>Days an invitation or password link stays valid.</summary>
    [Range(1, 90)]
    public int InvitationDays { get; set; } = 14;

    /// <summary>Minutes a password link asked for by e-mail ("Forgot your password?") stays valid.</summary>
    [Range(5, 1440)]
    public int ResetLinkMinutes { get; set; } = 60;

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

    /// <summary>
    /// Password of every demo account; required when <see cref="Enabled"/> is true. There is no default in the
    /// code, so a server showing demo data does not answer to a password printed in the README.
    /// </summary>
    [MinLength(12, ErrorMessage = "Demo:Password must have at least 12 characters.")]
    public string? Password { get; set; }
}
