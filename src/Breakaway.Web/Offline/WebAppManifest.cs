using Breakaway.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Offline;

/// <summary>
/// The web app manifest (what a phone needs to add the site to its home screen), built from the clinic's settings
/// so a clinic's own name shows under the icon. The icons and the service worker are static files in wwwroot.
/// </summary>
public static class WebAppManifest
{
    public const string Path = "/manifest.webmanifest";

    /// <summary>The colour of the header; the phone uses it for its status bar and the splash screen.</summary>
    public const string ThemeColour = "#1d4e5f";

    public static IEndpointRouteBuilder MapWebAppManifest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (IOptions<ClinicOptions> clinic) => Results.Json(Describe(clinic.Value), contentType: "application/manifest+json"))
            .CacheOutput(PublicPageCache.PolicyName);
        return endpoints;
    }

    public static object Describe(ClinicOptions clinic) => new
    {
        id = "/my",
        name = clinic.Name,
        short_name = ShortName(clinic.Name),
        description = "Your home exercise program from " + clinic.Name + ": today's exercises, your log and your progress.",
        start_url = "/my",
        scope = "/",
        display = "standalone",
        orientation = "portrait",
        background_color = "#ffffff",
        theme_color = ThemeColour,
        icons = new object[]
        {
            new { src = "/icons/icon-192.png", sizes = "192x192", type = "image/png", purpose = "any" },
            new { src = "/icons/icon-512.png", sizes = "512x512", type = "image/png", purpose = "any" },
            new { src = "/icons/maskable-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
        },
    };

    /// <summary>The name under the icon: phones cut anything much longer than 12 characters.</summary>
    public static string ShortName(string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
        return first.Length <= 12 ? first : first[..12];
    }
}
