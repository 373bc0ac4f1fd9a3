using Breakaway.Web.Articles;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Mail;
using Breakaway.Web.Media;

using Breakaway.Web.Measures;
using Breakaway.Web.Messages;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync();
}

// Verbs that run against the same configuration as the site, then exit; anything after them is configuration.
var command = CommandLine.Parse(args);
if (command is { Error: { } usage })
{
    await Console.Error.WriteLineAsync(usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(command?.Rest ?? args);

builder.AddBreakawayLogging();
builder.Services
    .AddBreakawayOptions()
    .AddBreakawayWeb()
    .AddArticles()
    .AddBreakawayMail()
    .AddBreakawayMedia()

    .AddMeasures()
    .AddMessages()
    .AddBreakawayData(builder.Configuration, builder.Environment)
    .AddBreakawayIdentity();

var app = builder.Build();
try
{
    switch (command?.Verb)
    {
        case "create-admin":
            return await Commands.CreateAdminAsync(app, command.Argument);
        case "backup":
            return await Backups.BackupAsync(app, command.Argument);
        case "restore":
            return await Backups.RestoreAsync(app, command.Argument);
        case "check-content":
            return await ContentCheck.RunAsync(app, command.Argument);
        case "rebuild-attention":
            return await Breakaway.Web.Dashboard.AttentionSummaryWriter.RebuildAsync(app);
        case "seed-scale":
            return await Breakaway.Web.Data.Seed.ScaleSeeder.RunAsync(app, command.Argument);
    }

    // The articles do not depend on the database: read and render them on another thread while it migrates and
    // seeds (single-threaded), instead of after it. Both still finish before the app listens (bench/PROFILE.md).
    var articles = Task.Run(app.Services.GetRequiredService<ArticleStore>);
    await app.InitializeDatabaseAsync();
    await articles;
}
catch (DatabaseVersionException ex)
{
    // A database from a newer release: refuse to touch it, and say what to do instead of printing a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 3;
}

app.UseBreakaway();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test projects can host the app with WebApplicationFactory.</summary>
public partial class Program;
