using Breakaway.Tests.Support;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Demo accounts on a server that is not a developer's machine: no built-in password, and no way round the staff
/// second factor. Development keeps its two-command set-up (its settings file carries the demo password).
/// </summary>
public sealed class DemoAccountTests
{
    private static async Task<string> PathAfterSignInAsync(BreakawayFactory site, string login)
    {
        var response = await site.CreateClient().SignInAsync(login, BreakawayFactory.DemoPassword);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    [Fact]
    public async Task Production_DemoStaff_NeedMfa()
    {
        await using var site = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "true");
        var admin = site.CreateClient();

        var landed = await admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);
        var audit = await admin.GetAsync("/admin/audit", TestContext.Current.CancellationToken);

        Assert.Equal("/account/authenticator", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/authenticator", audit.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/authenticator", await PathAfterSignInAsync(site, "therapist@demo.test"));
    }

    [Fact]
    public async Task Production_DemoPatient_DoesNotNeedMfa()
    {
        await using var site = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "true");

        Assert.Equal("/my", await PathAfterSignInAsync(site, "patient@demo.test"));
    }

    [Fact]
    public async Task Development_DemoStaff_AreExempt()
    {
        await using var site = new BreakawayFactory { Environment = "Development" }.WithDemo().With("Security:RequireStaffMfa", "true");

        Assert.Equal("/admin", await PathAfterSignInAsync(site, "admin@demo.test"));
    }

    [Fact]
    public async Task Production_DemoWithoutPassword_RefusesToStart()
    {
        await using var site = new BreakawayFactory().With("Demo:Enabled", "true");

        var error = Record.Exception(() => site.Services);

        Assert.NotNull(error);
        Assert.Contains("Demo:Password must be set when Demo:Enabled is true", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutDemo_NeedsNoDemoPassword()
    {
        await using var site = new BreakawayFactory();

        var health = await site.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Development_DemoPassword_ComesFromTheDevelopmentSettings()
    {
        // What `dotnet run` does: Development settings turn the demo on and carry its password.
        await using var site = new BreakawayFactory { Environment = "Development" };

        Assert.Equal("/my", await PathAfterSignInAsync(site, "patient@demo.test"));
    }
}
