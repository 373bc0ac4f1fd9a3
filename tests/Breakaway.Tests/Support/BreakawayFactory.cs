using Breakaway.Testing;
using Breakaway.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Breakaway.Tests.Support;

/// <summary>
/// Hosts the real app in memory. Each factory gets its own settings; the clock is a <see cref="FakeTimeProvider"/>
/// set to noon UTC on 25 November 2026 unless a test moves it.
/// </summary>
public class BreakawayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Articles:Path"] = RepoPaths.Content,
        ["Articles:ReloadDelayMilliseconds"] = "50",
        ["Site:BaseUrl"] = "https://clinic.example",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Security:SignInPermitsPerMinute"] = "1000",
        ["Demo:HistoryPatients"] = "0",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        // The request lines are where an address (and a token in it) would show: every test's are checked (see Log).
        ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
    };

    /// <summary>Where this instance writes e-mail when no SMTP server is set (the default): a folder of its own.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"breakaway-mail-{Guid.NewGuid():N}");

    /// <summary>A factory on a database of its own, made when the host starts (see <see cref="Database"/>).</summary>
    public BreakawayFactory()
    {
        _ownsDatabase = true;
        _settings["Smtp:PickupFolder"] = MailFolder;
    }

    /// <summary>A factory on a given database: two factories on one database are two instances of the site.</summary>
    public BreakawayFactory(TestDatabase database, bool ownsDatabase = true)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings["Smtp:PickupFolder"] = MailFolder;
    }

    private readonly bool _ownsDatabase;
    private TestDatabase? _database;

    /// <summary>
    /// Each factory gets its own database on the suite's provider (a SQLite file, since WAL needs a real file, or a
    /// PostgreSQL database), migrated by the app's own start-up. A factory with the demo accounts gets a copy of a
    /// database that a site with the same demo settings and start time seeded earlier in the run (see
    /// <see cref="DemoTemplates"/>); its own start-up then finds the demo seeded, as on a site's second start.
    /// </summary>
    public TestDatabase Database => _database ??= DemoTemplateKey() is { } key
        ? DemoTemplates.GetOrAdd(key, _ => new Lazy<TestDatabase>(SeedTemplate)).Value.Copy()
        : TestDatabase.Create();

    /// <summary>
    /// Seeding the demo (four accounts, their programs and, when asked, patients with 60 days of history) cost up to
    /// ten seconds a host. The run seeds once for each combination of what the seeders read (the demo and clinic
    /// settings, the start time, the hashing cost) and copies the result.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<TestDatabase>> DemoTemplates = new();

    private string? DemoTemplateKey()
    {
        if (_settings.GetValueOrDefault("Demo:Enabled") != "true" || _settings.GetValueOrDefault("Demo:Password") != DemoPassword)
        {
            return null;
        }

        var seeded = _settings.Where(s => s.Key.StartsWith("Demo:", StringComparison.Ordinal) || s.Key.StartsWith("Clinic:", StringComparison.Ordinal))
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}");
        return string.Join(";", [Environment, Clock.GetUtcNow().ToString("O"), _productionHashing.ToString(), .. seeded]);
    }

    private TestDatabase SeedTemplate()
    {
        var template = TestDatabase.Create();
        var seeding = new BreakawayFactory(template, ownsDatabase: false) { Environment = Environment };
        foreach (var (key, value) in _settings)
        {
            seeding._settings[key] = value;
        }

        seeding._productionHashing = _productionHashing;
        seeding.Clock.SetUtcNow(Clock.GetUtcNow());
        // Off the test's synchronization context: this runs inside a property getter, so it has to block.
        Task.Run(async () =>
        {
            _ = seeding.Services;
            await seeding.DisposeAsync();
        }).GetAwaiter().GetResult();
        template.CloseForCopying();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public string Environment { get; set; } = "Production";

    /// <summary>Every event the app logged, as JSON lines; checked for secrets when the factory is disposed.</summary>
    public LogCapture Log { get; } = new();

    public const string DemoPassword = "breakaway-demo-2026";

    /// <summary>
    /// Seeds the demo accounts (admin, therapist, two patients), all with <see cref="DemoPassword"/>. Outside
    /// Development demo staff need a second factor like everyone else, so unless the test sets
    /// <c>Security:RequireStaffMfa</c> itself (before or after this call), it is turned off here.
    /// </summary>
    public BreakawayFactory WithDemo()
    {
        _settings.TryAdd("Security:RequireStaffMfa", "false");
        return With("Demo:Enabled", "true").With("Demo:Password", DemoPassword);
    }

    /// <summary>
    /// Hash passwords at the production cost. Other factories use 1,000 iterations: hashing strength is tested once
    /// (<c>SignInTests.Passwords_AreStoredWithTheProductionPbkdf2Cost</c>), and every demo account costs a hash at start.
    /// </summary>
    public BreakawayFactory WithProductionPasswordHashing()
    {
        _productionHashing = true;
        return this;
    }

    private bool _productionHashing;

    public BreakawayFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Outside Development the build's wwwroot is only served when static web assets are switched on.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Database.Settings.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
        });
        builder.ConfigureTestServices(services =>
        {
            // EF Core diffs the model against the migrations' snapshot on every start (about a twentieth of a host's
            // start-up here). The suite checks that once, for both providers (ModelSnapshotTests).
            services.ConfigureDbContext<SqliteBreakawayDbContext>(IgnorePendingModelChanges);
            services.ConfigureDbContext<PostgresBreakawayDbContext>(IgnorePendingModelChanges);
            if (!_productionHashing)
            {
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            }
        });
    }

    private static void IgnorePendingModelChanges(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        HostCount.HostStarted();
        return base.CreateHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        // Every test's log, whatever it tested: no line may hold a token or a password (issue 13).
        var suspicious = Log.Suspicious();
        if (suspicious.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The app logged {suspicious.Count} line(s) that look like a secret:\n" + string.Join("\n", suspicious.Take(5)));
        }
    }
}
