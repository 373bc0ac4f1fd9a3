namespace Breakaway.Web.Infrastructure;

/// <summary>
/// <c>dotnet Breakaway.Web.dll healthcheck</c>: asks the running app's <c>/health/ready</c> and exits 0 or 1.
/// The runtime image has no curl or wget, so the container's HEALTHCHECK uses the app itself.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync()
    {
        var port = Environment.GetEnvironmentVariable("HEALTHCHECK_PORT") ?? "8080";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
