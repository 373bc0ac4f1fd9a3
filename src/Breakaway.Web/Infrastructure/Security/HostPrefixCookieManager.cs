using Microsoft.AspNetCore.Authentication.Cookies;

namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Names the auth cookie <c>__Host-…</c> on HTTPS requests (the browser then insists on Secure, Path=/ and no
/// Domain) and keeps the plain name on HTTP, where a __Host- cookie would be refused, such as a local run.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    private const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }

        _inner.AppendResponseCookie(context, Name(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, Name(context, key), options);
}
