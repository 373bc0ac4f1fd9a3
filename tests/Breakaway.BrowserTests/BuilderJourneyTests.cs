using System.Diagnostics;
using Microsoft.Playwright;

namespace Breakaway.BrowserTests;

/// <summary>
/// Issue 20's measure of the builder: a therapist builds and tunes a 5-exercise program from an empty one for a new
/// patient and assigns it, counting the clicks and full page loads it takes; then the same build with JavaScript off
/// must give the same program (rows, doses, order).
/// </summary>
[Collection(ClinicJourneys.Name)]
public sealed class BuilderJourneyTests(AppServer server) : BrowserTest(server)
{
    // The five pelvic-floor exercises, the sets and reps the therapist types for each, in the order they are added.
    private static readonly (string Name, int Sets, int Reps)[] Plan =
    [
        ("Diaphragmatic breathing", 1, 6),
        ("Pelvic floor long holds (slow Kegels)", 3, 8),
        ("Pelvic floor quick squeezes (quick Kegels)", 2, 10),
        ("Pelvic floor squeezes sitting up", 2, 8),
        ("Pelvic floor squeezes standing", 3, 5),
    ];

    [Fact]
    public async Task Therapist_BuildsAFiveExerciseProgramFromEmpty_InFewClicks_AndTheSameWithoutJavaScript()
    {
        var watch = Stopwatch.StartNew();
        await OpenAsync(Desktop);
        var withScript = await BuildAsync(Page, javaScript: true);
        var scriptSeconds = watch.Elapsed.TotalSeconds;

        await using var noScript = await Server.NewContextAsync(new() { ViewportSize = Desktop, JavaScriptEnabled = false });
        var withoutScript = await BuildAsync(await noScript.NewPageAsync(), javaScript: false);

        var report = $"Builder journey: with JavaScript {withScript.Clicks} clicks and {withScript.Loads} full page loads ({scriptSeconds:0.0} s); " +
            $"without JavaScript {withoutScript.Clicks} clicks and {withoutScript.Loads} full page loads; {watch.Elapsed.TotalSeconds:0.0} s in all.";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppServer.ScreenshotFolder, "..", "builder-journey.txt"), report + Environment.NewLine, TestContext.Current.CancellationToken);

        Assert.True(withScript.Clicks <= 12, report);
        Assert.True(withScript.Loads <= 3, report);
        // Each row as the assigned program lists it: "name: dose" (the standing squeezes moved above the sitting ones).
        string[] expected = ["Diaphragmatic breathing: 1 set of 6", "Pelvic floor long holds (slow Kegels): 3 sets of 8",
            "Pelvic floor quick squeezes (quick Kegels): 2 sets of 10", "Pelvic floor squeezes standing: 3 sets of 5", "Pelvic floor squeezes sitting up: 2 sets of 8"];
        Assert.Equal(expected.Length, withScript.Program.Count);
        Assert.All(expected.Zip(withScript.Program), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Equal(withScript.Program, withoutScript.Program);
    }

    /// <summary>The journey, from the new patient's page to the assigned program; returns what the builder shows after assigning.</summary>
    private async Task<(int Clicks, int Loads, List<string> Program)> BuildAsync(IPage page, bool javaScript)
    {
        var clicks = 0;
        var loads = 0;
        async Task Click(ILocator target)
        {
            clicks++;
            await target.ClickAsync();
        }

        // Every library picture the browser fetches, to check below that each one really loaded.
        var pictures = new System.Collections.Concurrent.ConcurrentDictionary<string, IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/thumbnail.svg", StringComparison.Ordinal))
            {
                pictures[new Uri(response.Url).PathAndQuery] = response;
            }
        };

        // Setting up, not counted: signing in and adding the patient.
        await SignInAsync(page, "therapist@demo.test");
        await ArrivedAtAsync(page, "**/admin");
        await page.GotoAsync("/admin/patients/new");
        var name = $"Builder {(javaScript ? "Script" : "Plain")} {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByLabel("Name the patient will see").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await ArrivedAtAsync(page, "**/admin/patients/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        page.Load += (_, _) => loads++;

        // An empty program: pick it (a click on the list), type its title (a click into the field), start it.
        clicks += 2;
        await page.GetByLabel("Start from").SelectOptionAsync(new SelectOptionValue { Label = "An empty program" });
        await page.GetByLabel("Title (optional with a template)").FillAsync("Pelvic floor, first weeks");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "Start program" }));
        await ArrivedAtAsync(page, "**/admin/programs/*");
        await Assertions.Expect(page.GetByText("No exercises yet.")).ToBeVisibleAsync();
        if (javaScript)
        {
            await CheckPageAsync("builder-empty");
        }

        // The library beside the program, narrowed to the pelvic floor (without JavaScript the Find button applies it).
        clicks++;
        await page.GetByLabel("Body area").SelectOptionAsync(new SelectOptionValue { Label = "Pelvic floor" });
        if (!javaScript)
        {
            await Click(page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }));
        }

        var library = page.Locator(".library-list > li:visible");
        await Assertions.Expect(library.First).ToContainTextAsync("pelvic floor");
        Assert.DoesNotContain(await library.AllTextContentsAsync(), text => text.Contains("Glute bridge", StringComparison.Ordinal));
        await LibraryPicturesLoadAsync(library, pictures);

        // Add each one; its Sets field has focus at once, so the dose is typed straight in (Tab to Reps).
        for (var i = 0; i < Plan.Length; i++)
        {
            var (exercise, sets, reps) = Plan[i];
            await Click(page.GetByRole(AriaRole.Button, new() { Name = $"Add {exercise}", Exact = true }));
            await Assertions.Expect(page.Locator($"#Rows_{i}__Sets")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator(".library-list > li", new() { HasText = exercise }).GetByText("In program")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(sets.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(reps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Add {Plan[0].Name}", Exact = true }).CountAsync());

        // Standing squeezes before sitting ones: dragged by the handle with JavaScript, "Move up" without.
        if (javaScript)
        {
            clicks++;
            await page.Locator(".program-row").Nth(4).Locator(".drag-handle").DragToAsync(page.Locator(".program-row").Nth(3).Locator("h3"), new() { TargetPosition = new() { X = 10, Y = 2 } });
        }
        else
        {
            await Click(page.GetByRole(AriaRole.Button, new() { Name = "Move up Pelvic floor squeezes standing" }));
            // Back on the same button of the moved row, so pressing it again moves the row on.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move up Pelvic floor squeezes standing" })).ToBeFocusedAsync();
        }

        await Assertions.Expect(page.Locator("#builder-status")).ToContainTextAsync("Moved Pelvic floor squeezes standing");
        await Assertions.Expect(page.Locator(".program-row h3").Nth(3)).ToHaveTextAsync("4. Pelvic floor squeezes standing");
        Assert.Equal("3", await page.Locator("#Rows_3__Sets").InputValueAsync());
        if (javaScript)
        {
            await CheckPageAsync("builder-five");
            await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
            await CheckPageAsync("builder-five");
            await page.GetByRole(AriaRole.Link, new() { Name = "Library" }).ClickAsync();
            await Assertions.Expect(page.Locator("#library")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#program-column")).ToBeHiddenAsync();
            await CheckPageAsync("builder-five-library");
            await page.GetByRole(AriaRole.Link, new() { Name = "Program (5)" }).ClickAsync();
            await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        }

        // Not part of the count: remove with Undo, and a duplicated row removed again, leave the same five.
        var counted = (clicks, loads);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Pelvic floor long holds (slow Kegels)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#undo-button")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".program-row")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add Pelvic floor long holds (slow Kegels)", Exact = true })).ToBeVisibleAsync();
        if (javaScript)
        {
            await CheckPageAsync("builder-undo");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo removing Pelvic floor long holds (slow Kegels)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Rows_1__Sets")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".program-row h3").Nth(1)).ToHaveTextAsync("2. Pelvic floor long holds (slow Kegels)");
        Assert.Equal(("3", "8"), (await page.Locator("#Rows_1__Sets").InputValueAsync(), await page.Locator("#Rows_1__Reps").InputValueAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate Diaphragmatic breathing" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Rows_1__Sets")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".program-row h3").Nth(1)).ToHaveTextAsync("2. Diaphragmatic breathing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Diaphragmatic breathing" }).Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator(".program-row")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#builder-status")).ToContainTextAsync("Changes saved.");
        if (javaScript)
        {
            // Swapped in place: focus stays on the (new) Save changes button.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeFocusedAsync();
        }

        (clicks, loads) = counted;

        await Click(page.GetByRole(AriaRole.Button, new() { Name = "Assign to the patient" }));
        await Assertions.Expect(page.Locator(".notice-ok", new() { HasText = "Version 1 assigned" })).ToBeVisibleAsync();
        if (javaScript)
        {
            await CheckPageAsync("builder-assigned");
        }

        return (clicks, loads, [.. (await page.Locator(".program-list > li").AllTextContentsAsync()).Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))]);
    }

    /// <summary>
    /// Each shown exercise's picture (lazy, so scrolled to first) arrives as a non-empty SVG file and decodes in the
    /// browser; it is decorative (empty alt), the exercise's name being the text right beside it.
    /// </summary>
    private static async Task LibraryPicturesLoadAsync(ILocator library, System.Collections.Concurrent.ConcurrentDictionary<string, IResponse> pictures)
    {
        var count = await library.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            var item = library.Nth(i);
            var picture = item.Locator("img.library-thumb");
            var name = (await item.Locator(".library-text strong").TextContentAsync())?.Trim();
            Assert.False(string.IsNullOrEmpty(name));
            Assert.Equal(1, await picture.CountAsync());
            Assert.Equal("", await picture.GetAttributeAsync("alt"));
            Assert.Null(await picture.GetAttributeAsync("aria-hidden"));

            await picture.ScrollIntoViewIfNeededAsync();
            Assert.True(await picture.EvaluateAsync<bool>("img => img.decode().then(() => img.complete, () => false)"), $"the picture of {name} does not decode");
            var src = (await picture.GetAttributeAsync("src"))!;
            Assert.True(pictures.TryGetValue(src, out var response), $"the browser never fetched {src} ({name})");
            Assert.Equal(200, response.Status);
            Assert.StartsWith("image/svg+xml", response.Headers["content-type"], StringComparison.Ordinal);
            var body = await response.BodyAsync();
            Assert.True(body.Length > 200, $"{src} has {body.Length} bytes");
            Assert.StartsWith("<svg", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }
    }
}
