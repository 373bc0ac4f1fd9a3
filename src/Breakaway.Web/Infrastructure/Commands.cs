using Breakaway.Web.Data;
using Breakaway.Web.Data.Seed;

namespace Breakaway.Web.Infrastructure;

/// <summary>Command-line verbs of the app: <c>create-admin &lt;email&gt;</c> and <c>healthcheck</c>.</summary>
public static class Commands
{
    /// <summary>
    /// Creates the first admin on a fresh install. The password comes from the environment variable
    /// <c>BREAKAWAY_ADMIN_PASSWORD</c>, or from standard input (typed at a prompt, or piped).
    /// </summary>
    public static async Task<int> CreateAdminAsync(WebApplication app, string email)
    {
        var password = Environment.GetEnvironmentVariable("BREAKAWAY_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            password = Console.IsInputRedirected ? Console.ReadLine() : ReadHidden($"Password for {email} (at least 12 characters): ");
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password given.");
            return 2;
        }

        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<AccountSeeder>().CreateAdminAsync(email.Trim(), password);
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync(error);
        }

        if (errors.Count == 0)
        {
            Console.WriteLine($"Admin account {email} created. Sign in at /account/sign-in and set up an authenticator app.");
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
