using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Breakaway.Testing;
using Breakaway.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Breakaway.Tests.Operations;

/// <summary>The built app in Production, as its own process: the console carries one JSON object per line, with trace ids, and no query strings.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Production_LogsJsonLines_WithTraceIds_AndNoQueryStrings()
    {
        var lines = await LogOfAsync([], async client =>
            (await client.GetAsync("/tips?q=pelvic-secret-words", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode());

        Assert.All(lines, line => JsonDocument.Parse(line).Dispose()); // Every line is one JSON object.
        var request = JsonDocument.Parse(lines.Single(l => l.Contains("\"RequestPath\":\"/tips\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", request.GetProperty("@tr").GetString());
        Assert.Matches("^[0-9a-f]{16}$", request.GetProperty("@sp").GetString());
        Assert.DoesNotContain(lines, l => l.Contains("pelvic-secret-words", StringComparison.Ordinal));
    }

    /// <summary>Whoever reads the console of the real process must not be able to take over an invitation or a calendar.</summary>
    [Fact]
    public async Task Get_InviteLink_LogsNoToken()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

        // The four demo accounts without the twenty patients of history, whose seeding took most of this test's 20 s.
        var lines = await LogOfAsync(["--Demo:Enabled=true", "--Demo:Password=" + BreakawayFactory.DemoPassword, "--Demo:HistoryPatients=0", "--Security:RequireStaffMfa=false"], async client =>
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/invite/{token}", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{token}.ics", TestContext.Current.CancellationToken)).StatusCode);
            var signedIn = await client.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
            Assert.Equal("/my", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        });

        Assert.Contains(lines, l => l.Contains("\"RequestPath\":\"/invite/{token}\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"RequestPath\":\"/calendar/{token}.ics\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(BreakawayFactory.DemoPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("patient@demo.test", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Starts the app's process on a free port, runs <paramref name="act"/> against it, then one last request whose log
    /// line marks the end (request lines are written in order), and returns every console line up to it.
    /// </summary>
    private static async Task<List<string>> LogOfAsync(string[] settings, Func<HttpClient, Task> act)
    {
        await using var database = TestDatabase.Create();
        using var process = AppCommand.Start(database, ["--urls", "http://127.0.0.1:0", .. settings]);
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
            await act(client);
            (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

            while (!lines.Any(l => l.Contains("\"RequestPath\":\"/health/live\"", StringComparison.Ordinal)) && await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                lines.Add(line);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        return lines;
    }
}
