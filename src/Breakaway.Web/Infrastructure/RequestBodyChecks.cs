using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// Bodies the app will not read are refused up front, with the friendly page: one declared larger than the server
/// accepts answers 413, one in a character set .NET cannot decode (<c>charset=utf-7</c>, disabled for safety, or a
/// made-up name) answers 415. Otherwise the form reader fails wherever it is first touched (antiforgery, model
/// binding): a too-large body became a 400, an unknown charset a bare 500.
/// </summary>
public static class RequestBodyChecks
{
    public static IApplicationBuilder UseRequestBodyChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The re-executed error page sees the same request; it must render, not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (!IsReadable(context.Request.ContentType))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }
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
