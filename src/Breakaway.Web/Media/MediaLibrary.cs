using System.Diagnostics;
using System.Security.Cryptography;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Media;

/// <summary>A photo or video as a page shows it: addresses of its files and the words that go with it.</summary>
public sealed record MediumView(int Id, int ExerciseId, MediumKind Kind, string Hash, string Text, int Width, int Height, IReadOnlyList<int> Widths, string? VideoType, bool HasPoster, bool InHandout, bool IsPrivate)
{
    public static MediumView From(Medium m) => new(m.Id, m.ExerciseId, m.Kind, m.Hash, m.Text, m.Width, m.Height, m.WidthList, m.VideoType, m.HasPoster, m.InHandout, m.PatientId is not null);

    public string PhotoUrl(int width, string extension) => $"{MediaEndpoints.RoutePrefix}/{MediaKeys.Photo(Hash, width, extension)}";

    public string SrcSet(string extension) => string.Join(", ", Widths.Select(w => $"{PhotoUrl(w, extension)} {w}w"));

    public string VideoUrl => $"{MediaEndpoints.RoutePrefix}/{MediaKeys.Video(Hash, VideoType ?? "video/mp4")}";

    public string? PosterUrl => HasPoster ? $"{MediaEndpoints.RoutePrefix}/{MediaKeys.Poster(Hash)}" : null;

    /// <summary>The height at <paramref name="width"/>, keeping the photo's shape.</summary>
    public int HeightAt(int width) => Width == 0 ? 0 : (int)Math.Round(Height * (double)width / Width);
}

/// <summary>Stores uploads and finds the media an exercise shows to whoever is looking.</summary>
public sealed partial class MediaLibrary(BreakawayDbContext db, IMediaStore store, IOptions<MediaOptions> options, TimeProvider time, ILogger<MediaLibrary> logger)
{
    public MediaOptions Options => options.Value;

    /// <summary>Media of these exercises visible to everyone, plus those of <paramref name="patientId"/> when given.</summary>
    public async Task<ILookup<int, MediumView>> ForExercisesAsync(IReadOnlyCollection<int> exerciseIds, int? patientId, CancellationToken cancellationToken)
    {
        if (exerciseIds.Count == 0)
        {
            return Array.Empty<MediumView>().ToLookup(m => m.ExerciseId);
        }

        var rows = await db.Set<Medium>()
            .Where(m => exerciseIds.Contains(m.ExerciseId) && (m.PatientId == null || (patientId != null && m.PatientId == patientId)))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(MediumView.From).ToLookup(m => m.ExerciseId);
    }

    /// <summary>Checks, cleans and stores a photo; returns the new row, or the message for the form.</summary>
    public async Task<(Medium? Medium, string? Problem)> AddPhotoAsync(int exerciseId, int? patientId, string text, bool inHandout, Stream upload, string? userId, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(upload, cancellationToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await AlreadyThereAsync(exerciseId, patientId, hash, cancellationToken))
        {
            return (null, "This photo is on this exercise already.");
        }

        var photo = PhotoProcessor.Process(bytes);
        if (photo.Problem is not null)
        {
            return (null, photo.Problem);
        }

        foreach (var variant in photo.Variants)
        {
            using var content = new MemoryStream(variant.Bytes, writable: false);
            await store.SaveAsync(MediaKeys.Photo(hash, variant.Width, variant.Extension), content, cancellationToken);
        }

        var medium = new Medium
        {
            ExerciseId = exerciseId,
            PatientId = patientId,
            Kind = MediumKind.Photo,
            Hash = hash,
            Text = text,
            Width = photo.Width,
            Height = photo.Height,
            Widths = string.Join(',', photo.Variants.Select(v => v.Width).Distinct()),
            InHandout = inHandout,
            Bytes = photo.Variants.Sum(v => (long)v.Bytes.Length),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
        };
        db.Add(medium);
        return (medium, null);
    }

    /// <summary>Stores a video as it was uploaded (after checking that it is MP4 or WebM), with a poster frame when ffmpeg is installed.</summary>
    public async Task<(Medium? Medium, string? Problem)> AddVideoAsync(int exerciseId, int? patientId, string text, Stream upload, long length, string? userId, CancellationToken cancellationToken)
    {
        var head = new byte[64];
        var read = await upload.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = MediaSniffer.Sniff(head.AsSpan(0, read)) switch
        {
            SniffedType.Mp4 => "video/mp4",
            SniffedType.WebM => "video/webm",
            _ => null,
        };
        if (type is null)
        {
            return (null, MediaSniffer.Sniff(head.AsSpan(0, read)) is SniffedType.Jpeg or SniffedType.Png or SniffedType.Webp or SniffedType.Heic
                ? "This is a photo: add it under \"Add a photo\" instead."
                : "This file is not a video we can show. Choose an MP4 or WebM video (on an iPhone, share it as \"Most Compatible\").");
        }

        upload.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(upload, cancellationToken));
        if (await AlreadyThereAsync(exerciseId, patientId, hash, cancellationToken))
        {
            return (null, "This video is on this exercise already.");
        }

        upload.Position = 0;
        await store.SaveAsync(MediaKeys.Video(hash, type), upload, cancellationToken);
        upload.Position = 0;
        var poster = await PosterAsync(upload, cancellationToken);
        if (poster is not null)
        {
            using var content = new MemoryStream(poster.Bytes, writable: false);
            await store.SaveAsync(MediaKeys.Poster(hash), content, cancellationToken);
        }

        var medium = new Medium
        {
            ExerciseId = exerciseId,
            PatientId = patientId,
            Kind = MediumKind.Video,
            Hash = hash,
            Text = text,
            Width = poster?.Width ?? 0,
            Height = poster?.Height ?? 0,
            VideoType = type,
            HasPoster = poster is not null,
            Bytes = length,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
        };
        db.Add(medium);
        return (medium, null);
    }

    /// <summary>
    /// Deletes the stored files of <paramref name="hash"/> (every variant) when no medium shows them any more: the same
    /// bytes on another exercise, or on another patient's card, keep them. Call it after the removal has committed.
    /// </summary>
    public async Task<bool> DeleteFilesIfUnusedAsync(string hash, CancellationToken cancellationToken)
    {
        if (await db.Set<Medium>().AnyAsync(m => m.Hash == hash, cancellationToken))
        {
            return false;
        }

        await store.DeleteAllAsync(hash, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ffmpeg could not take a poster frame (exit code {ExitCode})")]
    private static partial void PosterFailed(ILogger logger, int exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ffmpeg took too long to take a poster frame")]
    private static partial void PosterTimedOut(ILogger logger);

    private Task<bool> AlreadyThereAsync(int exerciseId, int? patientId, string hash, CancellationToken cancellationToken) =>
        db.Set<Medium>().AnyAsync(m => m.ExerciseId == exerciseId && m.PatientId == patientId && m.Hash == hash, cancellationToken);

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// The first frame as a 960-pixel JPEG, made by ffmpeg when it is installed, then cleaned like any photo. Without
    /// ffmpeg (or when it fails) the video has no poster: the player shows its own first frame once played.
    /// </summary>
    // Set once ffmpeg turns out to be missing, so later uploads are not copied to a temporary file for nothing.
    private static volatile bool _noFfmpeg;

    private async Task<PhotoVariant?> PosterAsync(Stream video, CancellationToken cancellationToken)
    {
        if (_noFfmpeg)
        {
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("breakaway-poster-");
        try
        {
            var input = Path.Combine(folder.FullName, "video");
            var output = Path.Combine(folder.FullName, "poster.jpg");
            await using (var file = File.Create(input))
            {
                await video.CopyToAsync(file, cancellationToken);
            }

            var start = new ProcessStartInfo(Options.FfmpegPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-nostdin", "-v", "error", "-i", input, "-frames:v", "1", "-vf", "scale='min(960,iw)':-2", "-y", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0 || !File.Exists(output))
            {
                PosterFailed(logger, process.ExitCode);
                return null;
            }

            var poster = PhotoProcessor.Process(await File.ReadAllBytesAsync(output, cancellationToken));
            return poster.Variants.LastOrDefault(v => v.Extension == "jpg");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _noFfmpeg = true;
            // ffmpeg is not installed: videos have no poster.
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            PosterTimedOut(logger);
            return null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
