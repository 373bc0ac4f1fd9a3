using Microsoft.Net.Http.Headers;

namespace Breakaway.Web.Articles;

/// <summary>
/// Serves the pictures beside the articles at <c>/tips/images/{name}</c>. The name is only a key into the index built
/// at load, so no address reaches a file outside <c>content/tips/images/</c>: anything else, <c>../</c> included, is the
/// site's 404 page.
/// </summary>
public static class ContentImageEndpoints
{
    /// <summary>A year, for addresses that carry the file's fingerprint (<c>?v=</c>): a changed file gets a new address.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapContentImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ContentImages.RoutePrefix + "/{name}", (string name, string? v, ArticleStore store, HttpContext context) =>
        {
            if (!ContentImages.NamePattern().IsMatch(name) || store.Current.Images.Find(name) is not { } image)
            {
                return Results.NotFound();
            }

            // Without the current fingerprint (an old or hand-typed address) the browser must check the ETag each time.
            context.Response.Headers.CacheControl = v == image.Fingerprint ? ImmutableCache : "public, no-cache";
            return Results.File(image.FilePath, image.ContentType, entityTag: new EntityTagHeaderValue($"\"{image.Fingerprint}\""));
        });
        return endpoints;
    }
}
