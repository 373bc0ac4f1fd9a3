using Breakaway.Tests.Support;

namespace Breakaway.Tests.Operations;

/// <summary>Operations settings that are wrong stop the site at start-up with a message naming the key.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider must be Sqlite or Postgres, not 'Oracle'.")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "banana", "ForwardedHeaders:KnownNetworks must be networks in CIDR form")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "ForwardedHeaders:KnownProxies must be IP addresses")]
    public async Task AWrongValue_StopsStartUp_WithAMessageNamingTheKey(string key, string value, string message)
    {
        await using var site = new BreakawayFactory().With(key, value);

        var error = Record.Exception(() => site.Services);

        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_SaysWhatToSet()
    {
        await using var site = new BreakawayFactory().With("Database:Provider", "Postgres").With("ConnectionStrings:Breakaway", "");

        var error = Record.Exception(() => site.Services);

        Assert.Contains("ConnectionStrings:Breakaway must be set when Database:Provider is Postgres", error?.ToString(), StringComparison.Ordinal);
    }
}
