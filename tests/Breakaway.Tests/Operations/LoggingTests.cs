using System.Text.Json;
using Breakaway.Testing;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Operations;

/// <summary>The built app in Production, as its own process: the console carries one JSON object per line, with trace ids, and no query strings.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Production_LogsJsonLines_WithTraceIds_AndNoQueryStrings()
    {
        await using var database = TestDatabase.Create();
        using var process = AppCommand.Start(database, ["--urls", "http://127.0.0.1:0"]);
        var lines = new List<string>();
        try
        {
            // "Now listening on" names the port the site took.
            string? address = null;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(TimeSpan.FromMinutes(2));
            while (address is null && await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                lines.Add(line);
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("address", out var value))
                {
                    address = value.GetString();
                }
            }

            Assert.NotNull(address);
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            (await client.GetAsync("/tips?q=pelvic-secret-words", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

            while (!lines.Any(l => l.Contains("\"RequestPath\":\"/tips\"", StringComparison.Ordinal)) && await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                lines.Add(line);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.All(lines, line => JsonDocument.Parse(line).Dispose()); // Every line is one JSON object.
        var request = JsonDocument.Parse(lines.Single(l => l.Contains("\"RequestPath\":\"/tips\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", request.GetProperty("@tr").GetString());
        Assert.Matches("^[0-9a-f]{16}$", request.GetProperty("@sp").GetString());
        Assert.DoesNotContain(lines, l => l.Contains("pelvic-secret-words", StringComparison.Ordinal));
    }
}
