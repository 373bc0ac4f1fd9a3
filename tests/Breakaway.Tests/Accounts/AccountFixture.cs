using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Accounts;

public static class AccountHelpers
{
    public const string Password = "correct horse battery";

    /// <summary>Creates an account straight through Identity (what the invitation flow ends with).</summary>
    public static async Task<AppUser> CreateUserAsync(this BreakawayFactory factory, string userName, string role, string password = Password, bool patient = false, bool patientRecord = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, Email = userName.Contains('@', StringComparison.Ordinal) ? userName : null, DisplayName = "Test " + userName.Split('@')[0] };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if ((patient || role == Roles.Patient) && patientRecord)
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            db.Patients.Add(new Patient { UserId = user.Id });
            await db.SaveChangesAsync();
        }

        return user;
    }

    public static async Task<List<AuditEntry>> AuditAsync(this BreakawayFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Breakaway.Web.Infrastructure.Security.AuditWriter>().FlushAsync(); // Views are audited through a queue.
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<int> PatientIdAsync(this BreakawayFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Patients.Where(p => p.User.UserName == userName).Select(p => p.Id).SingleAsync();
    }
}

public static class AuditHelpers
{
    public static async Task<List<string>> AuditAsyncActions(this BreakawayFactory factory) =>
        [.. (await factory.AuditAsync()).Select(e => e.Action)];
}
