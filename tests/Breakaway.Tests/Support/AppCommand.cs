using System.Diagnostics;
using Breakaway.Testing;

namespace Breakaway.Tests.Support;

/// <summary>Runs the built app (<c>dotnet Breakaway.Web.dll &lt;verb&gt; ...</c>) as its own process against a test database.</summary>
public static class AppCommand
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>Starts the app's process with the database's settings and the repo's articles, in Production; output redirected.</summary>
    public static Process Start(TestDatabase database, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Breakaway.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in database.Settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add("--Articles:Path=" + RepoPaths.Content);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_TieredPGO"] = "0"; // Short-lived, like the suite's own hosts (see tests/Directory.Build.props).
        HostCount.ProcessStarted();
        return Process.Start(start)!;
    }

    public static async Task<Result> RunAsync(TestDatabase database, IReadOnlyList<string> arguments, string? input = null)
    {
        using var process = Start(database, [.. arguments, "--Serilog:MinimumLevel:Default=Warning"]);
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        // A command that should exit but keeps running (say, a site that failed to refuse) fails the test instead of hanging it.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', arguments)}' did not exit within two minutes.");
        }

        return new(process.ExitCode, await output, await errors);
    }
}
