using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);

builder.AddBreakawayLogging();
builder.Services
    .AddBreakawayOptions()
    .AddBreakawayWeb()
    .AddArticles()
    .AddBreakawayData(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseBreakaway();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test projects can host the app with WebApplicationFactory.</summary>
public partial class Program;
