using System.Security.Claims;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>Claims read at sign-in so pages need no extra query: display name, demo flag and the patient id.</summary>
public sealed class ClinicClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    BreakawayDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayName = "breakaway:name";
    public const string Demo = "breakaway:demo";
    public const string PatientId = "breakaway:patient";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.IsDemo)
        {
            identity.AddClaim(new Claim(Demo, "true"));
        }

        var patientId = await db.Patients.Where(p => p.UserId == user.Id).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (patientId is { } id)
        {
            identity.AddClaim(new Claim(PatientId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClinicClaimsFactory.DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static int? PatientId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClinicClaimsFactory.PatientId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Therapist);
}
