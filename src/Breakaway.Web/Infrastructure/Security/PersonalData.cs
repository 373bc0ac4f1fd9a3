namespace Breakaway.Web.Infrastructure.Security;

/// <summary>
/// Endpoint metadata: the response carries someone's personal data (the <c>/my</c>, <c>/admin</c> and account pages,
/// invitation links, the CSV export, the calendar feed). Added by folder convention and on the calendar endpoint, not
/// page by page.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PersonalDataAttribute : Attribute
{
    public static readonly PersonalDataAttribute Instance = new();

    /// <summary>The Razor Pages folders whose every page is personal.</summary>
    public static readonly IReadOnlyList<string> Folders = ["/My", "/Admin", "/Account"];
}

public static class PersonalDataResponses
{
    /// <summary>
    /// <c>Cache-Control: no-store</c> on every response of a personal endpoint and on every page rendered for a
    /// signed-in person (the header names them), so neither the browser's cache nor a proxy keeps a copy for the next
    /// person at a shared computer. Runs after routing, so the endpoint is known.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForPersonalData(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var personal = context.GetEndpoint()?.Metadata.GetMetadata<PersonalDataAttribute>() is not null;
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (personal || (context.User.Identity?.IsAuthenticated == true && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true))
            {
                response.Headers.CacheControl = "no-store";
                response.Headers.Remove("Expires");
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
