using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// Which <c>Host</c> headers the site answers. Cookie authentication and a few redirects build absolute addresses
/// from the request's host, so a request naming a foreign host could be sent to that host. Outside Development, when
/// <c>AllowedHosts</c> is not set, only the host of <c>Site:BaseUrl</c> and the loopback names (the health probe, a
/// proxy or smoke test on the same machine) are answered; any other host gets 400. Setting <c>AllowedHosts</c>
/// (semicolon-separated, <c>*</c> for any) replaces this.
/// </summary>
public static class AllowedHosts
{
    public const string Key = "AllowedHosts";

    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddAllowedHosts(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        // Runs after the web host's own set-up, which fills AllowedHosts from configuration or falls back to "*".
        services.AddOptions<HostFilteringOptions>().PostConfigure<IConfiguration, IHostEnvironment, IOptions<SiteOptions>>((options, configuration, environment, site) =>
        {
            if (!string.IsNullOrWhiteSpace(configuration[Key]) || environment.IsDevelopment())
            {
                return;
            }

            options.AllowedHosts = [new Uri(site.Value.BaseUrl).IdnHost, .. Loopback];
        });
        return services;
    }
}
