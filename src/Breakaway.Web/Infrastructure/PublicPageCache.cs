using Breakaway.Web.Articles;
using Microsoft.AspNetCore.OutputCaching;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// Output caching for the public pages (home, tips, exercises, feed, sitemap): anonymous GET and HEAD only,
/// never for a signed-in user, never a response that sets a cookie or is not 200. Everything cached is tagged
/// <see cref="Tag"/> and dropped when an article file or a library exercise changes; entries also expire after
/// five minutes, so an article dated today appears shortly after midnight. The cache is in memory, per instance.
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
