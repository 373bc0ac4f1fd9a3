using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.Infrastructure;

/// <summary>The clinic's public details, shown on every page and used in calls to action.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    [Required]
    public string Name { get; set; } = "Breakaway Physical Therapy";

    [Required]
    public string Phone { get; set; } = string.Empty;

    [Required, EmailAddress]
    public string Email { get; set; } = string.Empty;

    [Required]
    public string Address { get; set; } = string.Empty;

    /// <summary>Where red-flag alerts go when the patient's therapist has no address (or there is none on record).</summary>
    [EmailAddress(ErrorMessage = "Clinic:AlertEmail must be an e-mail address.")]
    public string? AlertEmail { get; set; }

    /// <summary>IANA time zone of the clinic; "today" for articles and patients is the clinic's today.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The phone number as a <c>tel:</c> link: digits and a leading plus only.</summary>
    public string PhoneHref => "tel:" + new string([.. Phone.Where(c => char.IsDigit(c) || c == '+')]);
}

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Public address of the site, used for canonical links, the feed and the sitemap.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often each instance checks whether another one changed the exercise library (cache eviction).</summary>
    [Range(1, 3600)]
    public int LibraryPollSeconds { get; set; } = 10;

    public string Absolute(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
