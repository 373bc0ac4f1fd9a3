using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Data.Seed;

/// <summary>Roles on every start; demo accounts when <c>Demo:Enabled</c> is true. Both idempotent.</summary>
public sealed class AccountSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    BreakawayDbContext db,
    IOptions<DemoOptions> demo,
    TimeProvider clock)
{
    public static readonly (string Email, string Name, string Role)[] DemoAccounts =
    [
        ("admin@demo.test", "Demo Admin", Roles.Admin),
        ("therapist@demo.test", "Demo Therapist", Roles.Therapist),
        ("patient@demo.test", "Demo Patient", Roles.Patient),
        ("patient2@demo.test", "Other Patient", Roles.Patient),
    ];

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!demo.Value.Enabled)
        {
            return;
        }

        foreach (var (email, name, role) in DemoAccounts)
        {
            if (await users.FindByNameAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDemo = true, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user, demo.Value.Password!), email); // Required with Enabled (DemoOptions validation).
            Check(await users.AddToRoleAsync(user, role), email);
            if (role == Roles.Patient)
            {
                // The demo therapist looks after the demo patients: their dashboard opens on "My patients".
                var therapist = await users.FindByNameAsync("therapist@demo.test");
                db.Patients.Add(new Patient { UserId = user.Id, CreatedUtc = user.CreatedUtc, PrimaryTherapistUserId = therapist?.Id });
                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>Creates an Admin account (the <c>create-admin</c> command). Returns Identity's errors, if any.</summary>
    public async Task<IReadOnlyList<string>> CreateAdminAsync(string email, string password)
    {
        await SeedAsync();
        if (await users.IsEmailInUseAsync(email))
        {
            return [$"An account for {email} already exists."];
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        db.AuditEntries.Add(new AuditEntry { TimestampUtc = clock.GetUtcNow().UtcDateTime, Action = AuditActions.AccountCreated, TargetUserId = user.Id, Detail = "Admin, from the command line" });
        await db.SaveChangesAsync();
        return [];
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
