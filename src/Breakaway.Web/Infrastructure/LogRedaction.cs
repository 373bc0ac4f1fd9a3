using Serilog.Core;
using Serilog.Events;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// Request paths carry secrets (<c>/invite/{token}</c>, <c>/calendar/{token}.ics</c>), so no log event names the
/// requested path: <c>RequestPath</c> is the matched route pattern (<c>/invite/{token}</c>), or <c>(no route)</c>.
/// ASP.NET Core's hosting scope adds the raw path to every event written during a request, and its "Request
/// starting/finished" events print it, and routing's matcher prints it at Debug; all are handled here, for every sink
/// and level.
/// </summary>
public sealed class LogRedaction(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public const string PathProperty = "RequestPath";
    public const string NoRoute = "(no route)";

    /// <summary>The route pattern of the request's endpoint: never the path itself, which may hold a token.</summary>
    public static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } ? "/" + pattern.TrimStart('/') : NoRoute;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        // Set whenever a request is under way, so the hosting scope's raw path (added only if absent) never gets in,
        // and replaced when it already did.
        var route = accessor.HttpContext is { } context ? RouteOf(context) : NoRoute;
        if (accessor.HttpContext is not null || logEvent.Properties.ContainsKey(PathProperty))
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty(PathProperty, new ScalarValue(route)));
        }

        // ASP.NET Core's own events that print the path or a route value (routing's matcher does at Debug).
        if (logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name }
            && name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal))
        {
            if (logEvent.Properties.ContainsKey("Path"))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty("Path", new ScalarValue(route)));
            }

            if (logEvent.Properties.ContainsKey("RouteValue"))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty("RouteValue", new ScalarValue("(hidden)")));
            }
        }
    }

    /// <summary>Hosting's "Request starting" (1) and "Request finished" (2) events: the raw URL is in their message.</summary>
    public static bool IsRawRequestLine(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: "Microsoft.AspNetCore.Hosting.Diagnostics" }
        && logEvent.Properties.TryGetValue("EventId", out var eventId) && eventId is StructureValue id
        && id.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: 1 or 2 };
}
