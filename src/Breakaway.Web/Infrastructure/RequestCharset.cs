using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// A request body in a character set the app cannot decode (<c>charset=utf-7</c>, which .NET refuses, or a made-up
/// name) answers 415 with the friendly page before anything reads it. Without this, the form reader throws
/// <see cref="NotSupportedException"/> wherever it is first touched (antiforgery, model binding), and the request
/// ends as a bare 500.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseSupportedRequestCharsets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The re-executed error page sees the same headers; it must render, not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && !IsReadable(context.Request.ContentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        await next(context);
    });

    /// <summary>True when there is no charset, or one that .NET can decode (UTF-7 never: it is disabled for safety).</summary>
    public static bool IsReadable(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Charset.Length == 0)
        {
            return true;
        }

        try
        {
            return Encoding.GetEncoding(media.Charset.Value!) is not null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
