using Breakaway.Web.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Media;

public static class MediaRegistration
{
    public static IServiceCollection AddBreakawayMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new FileMediaStore(FolderOf(
            sp.GetRequiredService<IOptions<MediaOptions>>().Value,
            sp.GetRequiredService<DataConnection>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddScoped<IMediaStore>(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value.Store == MediaStoreKind.Database
            ? new DatabaseMediaStore(sp.GetRequiredService<BreakawayDbContext>(), sp.GetRequiredService<TimeProvider>())
            : sp.GetRequiredService<FileMediaStore>());
        services.AddScoped<MediaLibrary>();

        // A video form may be larger than the form reader's usual 128 MB.
        services.AddOptions<FormOptions>().Configure<IOptions<MediaOptions>>((form, media) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, media.Value.MaxVideoBytes + MediaEndpoints.FormOverheadBytes));
        return services;
    }

    /// <summary><c>Media:Path</c> (relative to the content root), or <c>media</c> beside the SQLite file, or <c>App_Data/media</c>.</summary>
    public static string FolderOf(MediaOptions options, DataConnection connection, string contentRootPath)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            return Path.GetFullPath(options.Path, contentRootPath);
        }

        return connection.SqliteFile is { } file
            ? Path.Combine(Path.GetDirectoryName(file)!, "media")
            : Path.Combine(contentRootPath, "App_Data", "media");
    }
}
