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

    public static async Task<Result> RunAsync(TestDatabase database, IEnumerable<string> arguments, string? input = null)
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
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
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
