using System.Text.RegularExpressions;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Pages;

/// <summary>
/// Links and redirects are generated from page names (asp-page, RedirectToPage), so a wrong one fails to resolve
/// instead of compiling into a 404. A literal form action also drops the antiforgery token, as the header's Sign
/// out once did.
/// </summary>
public sealed partial class TypedLinkTests
{
    [Fact]
    public async Task Therapist_AddsAnExercise_FromTheLibraryLink()
    {
        await using var factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");
        var client = factory.NoRedirects();
        await client.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);

        var library = await client.GetDocumentAsync("/admin/exercises");
        var add = library.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Add an exercise").GetAttribute("href")!;
        var saved = await client.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Input.Name"] = "Seated march",
            ["Input.Slug"] = "seated-march",
            ["Input.Purpose"] = "Wakes up the hip flexors without standing.",
            ["Input.StartingPosition"] = "Sit tall near the front of a firm chair, feet flat.",
            ["Input.Steps"] = "Lift one knee a hand's width.\nLower it slowly.\nSwap sides.",
            ["Input.StopCues"] = "You feel dizzy.",
        }, "main form.form");

        Assert.Equal("/admin/exercises/new", add);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Exercises.Where(e => e.Slug == "seated-march").Select(e => e.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal($"/admin/exercises/{id}", saved.Headers.Location!.OriginalString);
        var edit = await client.GetDocumentAsync(saved.Headers.Location.OriginalString);
        Assert.Equal("Saved.", edit.Text(".notice-ok"));
    }

    [Fact]
    public async Task EveryPage_LinksTheFeedFromItsHead_AndItsFooter()
    {
        await using var factory = new BreakawayFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.Equal("/tips/feed.xml", page.QuerySelector("head link[rel=alternate]")?.GetAttribute("href"));
        Assert.Equal("/tips/feed.xml", page.QuerySelectorAll("footer a").Single(a => a.TextContent.Contains("Atom feed", StringComparison.Ordinal)).GetAttribute("href"));
    }

    [Fact]
    public async Task Message_InTheAddress_IsNotShown()
    {
        await using var factory = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");
        var client = factory.NoRedirects();
        await client.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);

        var html = await (await client.GetAsync("/admin/exercises/1?message=Call+555-0100+to+verify+your+account", TestContext.Current.CancellationToken)).BodyAsync();

        Assert.DoesNotContain("555-0100", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_HaveNoHandWrittenInternalLinksOrRedirects()
    {
        var pages = Path.Combine(RepoPaths.Root, "src", "Breakaway.Web");
        var offenders = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(pages, f), Line: i + 1, Text: line)))
            .Where(l => HandWritten().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use asp-page / RedirectToPage instead of:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    /// <summary>href="/...", action="/...", formaction="/...", Redirect("/...") and Redirect($"/...").</summary>
    [GeneratedRegex("""(?:\b(?:href|action|formaction)="/)|(?:\bRedirect\(\$?"/)|(?:RedirectResult\(\$?"/)""")]
    private static partial Regex HandWritten();
}
