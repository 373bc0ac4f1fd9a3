using System.Text.RegularExpressions;
using Breakaway.Testing;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>
/// A therapist adds the clinic's own photo (straight off a phone, GPS in its EXIF) and video to an exercise, after the
/// usual mistakes; then a visitor and the patient see them. Large files are sparse (no disk written): the page refuses
/// them by size before sending a byte, and the server's own 413 is covered in MediaUploadTests.
/// </summary>
[Collection(ReaderJourneys.Name)]
public sealed partial class MediaJourneyTests(AppServer server) : BrowserTest(server)
{
    [GeneratedRegex("/admin/exercises/\\d+/media(\\?.*)?$")]
    private static partial Regex MediaPage();

    [Fact]
    public async Task Therapist_UploadsAPhoneVideoAndPhoto_ThePatientSeesThem()
    {
        var folder = Directory.CreateTempSubdirectory("breakaway-media-journey-");
        try
        {
            await OpenAsync(Desktop);
            await SignInAsync(Page, "therapist@demo.test");
            await ArrivedAtAsync(Page, "**/admin");
            await Page.GotoAsync("/admin/exercises");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Locked clamshell", Exact = true }).ClickAsync();
            await ArrivedAtAsync(Page, "**/admin/exercises/*");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Photos and videos of this exercise" }).ClickAsync();
            await ArrivedAtAsync(Page, MediaPage());
            await CheckPageAsync("media-empty");

            // A text file renamed .jpg: the server looks at the content and says so at the field.
            var photoField = Page.GetByLabel("Photo (JPEG, PNG or WebP");
            await photoField.SetInputFilesAsync(new FilePayload { Name = "exercise.jpg", MimeType = "image/jpeg", Buffer = "Bridge: 2 sets of 10\n"u8.ToArray() });
            await Page.GetByLabel("What the photo shows").FillAsync("Lying on the side, knees bent, top knee lifted");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Upload photo" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-valmsg-for='Photo.File']")).ToContainTextAsync("not a photo we can read");
            await CheckPageAsync("media-refused");

            // A 20 MB photo and a 150 MB video: refused at the field, nothing sent.
            var bigPhoto = Sparse(folder, "big.jpg", 20L << 20);
            await photoField.SetInputFilesAsync(bigPhoto);
            await Assertions.Expect(Page.Locator("[data-valmsg-for='Photo.File']")).ToContainTextAsync("the limit is 15 MB");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Upload photo" }).ClickAsync();
            Assert.Matches(MediaPage(), Page.Url);
            var videoField = Page.GetByLabel("Video (MP4 or WebM");
            await videoField.SetInputFilesAsync(Sparse(folder, "long.mp4", 150L << 20));
            await Assertions.Expect(Page.Locator("[data-valmsg-for='Video.File']")).ToContainTextAsync("the limit is 100 MB");

            // The real photo, from a phone, for the handout too; first without saying what it shows. The page says so
            // at the field before sending, so the chosen file is still there to send once the words are in.
            await photoField.SetInputFilesAsync(new FilePayload { Name = "IMG_2041.JPG", MimeType = "image/jpeg", Buffer = TestPhotos.PhoneJpeg() });
            await Page.GetByLabel("What the photo shows").FillAsync("");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Upload photo" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-valmsg-for='Photo.Alt']")).ToContainTextAsync("Describe what the photo shows");
            await Assertions.Expect(Page.GetByLabel("What the photo shows")).ToBeFocusedAsync();
            Assert.Matches(MediaPage(), Page.Url);
            Assert.Equal(1, await photoField.EvaluateAsync<int>("input => input.files.length"));
            await Page.GetByLabel("What the photo shows").FillAsync("Lying on the side, knees bent, top knee lifted");
            await Page.GetByLabel("Include photos").CheckAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Upload photo" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".notice-ok")).ToHaveTextAsync("Photo added.");

            // A short clip, recorded by the browser itself (a canvas filmed for a second and a half).
            // On a loaded machine the recorder now and then hands back an empty clip (the server then rightly says
            // "Choose a video to upload"): recorded again, up to three times, so the test is about the upload.
            var clip = Convert.FromBase64String(await Page.EvaluateAsync<string>(RecordClip));
            for (var attempt = 1; attempt < 3 && clip.Length < 1024; attempt++)
            {
                clip = Convert.FromBase64String(await Page.EvaluateAsync<string>(RecordClip));
            }

            Assert.True(clip.Length >= 1024, $"the browser recorded a clip of {clip.Length} bytes");
            await videoField.SetInputFilesAsync(new FilePayload { Name = "clamshell.webm", MimeType = "video/webm", Buffer = clip });
            await Page.GetByLabel("What the video shows").FillAsync("The locked clamshell from the front, slowly");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Upload video" }).ClickAsync();
            await Assertions.Expect(Page.Locator(".notice-ok")).ToHaveTextAsync("Video added.");
            await CheckPageAsync("media-added");

            // A visitor on a phone: the photo, without EXIF; the video plays and seeks.
            await using var visitor = await Server.NewContextAsync(new() { ViewportSize = Phone });
            Page = await visitor.NewPageAsync();
            await Page.GotoAsync("/exercises/locked-clamshell");
            var photo = Page.Locator(".exercise-media img");
            await Assertions.Expect(photo).ToHaveAttributeAsync("alt", "Lying on the side, knees bent, top knee lifted");
            var served = await photo.EvaluateAsync<string>("img => img.currentSrc");
            var bytes = await (await Page.APIRequest.GetAsync(served)).BodyAsync();
            Assert.False(TestPhotos.HasMetadata(bytes), $"{served} carries EXIF");
            await CheckPageAsync("exercise-with-media");

            var video = Page.Locator(".exercise-media video");
            await Assertions.Expect(video).ToHaveAttributeAsync("preload", "none");
            var source = await video.Locator("source").GetAttributeAsync("src");
            var range = await Page.APIRequest.GetAsync(source!, new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=100-199" } });
            Assert.Equal(206, range.Status);
            Assert.Equal(100, (await range.BodyAsync()).Length);
            Assert.True(await video.EvaluateAsync<bool>(PlayAndSeek), "the video played and seeked");

            await Page.GotoAsync("/exercises");
            await Assertions.Expect(Page.Locator(".card-list .media-thumb img")).ToHaveCountAsync(1);
            await CheckPageAsync("exercises-with-thumbnail");

            // The patient: the photo on today's card, the video on demand; the ticked photo on the handout.
            await using var patient = await Server.NewContextAsync(new() { ViewportSize = Phone });
            Page = await patient.NewPageAsync();
            await SignInAsync(Page, "patient@demo.test");
            await ArrivedAtAsync(Page, "**/my");
            var card = Page.Locator(".exercise-card", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Locked clamshell" }) });
            await Assertions.Expect(card.Locator(".media-card-photo img")).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator("video")).Not.ToBeVisibleAsync();
            await card.GetByText("Watch the video").ClickAsync();
            await Assertions.Expect(card.Locator("video")).ToBeVisibleAsync();
            await CheckPageAsync("my-with-media");
            await Page.GotoAsync("/my/handout");
            await Assertions.Expect(Page.Locator("img.print-photo")).ToHaveCountAsync(1);
            await CheckPageAsync("handout-with-photo");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A file of that size that takes no disk space (its bytes were never written).</summary>
    private static string Sparse(DirectoryInfo folder, string name, long length)
    {
        var path = Path.Combine(folder.FullName, name);
        using var file = File.Create(path);
        file.SetLength(length);
        return path;
    }

    private const string RecordClip = """
        async () => {
            const canvas = document.createElement('canvas');
            canvas.width = 320; canvas.height = 180;
            const g = canvas.getContext('2d');
            const stream = canvas.captureStream(25);
            const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
            const parts = [];
            recorder.ondataavailable = e => parts.push(e.data);
            const done = new Promise(resolve => recorder.onstop = resolve);
            recorder.start(100);
            const start = performance.now();
            await new Promise(resolve => {
                const draw = () => {
                    const t = performance.now() - start;
                    g.fillStyle = '#1d4e5f'; g.fillRect(0, 0, 320, 180);
                    g.fillStyle = '#fff'; g.fillRect(20 + (t / 10) % 260, 70, 40, 40);
                    if (t < 1500) { requestAnimationFrame(draw); } else { resolve(); }
                };
                draw();
            });
            recorder.stop();
            await done;
            const buffer = await new Blob(parts, { type: 'video/webm' }).arrayBuffer();
            let text = '';
            new Uint8Array(buffer).forEach(b => text += String.fromCharCode(b));
            return btoa(text);
        }
        """;

    private const string PlayAndSeek = """
        async video => {
            video.muted = true;
            await video.play();
            await new Promise(resolve => setTimeout(resolve, 300));
            const played = video.currentTime > 0;
            video.pause();
            await new Promise(resolve => { video.addEventListener('seeked', resolve, { once: true }); video.currentTime = 0.2; });
            return played && Math.abs(video.currentTime - 0.2) < 0.15;
        }
        """;
}
