namespace Breakaway.Web.Media;

public enum MediumKind
{
    Photo,
    Video,
}

/// <summary>
/// A photo or video the clinic uploaded for an exercise. With <see cref="PatientId"/> set it belongs to one patient's
/// program (a demonstration filmed of that patient) and only that patient and staff may see it; otherwise it is part of
/// the public library. The bytes live in the <see cref="IMediaStore"/> under names made from <see cref="Hash"/>.
/// </summary>
public sealed class Medium
{
    public int Id { get; set; }

    public int ExerciseId { get; set; }

    public int? PatientId { get; set; }

    public MediumKind Kind { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex: the stored files are named after it.</summary>
    public required string Hash { get; set; }

    /// <summary>Alt text of a photo, or the short description of a video.</summary>
    public required string Text { get; set; }

    /// <summary>Of the largest photo variant or of the poster; 0 for a video without a poster.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Widths of the photo variants, ascending, comma-separated ("480,960,1600").</summary>
    public string Widths { get; set; } = string.Empty;

    /// <summary>A video's type as uploaded: video/mp4 or video/webm.</summary>
    public string? VideoType { get; set; }

    public bool HasPoster { get; set; }

    /// <summary>The therapist ticked "include in the printed handout" (photos only).</summary>
    public bool InHandout { get; set; }

    public long Bytes { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByUserId { get; set; }

    public IReadOnlyList<int> WidthList => [.. Widths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>The bytes of one stored file in the database store, in chunks so a range request reads only what it needs.</summary>
public sealed class MediaBlob
{
    public required string Key { get; set; }

    public long Length { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public sealed class MediaChunk
{
    public required string Key { get; set; }

    public int Number { get; set; }

    public required byte[] Data { get; set; }
}
