using Breakaway.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddBreakawayLogging();
builder.Services
    .AddBreakawayOptions()
    .AddBreakawayWeb()
    .AddArticles();

var app = builder.Build();
app.UseBreakaway();
app.Run();

/// <summary>Entry point; public so the test projects can host the app with WebApplicationFactory.</summary>
public partial class Program;
