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
