using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync();
}

// "create-admin <email>" runs against the same configuration as the site, then exits.
string? createAdmin = args is ["create-admin", var email, ..] ? email : null;

var builder = WebApplication.CreateBuilder(createAdmin is null ? args : args[2..]);

builder.AddBreakawayLogging();
builder.Services
    .AddBreakawayOptions()
    .AddBreakawayWeb()
    .AddArticles()
    .AddBreakawayData(builder.Configuration, builder.Environment)
    .AddBreakawayIdentity();

var app = builder.Build();
if (createAdmin is not null)
{
    return await Commands.CreateAdminAsync(app, createAdmin);
}

await app.InitializeDatabaseAsync();
app.UseBreakaway();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test projects can host the app with WebApplicationFactory.</summary>
public partial class Program;
