using Breakaway.Web.Articles;
using Breakaway.Web.Dashboard;
using Breakaway.Web.Drawings;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Media;
using Breakaway.Web.Offline;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Formatting.Compact;

namespace Breakaway.Web.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>Health checks with this tag decide <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Serilog to the console: readable text in Development, compact JSON (with trace ids) elsewhere.</summary>
    public static WebApplicationBuilder AddBreakawayLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration)
                    // Data Protection's EF key store logs each key's XML, master key included, at Debug: never below
                    // Information, whatever the configuration asks for (LogSecretsTests caught it at Debug).
                    .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", Serilog.Events.LogEventLevel.Information)
                    .ReadFrom.Services(services) // sinks registered in DI: the tests' log capture
                    .Enrich.FromLogContext()
                    .Enrich.With(new LogRedaction(services.GetRequiredService<IHttpContextAccessor>()))
                    .Filter.ByExcluding(LogRedaction.IsRawRequestLine);
                if (development)
                {
                    logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    logger.WriteTo.Console(new CompactJsonFormatter());
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    public static IServiceCollection AddBreakawayOptions(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Clinic:TimeZone must be a known IANA time zone, such as Europe/London.")
            .ValidateOnStart();
        services.AddOptions<ArticleOptions>().BindConfiguration(ArticleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProgramOptions>().BindConfiguration(ProgramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton(sp => new ArticleParser(
            sp.GetRequiredService<MarkdownRenderer>(),
            sp.GetRequiredService<IOptions<ArticleOptions>>().Value.DefaultAuthor));
        services.AddSingleton(sp => new ArticleLoader(
            sp.GetRequiredService<ArticleParser>(),
            sp.GetRequiredService<IOptions<ArticleOptions>>().Value.MaxImageKilobytes * 1024L));
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<PublishedArticles>();
        services.AddSingleton<ArticleExerciseCards>();
        services.AddSingleton<Drawings.DrawingRenderer>();
        return services;
    }

    public static IServiceCollection AddBreakawayWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ClinicClock>();
        services.AddScoped<ProgramService>();
        services.AddScoped<PatientProgram>();
        services.AddScoped<PatientActivityQuery>();
        services.AddScoped<Sessions.RedFlagAlerts>();
        services.AddSingleton<ReminderLinks>();
        services.AddHostedService<ExerciseReminders>();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", IdentityRegistration.StaffPolicy);
            options.Conventions.AuthorizeFolder("/Admin/Staff", IdentityRegistration.AdminPolicy);
            options.Conventions.AuthorizePage("/Admin/Audit", IdentityRegistration.AdminPolicy);
            options.Conventions.AuthorizeFolder("/Admin/Outbox", IdentityRegistration.AdminPolicy);
            options.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new ServiceFilterAttribute(typeof(StaffMfaFilter))));
            options.Conventions.AuthorizeFolder("/My", IdentityRegistration.PatientPolicy);
            options.Conventions.AddFolderApplicationModelConvention("/My", model => model.Filters.Add(new SignedInPatientFilter()));
            options.Conventions.AuthorizeFolder("/Account/Manage");
            // A new exercise has its own address; the order makes links that carry an id use the edit route.
            options.Conventions.AddPageRouteModelConvention("/Admin/Exercises/Edit", model => model.Selectors.Add(
                new Microsoft.AspNetCore.Mvc.ApplicationModels.SelectorModel { AttributeRouteModel = new() { Template = "/admin/exercises/new", Order = 1 } }));
            foreach (var folder in PersonalDataAttribute.Folders)
            {
                options.Conventions.AddFolderApplicationModelConvention(folder, model => model.EndpointMetadata.Add(PersonalDataAttribute.Instance));
            }

            options.Conventions.AddPageApplicationModelConvention("/Reminders/Unsubscribe", model => model.EndpointMetadata.Add(PersonalDataAttribute.Instance));
            options.Conventions.AddFolderApplicationModelConvention("/Tips", model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PublicPageCache.PolicyName }));
            options.Conventions.AddFolderApplicationModelConvention("/Exercises", model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PublicPageCache.PolicyName }));

            options.Conventions.AddPageApplicationModelConvention("/Index", model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PublicPageCache.PolicyName }));
        }).AddMvcOptions(options =>
        {
            // Plain-language messages for values that are not even the right type (a patient may type "ten").
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustBeANumberAccessor(name => $"Enter a number for {name}.");
            messages.SetAttemptedValueIsInvalidAccessor((value, name) => $"Enter a number for {name}.");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => "Enter a number.");
            messages.SetValueIsInvalidAccessor(value => "Enter a valid value.");
            // A number field left empty (the accessor is not told the field's name; the message sits at the field).
            messages.SetValueMustNotBeNullAccessor(value => "Enter a number here.");
        });
        services.AddRouting(options => options.LowercaseUrls = true);

        // Compresses HTML, feeds and JSON on plain HTTP only (the default): over HTTPS, compressing pages that
        // mix secrets and reflected input invites BREACH, so a TLS-terminating proxy should compress instead.
        services.AddResponseCompression(options => options.MimeTypes =
            ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "image/svg+xml"]));
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: [ReadyTag]);
        services.AddOutputCache(options =>
        {
            // Slugs are lower-case: /exercises/Glute-Bridge is a 404, never the cached copy of /exercises/glute-bridge.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(PublicPageCache.PolicyName, new PublicPageCache());
        });
        services.AddHostedService<PublicPageCacheInvalidation>();
        services.AddHostedService<LibraryChangeWatcher>();
        ProxyOptions.AddProxySupport(services);
        services.AddAllowedHosts();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseBreakaway(this WebApplication app)
    {
        // First: everything after it (HTTPS checks, cookies, HSTS, the rate limit by address) sees the real client.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // A body Kestrel refused to read (too large: 413; malformed: 400) is the client's error, not ours.
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMediaUploadLimits();
        app.UseRequestBodyChecks();
        // The app's own logger: with preserveStaticLogger the static Log.Logger is silent, and the middleware
        // would otherwise write every request line there (serilog-aspnetcore#182).
        // The path is logged as its route pattern (LogRedaction): "/invite/{token}", never the token.
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // A client that hung up (wrk at the end of a run, a closed tab) is no server error: Information, status 499,
            // as ASP.NET Core's own exception handler reports it. Every other exception or 5xx stays an Error.
            options.GetLevel = (context, _, ex) =>
                ClientAborted(context, ex) ? Serilog.Events.LogEventLevel.Information
                : ex is not null || context.Response.StatusCode > 499 ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information;
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new("RequestMethod", new Serilog.Events.ScalarValue(context.Request.Method)),
                new(LogRedaction.PathProperty, new Serilog.Events.ScalarValue(LogRedaction.RouteOf(context))),
                new("StatusCode", new Serilog.Events.ScalarValue(context.RequestAborted.IsCancellationRequested && status >= 500 ? StatusCodes.Status499ClientClosedRequest : status)),
                new("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
            ];
        });
        app.UseRouting();
        app.UseNoStoreForPersonalData();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        // Live: the process answers. Ready: the database is reachable and migrated, and the articles are loaded.
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapFeeds();
        app.MapContentImages();
        app.MapMedia();
        app.MapCalendarFeed();
        app.MapWebAppManifest();
        app.MapExerciseThumbnails();
        return app;
    }

    /// <summary>The request failed because the client went away: a cancellation or I/O error after RequestAborted fired.</summary>
    internal static bool ClientAborted(HttpContext context, Exception? ex) =>
        context.RequestAborted.IsCancellationRequested && ex is null or OperationCanceledException or IOException;
}

/// <summary>Healthy when the content folder is readable and its articles are loaded.</summary>
internal sealed class ContentHealthCheck(ArticleStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Path.Combine(store.ContentPath, ArticleLoader.TipsFolder)))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The content folder is missing."));
        }

        var catalog = store.Current;
        return Task.FromResult(catalog.Problems.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.All.Count} articles loaded.")
            : HealthCheckResult.Degraded($"{catalog.All.Count} articles loaded, {catalog.Problems.Count} skipped."));
    }
}
