using Breakaway.Tests.Support;
using Breakaway.Web.Articles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Breakaway.Tests.Articles;

public sealed class ArticleStoreTests : IDisposable
{
    private readonly TempContent _content = new();
    private readonly FakeLogger<ArticleStore> _logger = new();

    private ArticleStore CreateStore()
    {
        var loader = new ArticleLoader(new ArticleParser(new MarkdownRenderer(), "Team"));
        var options = Options.Create(new ArticleOptions { Path = _content.Path, ReloadDelayMilliseconds = 20 });
        return new ArticleStore(loader, options, new TestEnvironment(), _logger);
    }

    [Fact]
    public void Load_BrokenFile_IsSkippedWithOneWarningNamingFileAndReason()
    {
        _content.Add("good", TempContent.Article("Good"))
            .Add("broken", "---\ntitle: Broken\npublished: 2026-11-01\n---\nNo summary");

        using var store = CreateStore();

        Assert.Equal(["good"], store.Current.All.Select(a => a.Slug));
        var warning = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("broken.md:2: 'summary' is required", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateAndMisnamedFiles_AreSkipped()
    {
        _content.Add("good", TempContent.Article("Good"))
            .Add("Bad Name", TempContent.Article("Bad"));
        File.WriteAllText(Path.Combine(_content.TipsPath, "notes.txt"), "not an article");

        using var store = CreateStore();

        Assert.Equal(["good"], store.Current.All.Select(a => a.Slug));
        Assert.Equal(2, store.Current.Problems.Count);
    }

    [Fact]
    public async Task NewFile_AppearsWithoutRestart()
    {
        _content.Add("first", TempContent.Article("First"));
        using var store = CreateStore();
        Assert.Single(store.Current.All);

        _content.Add("second", TempContent.Article("Second", published: "2026-11-03"));

        await WaitUntil(() => store.Current.All.Count == 2);
        Assert.Equal(["second", "first"], store.Current.All.Select(a => a.Slug));
    }

    [Fact]
    public async Task EditedFile_IsReloaded_AndBreakingIt_KeepsTheOthers()
    {
        _content.Add("first", TempContent.Article("First")).Add("second", TempContent.Article("Second"));
        using var store = CreateStore();

        _content.Add("first", "---\ntitle: [unclosed\n---\n");

        await WaitUntil(() => store.Current.All.Count == 1);
        Assert.Equal("second", store.Current.All[0].Slug);
        Assert.Contains(store.Current.Problems, p => p.File.EndsWith("first.md", StringComparison.Ordinal));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // File watching is asynchronous; poll for up to ten seconds (correctness, not speed, is tested).
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "the store did not reload within ten seconds");
    }

    public void Dispose() => _content.Dispose();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Breakaway.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
