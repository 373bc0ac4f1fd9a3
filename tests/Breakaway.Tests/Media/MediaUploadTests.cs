using System.Net;
using System.Net.Http.Headers;
using Breakaway.Testing;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Breakaway.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Breakaway.Tests.Media;

/// <summary>
/// Uploads through the real forms, and what the site then serves. Every test runs once per storage back end
/// (<see cref="FileStoreMediaUploadTests"/>, <see cref="DatabaseStoreMediaUploadTests"/>; the database one on
/// PostgreSQL when the suite does). One host per class: each test uploads to its own exercise or patient.
/// </summary>
public abstract class MediaUploadTests : IAsyncLifetime
{
    private readonly BreakawayFactory _site;

    protected MediaUploadTests(string store) => _site = new BreakawayFactory().WithDemo().With("Media:Store", store);

    public ValueTask InitializeAsync()
    {
        _ = _site.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PhoneUpload_IsServedUpright_InSizedWebPAndJpeg_WithoutMetadata_CachedForAYear()
    {
        var staff = await SignedInAsync("therapist@demo.test");
        var exercise = await ExerciseAsync("glute-bridge");

        var response = await staff.UploadAsync(exercise, "Photo", TestPhotos.PhoneJpeg(), "IMG_0042.JPG", new Dictionary<string, string> { ["Photo.Alt"] = "Lying on the back with the hips lifted" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _site.CreateClient().GetDocumentAsync("/exercises/glute-bridge");
        var img = page.QuerySelector(".exercise-media img")!;
        Assert.Equal("Lying on the back with the hips lifted", img.GetAttribute("alt"));
        // Stored sideways with orientation 6: served upright, 1000 x 2000.
        Assert.Equal(("1000", "2000"), (img.GetAttribute("width"), img.GetAttribute("height")));
        var webp = page.QuerySelector(".exercise-media source[type='image/webp']")!.GetAttribute("srcset")!;
        var urls = webp.Split(", ").Concat(img.GetAttribute("srcset")!.Split(", ")).Select(s => s.Split(' ')).ToList();
        Assert.Equal(["480w", "960w", "1000w", "480w", "960w", "1000w"], urls.Select(u => u[1]));

        var anonymous = _site.CreateClient();
        foreach (var url in urls.Select(u => u[0]))
        {
            using var file = await anonymous.GetAsync(url, Cancel);
            var bytes = await file.Content.ReadAsByteArrayAsync(Cancel);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(url.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal(MediaEndpoints.PublicCache, file.Headers.CacheControl!.ToString());
            Assert.False(TestPhotos.HasMetadata(bytes), $"{url} still carries EXIF");
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }

        // Upright: the stored left half (red) is now the top.
        using var small = SKBitmap.Decode(await anonymous.GetByteArrayAsync(urls[3][0], Cancel));
        Assert.Equal((480, 960), (small.Width, small.Height));
        Assert.True(small.GetPixel(240, 20).Red > 200 && small.GetPixel(240, 20).Blue < 60, "top is red");
        Assert.True(small.GetPixel(240, 940).Blue > 200 && small.GetPixel(240, 940).Red < 60, "bottom is blue");

        // The library card shows the smallest one as a thumbnail.
        var library = await anonymous.GetDocumentAsync("/exercises");
        Assert.NotNull(library.QuerySelector($".card-list img[src='{urls[3][0]}'][width='480'][height='960']"));
    }

    [Fact]
    public async Task RefusedUploads_SayWhy_AtTheField()
    {
        var staff = await SignedInAsync("therapist@demo.test");
        var exercise = await ExerciseAsync("split-squat");

        var text = await staff.UploadAsync(exercise, "Photo", "just some notes, not a picture\n"u8.ToArray(), "photo.jpg", new Dictionary<string, string> { ["Photo.Alt"] = "A photo" });
        var noAlt = await staff.UploadAsync(exercise, "Photo", TestPhotos.PhoneJpeg(300, 200), "photo.jpg", new Dictionary<string, string> { ["Photo.Alt"] = " " });
        var heic = await staff.UploadAsync(exercise, "Photo", [0, 0, 0, 24, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0], "IMG_1.HEIC", new Dictionary<string, string> { ["Photo.Alt"] = "A photo" });
        var photoAsVideo = await staff.UploadAsync(exercise, "Video", TestPhotos.PhoneJpeg(300, 200), "clip.mp4", new Dictionary<string, string> { ["Video.Description"] = "A clip" });

        Assert.Contains("not a photo we can read", FieldError(await text.BodyAsync(), "Photo.File"), StringComparison.Ordinal);
        Assert.Contains("Describe what the photo shows", FieldError(await noAlt.BodyAsync(), "Photo.Alt"), StringComparison.Ordinal);
        Assert.Contains("HEIC", FieldError(await heic.BodyAsync(), "Photo.File"), StringComparison.Ordinal);
        Assert.Contains("This is a photo", FieldError(await photoAsVideo.BodyAsync(), "Video.File"), StringComparison.Ordinal);
        Assert.All([text, noAlt, heic, photoAsVideo], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0, await CountAsync(exercise));
    }

    [Fact]
    public async Task BodiesOverTheLimits_GetTheFriendly413Page_BeforeTheyAreRead()
    {
        var staff = await SignedInAsync("therapist@demo.test");
        var exercise = await ExerciseAsync("step-up");

        // 20 MB photo, 150 MB video: only the declared length is sent (the server must not need the rest).
        var photo = await staff.PostAsync($"/admin/exercises/{exercise}/media?handler=Photo", new MediaForms.DeclaredLengthContent(20L << 20), Cancel);
        var video = await staff.PostAsync($"/admin/exercises/{exercise}/media?handler=Video", new MediaForms.DeclaredLengthContent(150L << 20), Cancel);

        foreach (var response in new[] { photo, video })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var body = await response.BodyAsync();
            Assert.Contains("That file is too large", body, StringComparison.Ordinal);
            Assert.Contains("15 MB", body, StringComparison.Ordinal);
            Assert.Contains("100 MB", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Video_IsStoredAsSent_AndAnswersRangeRequestsWith206()
    {
        var staff = await SignedInAsync("therapist@demo.test");
        var exercise = await ExerciseAsync("hip-hinge");
        var video = TestPhotos.WebMHeader(3 * 1024 * 1024 / 2);

        var response = await staff.UploadAsync(exercise, "Video", video, "clip.webm", new Dictionary<string, string> { ["Video.Description"] = "The hip hinge from the side, slowly" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _site.CreateClient().GetDocumentAsync("/exercises/hip-hinge");
        var element = page.QuerySelector(".exercise-media video")!;
        Assert.Equal("none", element.GetAttribute("preload"));
        Assert.False(element.HasAttribute("autoplay"));
        var url = element.QuerySelector("source")!.GetAttribute("src")!;
        Assert.Equal("video/webm", element.QuerySelector("source")!.GetAttribute("type"));

        // A seek on a phone: a range across the 1 MB chunk boundary of the database store.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(1_048_000, 1_049_999);
        using var part = await _site.CreateClient().SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal($"bytes 1048000-1049999/{video.Length}", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(video[1_048_000..1_050_000], await part.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(video, await _site.CreateClient().GetByteArrayAsync(url, Cancel));
    }

    [Fact]
    public async Task Video_GetsAPosterFrame_WhenFfmpegIsInstalled()
    {
        var video = await FilmAsync();
        Assert.SkipWhen(video is null, "ffmpeg is not installed here: videos get no poster, which the other video test covers.");
        var staff = await SignedInAsync("therapist@demo.test");
        var exercise = await ExerciseAsync("pelvic-tilt");

        var response = await staff.UploadAsync(exercise, "Video", video!, "tilt.mp4", new Dictionary<string, string> { ["Video.Description"] = "The pelvic tilt, lying down" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _site.CreateClient().GetDocumentAsync("/exercises/pelvic-tilt");
        var element = page.QuerySelector(".exercise-media video[poster]")!;
        Assert.Equal(("640", "360"), (element.GetAttribute("width"), element.GetAttribute("height")));
        Assert.Equal("none", element.GetAttribute("preload"));
        using var poster = await _site.CreateClient().GetAsync(element.GetAttribute("poster"), Cancel);
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType!.MediaType);
        var bytes = await poster.Content.ReadAsByteArrayAsync(Cancel);
        Assert.False(TestPhotos.HasMetadata(bytes));
        using var frame = SKBitmap.Decode(bytes);
        Assert.Equal((640, 360), (frame.Width, frame.Height));
    }

    /// <summary>A real one-second MP4 made by ffmpeg (a test pattern), or null when ffmpeg is not installed.</summary>
    private static async Task<byte[]?> FilmAsync()
    {
        var folder = Directory.CreateTempSubdirectory("breakaway-film-");
        try
        {
            var output = Path.Combine(folder.FullName, "clip.mp4");
            var start = new System.Diagnostics.ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=10", "-t", "1", "-c:v", "mpeg4", "-y", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            await process.WaitForExitAsync(Cancel);
            return process.ExitCode == 0 ? await File.ReadAllBytesAsync(output, Cancel) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PatientsOwnMedium_ShowsToThatPatientAndStaffOnly()
    {
        var staff = await SignedInAsync("therapist@demo.test");
        var (exercise, slug) = await FirstProgramExerciseAsync("patient@demo.test");
        var patientId = await PatientIdAsync("patient@demo.test");

        var upload = await staff.UploadAsync(exercise, "Photo", TestPhotos.PhoneJpeg(1200, 800), "me.jpg", new Dictionary<string, string>
        {
            ["Photo.Alt"] = "You, kneeling, in the clinic",
            ["Photo.PatientId"] = patientId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Photo.InHandout"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var patient = await SignedInAsync("patient@demo.test");
        var my = await patient.GetDocumentAsync("/my");
        var img = my.QuerySelector(".media-card-photo img[alt='You, kneeling, in the clinic']")!;
        var url = img.GetAttribute("src")!;
        using (var own = await patient.GetAsync(url, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.True(own.Headers.CacheControl is { Private: true, NoCache: true, Public: false }, own.Headers.CacheControl?.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url, Cancel)).StatusCode);
        var other = await SignedInAsync("patient2@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Cancel)).StatusCode);
        using var anonymous = await _site.NoRedirects().GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        // Not on the public page, which everyone (and the cache) sees; on the patient's handout, as ticked.
        var publicPage = await _site.CreateClient().GetStringAsync($"/exercises/{slug}", Cancel);
        Assert.DoesNotContain(url, publicPage, StringComparison.Ordinal);
        var handout = await patient.GetDocumentAsync("/my/handout");
        Assert.NotNull(handout.QuerySelector("img.print-photo[alt='You, kneeling, in the clinic']"));
        Assert.Null((await other.GetDocumentAsync("/my/handout")).QuerySelector("img.print-photo"));
    }

    [Fact]
    public async Task RemovedMedium_DeletesItsStoredFiles_OnceNoOtherMediumShowsTheSameBytes()
    {
        var staff = await SignedInAsync("therapist@demo.test");
        var (squat, weighted, breathing) = (await ExerciseAsync("bodyweight-squat"), await ExerciseAsync("weighted-hip-hinge"), await ExerciseAsync("diaphragmatic-breathing"));
        var photo = TestPhotos.PhoneJpeg(1200, 900);
        var alt = new Dictionary<string, string> { ["Photo.Alt"] = "Sitting back toward the chair" };
        Assert.Equal(HttpStatusCode.Redirect, (await staff.UploadAsync(squat, "Photo", photo, "squat.jpg", alt)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.UploadAsync(weighted, "Photo", photo, "squat.jpg", alt)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.UploadAsync(breathing, "Video", TestPhotos.WebMHeader(), "breath.webm",
            new Dictionary<string, string> { ["Video.Description"] = "Breathing into the belly, from the side" })).StatusCode);
        var photoKeys = await KeysAsync(squat);
        var videoKeys = await KeysAsync(breathing);
        Assert.True(photoKeys.Count >= 4, string.Join(", ", photoKeys));
        Assert.Equal(photoKeys, await KeysAsync(weighted));
        Assert.Equal([.. photoKeys, .. videoKeys], await StoredAsync([.. photoKeys, .. videoKeys]));

        await RemoveAsync(staff, squat);

        // The same bytes still show on the other exercise: every file stays and is served.
        Assert.Equal(photoKeys, await StoredAsync(photoKeys));
        Assert.Equal(HttpStatusCode.OK, (await _site.CreateClient().GetAsync($"{MediaEndpoints.RoutePrefix}/{photoKeys[0]}", Cancel)).StatusCode);

        await RemoveAsync(staff, weighted);
        await RemoveAsync(staff, breathing);

        Assert.Empty(await StoredAsync([.. photoKeys, .. videoKeys]));
    }

    /// <summary>The store's own answer, not the endpoint's (which already refuses a key no medium shows).</summary>
    private async Task<List<string>> StoredAsync(List<string> keys)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var stored = new List<string>();
        foreach (var key in keys)
        {
            if (await store.ExistsAsync(key, Cancel))
            {
                stored.Add(key);
            }
        }

        return stored;
    }

    private async Task<List<string>> KeysAsync(int exercise)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var medium = await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Set<Medium>().SingleAsync(m => m.ExerciseId == exercise, Cancel);
        return medium.Kind == MediumKind.Video
            ? [MediaKeys.Video(medium.Hash, medium.VideoType!)]
            : [.. medium.WidthList.SelectMany(w => new[] { MediaKeys.Photo(medium.Hash, w, "webp"), MediaKeys.Photo(medium.Hash, w, "jpg") })];
    }

    private async Task RemoveAsync(HttpClient staff, int exercise)
    {
        var response = await staff.SubmitAsync($"/admin/exercises/{exercise}/media", new Dictionary<string, string>(), "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await CountAsync(exercise));
    }

    private async Task<HttpClient> SignedInAsync(string login)
    {
        var client = _site.NoRedirects();
        var response = await client.SignInAsync(login, BreakawayFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string FieldError(string html, string field) =>
        Html.Parse(html).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? string.Empty;

    private async Task<int> ExerciseAsync(string slug)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Exercises.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync(Cancel);
    }

    private async Task<int> CountAsync(int exercise)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Set<Medium>().CountAsync(m => m.ExerciseId == exercise, Cancel);
    }

    private async Task<int> PatientIdAsync(string email)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Patients.Where(p => p.User.Email == email).Select(p => p.Id).SingleAsync(Cancel);
    }

    private async Task<(int Id, string Slug)> FirstProgramExerciseAsync(string email)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BreakawayDbContext>();
        var row = await db.ProgramExercises
            .Where(e => e.Version.Program.Patient!.User.Email == email && e.Version.PublishedUtc != null)
            .OrderBy(e => e.Order)
            .Select(e => new { e.ExerciseId, e.Exercise.Slug })
            .FirstAsync(Cancel);
        return (row.ExerciseId, row.Slug);
    }
}

public sealed class FileStoreMediaUploadTests() : MediaUploadTests("Files");

public sealed class DatabaseStoreMediaUploadTests() : MediaUploadTests("Database");
