namespace Breakaway.Web.Media;

public enum MediaPlace
{
    /// <summary>The exercise page: every photo at full width, videos inline.</summary>
    Page,

    /// <summary>A small picture on a list card (the library, the admin list).</summary>
    Thumbnail,

    /// <summary>A patient's card on /my: the first photo, videos behind "Watch the video".</summary>
    Card,

    /// <summary>The printed handout: only the photos the therapist ticked, no videos.</summary>
    Print,
}

/// <summary>The model of <c>_ExerciseMedia.cshtml</c>: which media, shown where.</summary>
public sealed record MediaShow(IReadOnlyList<MediumView> Media, MediaPlace Place, string? ExerciseName = null)
{
    public static MediaShow Page(IEnumerable<MediumView> media, string exerciseName) => new([.. media], MediaPlace.Page, exerciseName);

    public static MediaShow Thumbnail(IEnumerable<MediumView> media) => new([.. media], MediaPlace.Thumbnail);

    public static MediaShow Card(IEnumerable<MediumView> media, string exerciseName) => new([.. media], MediaPlace.Card, exerciseName);

    public static MediaShow Print(IEnumerable<MediumView> media) => new([.. media.Where(m => m.Kind == MediumKind.Photo && m.InHandout)], MediaPlace.Print);

    public IEnumerable<MediumView> Photos => Media.Where(m => m.Kind == MediumKind.Photo);

    public IEnumerable<MediumView> Videos => Media.Where(m => m.Kind == MediumKind.Video);
}
