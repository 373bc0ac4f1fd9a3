using Breakaway.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>
/// The real app on a free loopback port (Kestrel, Production settings, the repo's content) and one
/// headless Debian Chromium shared by every browser test.
/// </summary>
public class AppServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Factory _factory;

    public AppServer()
        : this(null)
    {
    }

    /// <summary>A server of its own whose clock the test moves (see <see cref="ClockedAppServer"/>); the shared one keeps the real clock.</summary>
    protected AppServer(Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock)
    {
        Clock = clock;
        _factory = new Factory(clock);
    }

    /// <summary>Null on the shared server: its outbox and reminders run on real timers.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; }
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The app's services, for arranging what a journey needs that no page of the journey does.</summary>
    public IServiceProvider Services => _factory.Services;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public static string HtmlFolder { get; } = Path.Combine(RepoRoot(), "artifacts", "html");

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Directory.CreateDirectory(HtmlFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The last two cut Chromium's CPU time in the suite by a sixth (246 to 206 CPU-seconds, 210 to 158 processes):
            // no spare renderer kept started for the next navigation (most were never used: each test opens new
            // contexts), and compositing in the browser process rather than a GPU process of its own.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-features=SpareRendererForSitePerProcess", "--in-process-gpu",
            ],
        });
    }

    /// <summary>
    /// A browser context on the app. Waits get 60 s instead of Playwright's 30: on the 2-core CI machine both test
    /// assemblies and the processes some tests start compete for the cores. A bound on waiting, not a speed check.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL ??= BaseUrl;
        var context = await RequireBrowser().NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Skips the test when no Chromium is installed, except on CI where a missing browser is a failure.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        var message = $"Chromium not found at {ChromiumPath}. Install it with 'sudo apt-get install -y chromium' (Debian) to run the browser tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }

    /// <summary>Reads the app's database directly, for a journey that must check what was stored (e.g. exactly once).</summary>
    public async Task<T> QueryAsync<T>(Func<Breakaway.Web.Data.BreakawayDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<Breakaway.Web.Data.BreakawayDbContext>());
    }

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
        await _factory.Database.DisposeAsync();
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Breakaway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }

    private sealed class Factory(Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock) : WebApplicationFactory<Program>
    {
        /// <summary>SQLite by default; PostgreSQL on the suite's second pass (see TestDatabase).</summary>
        public TestDatabase Database { get; } = TestDatabase.Create();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // Outside Development the build's wwwroot is only served when static web assets are switched on.
            builder.UseStaticWebAssets();
            builder.UseSetting("Articles:Path", Path.Combine(RepoRoot(), "content"));
            foreach (var (key, value) in Database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Demo:Password", "breakaway-demo-2026");
            // Demo staff need a second factor outside Development; the journeys are not about that.
            builder.UseSetting("Security:RequireStaffMfa", "false");
            // One server serves every journey from 127.0.0.1: ten sign-ins a minute (the production limit, tested in
            // Breakaway.Tests) is reached when the journeys run fast.
            builder.UseSetting("Security:SignInPermitsPerMinute", "1000");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
            // No SMTP server: e-mail goes to a folder of this run's own, and the outbox looks every second.
            builder.UseSetting("Smtp:PickupFolder", MailFolder);
            builder.UseSetting("Smtp:PollSeconds", "1");
            if (clock is not null)
            {
                builder.ConfigureServices(services =>
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton<TimeProvider>(clock);
                });
            }
        }

        public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"breakaway-browser-mail-{Guid.NewGuid():N}");
    }
}

/// <summary>An app server whose clock a journey moves (two weeks between two answers); a class fixture, not shared.</summary>
public sealed class ClockedAppServer() : AppServer(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
