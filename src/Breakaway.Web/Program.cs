using Breakaway.Web.Articles;
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

// The articles do not depend on the database: read and render them on another thread while it migrates and
// seeds (single-threaded), instead of after it. Both still finish before the app listens (bench/PROFILE.md).
var articles = Task.Run(app.Services.GetRequiredService<ArticleStore>);
await app.InitializeDatabaseAsync();
await articles;
app.UseBreakaway();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test projects can host the app with WebApplicationFactory.</summary>
public partial class Program;
