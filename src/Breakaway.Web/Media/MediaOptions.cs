using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.Media;

public enum MediaStoreKind
{
    /// <summary>Files under <see cref="MediaOptions.Path"/>: one machine, included in <c>backup</c>/<c>restore</c>.</summary>
    Files,

    /// <summary>Rows in the database: several instances share them with no shared disk.</summary>
    Database,
}

/// <summary>The <c>Media</c> section: where uploaded photos and videos are kept and how large they may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    public MediaStoreKind Store { get; set; } = MediaStoreKind.Files;

    /// <summary>Folder of the file store; empty means <c>media</c> beside the SQLite database (or <c>App_Data/media</c>).</summary>
    public string? Path { get; set; }

    [Range(1, 200)]
    public int MaxPhotoMegabytes { get; set; } = 15;

    [Range(1, 2000)]
    public int MaxVideoMegabytes { get; set; } = 100;

    /// <summary>ffmpeg for video poster frames; when it is not installed videos simply have no poster.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    public long MaxPhotoBytes => MaxPhotoMegabytes * 1024L * 1024L;

    public long MaxVideoBytes => MaxVideoMegabytes * 1024L * 1024L;
}
