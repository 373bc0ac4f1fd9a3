namespace Breakaway.Tests.Support;

/// <summary>
/// One running site with the default test settings, shared by every test of a class that only reads
/// (<c>IClassFixture&lt;SharedSite&gt;</c>). A test that writes, or moves the clock, starts its own factory.
/// </summary>
public sealed class SharedSite : IAsyncLifetime
{
    public BreakawayFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>
/// One running site with the demo accounts (staff without MFA), shared by a class whose tests only read or add rows
/// of their own. Tests that lock, disable or sign out a demo account must start their own factory.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public BreakawayFactory Factory { get; } = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");

    public ValueTask InitializeAsync()
    {
        _ = Factory.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
