using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// The TLS-terminating proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed
/// (section <c>ForwardedHeaders</c>). Loopback is always trusted; add the proxy's address or network here when it
/// runs on another machine or container. Headers from anyone else are ignored, so a client cannot fake its address
/// (which the sign-in rate limit uses) or claim HTTPS.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Single addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR form, e.g. <c>172.18.0.0/16</c> for a Docker network.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public static IServiceCollection AddProxySupport(IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(Section)
            .Validate(o => o.KnownProxies.TrueForAll(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies must be IP addresses, such as 10.0.0.5.")
            .Validate(o => o.KnownNetworks.TrueForAll(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks must be networks in CIDR form, such as 172.18.0.0/16.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
