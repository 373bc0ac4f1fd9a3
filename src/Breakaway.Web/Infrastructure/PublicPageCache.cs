using System.Data.Common;
using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// Output caching for the public pages (home, tips, exercises, feed, sitemap): anonymous GET and HEAD only,
/// never for a signed-in user, never a response that sets a cookie or is not 200. Everything cached is tagged
/// <see cref="Tag"/> and dropped when an article file or a library exercise changes; entries also expire after
/// five minutes, so an article dated today appears shortly after midnight. The cache is in memory, per instance:
/// <see cref="LibraryChangeWatcher"/> carries an exercise edit made on one instance to the others.
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string PolicyName = "PublicPages";
    public const string Tag = "public";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = http.User.Identity?.IsAuthenticated != true
            && !http.Request.Cookies.Keys.Any(k => k.Contains("breakaway.session", StringComparison.Ordinal));
        var cacheable = anonymous && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(5);
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Drops cached public pages when the articles reload.</summary>
public sealed class PublicPageCacheInvalidation(ArticleStore articles, IOutputCacheStore cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        articles.Changed += Evict;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        articles.Changed -= Evict;
        return Task.CompletedTask;
    }

    private void Evict() => _ = cache.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None).AsTask();
}

/// <summary>
/// Several instances each keep their own cache. The instance that saves an exercise evicts its cache at once; the
/// others notice within <see cref="SiteOptions.LibraryPollSeconds"/> by comparing the library's stamp and evict theirs. Articles need no such thing: each instance reads its own copy of
/// the content folder, which is deployed with the app.
/// </summary>
public sealed partial class LibraryChangeWatcher(
    IServiceScopeFactory scopes,
    IOutputCacheStore cache,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SiteOptions> options,
    ILogger<LibraryChangeWatcher> logger) : BackgroundService
{
    private int _seen;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The baseline is read before the site takes requests, so nothing cached can predate it.
        _seen = await ReadStampAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One wait at a time, each from the end of the last look, rather than a PeriodicTimer: a clock moved on by
        // a day (tests move a fake clock so) then wakes the watcher once, not once per missed interval, which was
        // 8,640 wake-ups and about a second of work per simulated day at the default ten seconds.
        var interval = TimeSpan.FromSeconds(options.Value.LibraryPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var stamp = await ReadStampAsync(stoppingToken);
                if (stamp != _seen)
                {
                    _seen = stamp;
                    await cache.EvictByTagAsync(PublicPageCache.Tag, stoppingToken);
                }
            }
            catch (DbException ex)
            {
                LogPollFailed(logger, ex);
            }
        }
    }

    /// <summary>A hash of every exercise's id, last change and archive flag: any edit, addition or removal changes it, even with clocks that disagree.</summary>
    private async Task<int> ReadStampAsync(CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var rows = await db.Exercises.Select(e => new { e.Id, e.UpdatedUtc, e.IsArchived }).ToListAsync(cancellation);
        var hash = new HashCode();
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            hash.Add(row);
        }

        return hash.ToHashCode();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the exercise library for changes; will try again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
