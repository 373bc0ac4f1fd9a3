using System.Text.RegularExpressions;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Breakaway.Web.Media;

/// <summary>
/// Serves stored media at <c>/media/{key}</c>. Library media are public and immutable (the name is the content's
/// hash), cached for a year. A patient's own media need the same check as the pages that show them: staff, or that
/// patient; anyone else signed in gets 404 (as for any other patient's data), anonymous visitors the sign-in page.
/// </summary>
public static partial class MediaEndpoints
{
    public const string RoutePrefix = "/media";
    public const string PublicCache = "public, max-age=31536000, immutable";

    /// <summary>A private copy may stay on the patient's device, but is checked with the server on every use.</summary>
    public const string PrivateCache = "private, no-cache";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoutePrefix + "/{key}", async (string key, HttpContext context, BreakawayDbContext db, IMediaStore store, CancellationToken cancellationToken) =>
        {
            if (!MediaKeys.Pattern().IsMatch(key))
            {
                return Results.NotFound();
            }

            var hash = key[..64];
            var owners = await db.Set<Medium>().Where(m => m.Hash == hash).Select(m => m.PatientId).ToListAsync(cancellationToken);
            if (owners.Count == 0)
            {
                return Results.NotFound();
            }

            var isPublic = owners.Contains(null);
            if (!isPublic)
            {
                var user = context.User;
                if (user.Identity?.IsAuthenticated != true)
                {
                    return Results.Challenge();
                }

                if (!user.IsStaff() && (user.PatientId() is not { } patientId || !owners.Contains(patientId)))
                {
                    return Results.NotFound();
                }
            }

            if (await store.OpenAsync(key, cancellationToken) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = isPublic ? PublicCache : PrivateCache;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.RegisterForDispose(file.Content);
            return Results.Stream(file.Content, MediaKeys.ContentType(key), entityTag: new EntityTagHeaderValue($"\"{key}\""), enableRangeProcessing: true);
        });
        return endpoints;
    }

    [GeneratedRegex("^/admin/exercises/\\d+/media$", RegexOptions.IgnoreCase)]
    private static partial Regex UploadPath();

    /// <summary>
    /// The upload forms may send more than the server's usual body limit: the photo form up to the photo limit, the
    /// video form up to the video limit (plus room for the form's other fields). A body declared larger is refused
    /// here, before a byte of it is read, with the friendly 413 page.
    /// </summary>
    public static IApplicationBuilder UseMediaUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && UploadPath().IsMatch(context.Request.Path.Value ?? string.Empty))
        {
            var options = context.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value;
            var handler = context.Request.Query["handler"].ToString();
            long? limit = handler.Equals("photo", StringComparison.OrdinalIgnoreCase) ? options.MaxPhotoBytes
                : handler.Equals("video", StringComparison.OrdinalIgnoreCase) ? options.MaxVideoBytes
                : null;
            if (limit is { } fileLimit)
            {
                var bodyLimit = fileLimit + FormOverheadBytes;
                if (context.Request.ContentLength > bodyLimit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                {
                    feature.MaxRequestBodySize = bodyLimit;
                }
            }
        }

        await next(context);
    });

    /// <summary>The form's other fields and the multipart boundaries around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;
}
