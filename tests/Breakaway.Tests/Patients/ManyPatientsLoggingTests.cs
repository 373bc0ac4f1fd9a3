using Breakaway.Tests.Accounts;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Data.Seed;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Breakaway.Web.HomePrograms;

namespace Breakaway.Tests.Patients;

/// <summary>200 patients press "Save" at the same moment, through the real form: no errors, nothing lost.</summary>
public sealed class ManyPatientsLoggingTests
{
    [Fact]
    public async Task TwoHundredPatients_LogAtOnce_AllSessionsStored()
    {
        // The factory's low password-hashing cost keeps 200 sign-ins quick.
        await using var fast = new BreakawayFactory();
        var patients = new List<string>();
        int template;
        await using (var scope = fast.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
            template = await db.Programs.Where(p => p.Title == ProgramSeeder.GluteTemplateTitle).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        // A scope (so a context) per patient, as each request has: one context tracking all 200 made every save slower.
        for (var i = 0; i < 200; i++)
        {
            await using var scope = fast.Services.CreateAsyncScope();
            var programs = scope.ServiceProvider.GetRequiredService<ProgramService>();
            var name = $"crowd{i:000}";
            var user = await CreateAsync(scope.ServiceProvider, name);
            var program = await programs.CreateAsync(user, "Crowd program", null, template, Guid.NewGuid(), null);
            await programs.PublishAsync(program.Id, null);
            patients.Add(name);
        }

        var ready = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page)>();
        foreach (var chunk in patients.Chunk(20))
        {
            ready.AddRange(await Task.WhenAll(chunk.Select(async name =>
            {
                var client = fast.CreateClient();
                await client.SignInAsync(name, AccountHelpers.Password);
                return (client, await client.GetDocumentAsync("/my"));
            })));
        }

        var answers = Enumerable.Range(0, 5).ToDictionary(i => $"Input.Exercises[{i}].Pain", _ => "1");
        var responses = await Task.WhenAll(ready.Select(r => r.Client.SubmitAsync(r.Page, answers, "form.session-form", "/my")));

        Assert.All(responses, r => Assert.Matches(@"^/my/sessions/\d+$", r.RequestMessage!.RequestUri!.AbsolutePath));
        await using var check = fast.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        Assert.Equal(200, await stored.SessionLogs.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1000, await stored.ExerciseLogs.CountAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string name)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, DisplayName = "Crowd " + name };
        Assert.True((await users.CreateAsync(user, AccountHelpers.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Patient);
        var db = services.GetRequiredService<BreakawayDbContext>();
        var patient = new Patient { UserId = user.Id };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
