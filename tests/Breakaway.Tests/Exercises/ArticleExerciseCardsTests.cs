using Breakaway.Tests.Support;
using Breakaway.Web.Articles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Breakaway.Tests.Exercises;

public sealed class ArticleExerciseCardsTests : IAsyncLifetime
{
    private readonly TempContent _content = new();
    private BreakawayFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _content.Add("with-cards", TempContent.Article("With cards", extra: "exercises: [locked-clamshell, no-such-move, glute-bridge]\n"));
        _factory = new BreakawayFactory().With("Articles:Path", _content.Path);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task FirstArticle_ShowsTheFourGluteExerciseCards()
    {
        using var factory = new BreakawayFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/tips/glutes-and-low-back-pain");

        var cards = page.QuerySelectorAll(".exercise-card").ToList();
        Assert.Equal(["Glute bridge", "Locked clamshell", "Quadruped fire hydrant", "Quadruped donkey kick"],
            cards.Select(c => c.QuerySelector(".card-title")!.TextContent.Trim()));
        Assert.Equal("2 sets of 10, hold 5 seconds at the top", cards[0].QuerySelector(".dose")!.TextContent);
        Assert.Equal(3, cards[0].QuerySelectorAll(".stop-box li").Length);
        Assert.All(cards, c => Assert.NotEmpty(c.QuerySelectorAll(".stop-box li")));
        Assert.Equal("/exercises/glute-bridge", cards[0].QuerySelector(".card-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task UnknownExerciseSlug_IsLeftOutWithOneWarning_AndThePageStillWorks()
    {
        var logs = new FakeLogCollector();
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<ILogger<ArticleExerciseCards>>(new FakeLogger<ArticleExerciseCards>(logs))));
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/tips/with-cards");
        await client.GetDocumentAsync("/tips/with-cards");

        Assert.Equal(["Locked clamshell", "Glute bridge"], page.QuerySelectorAll(".exercise-card .card-title").Select(c => c.TextContent.Trim()));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("no-such-move", warning.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _content.Dispose();
    }
}
