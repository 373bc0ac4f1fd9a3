using System.Net;
using Breakaway.Tests.Support;
using Breakaway.Web.Data;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Breakaway.Tests.Patients;

public sealed class TakeItAlongTests : IAsyncLifetime
{
    private readonly BreakawayFactory _factory = new BreakawayFactory().WithDemo();
    private HttpClient _patient = null!;

    public async ValueTask InitializeAsync()
    {
        _patient = _factory.CreateClient();
        await _patient.SignInAsync("patient@demo.test", BreakawayFactory.DemoPassword);
    }

    private async Task<string> NewCalendarLink()
    {
        var response = await _patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Create']");
        return new Uri(Html.Parse(await response.BodyAsync()).QuerySelector(".invite-link a")!.GetAttribute("href")!).PathAndQuery;
    }

    [Fact]
    public async Task CalendarFeed_ParsesAndHasNeutralTitlesOnTheDueDays()
    {
        var link = await NewCalendarLink();

        var response = await _factory.CreateClient().GetAsync(link, TestContext.Current.CancellationToken);
        var calendar = Calendar.Load(await response.BodyAsync())!;

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        // Eight weeks from Wednesday 25 November, Monday to Saturday: 56 days less 8 Sundays.
        Assert.Equal(48, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.Equal("Exercise session", e.Summary));
        Assert.DoesNotContain(calendar.Events, e => e.DtStart!.Date.DayOfWeek == DayOfWeek.Sunday);
        var text = await response.BodyAsync();
        foreach (var word in new[] { "glute", "Glute", "pain", "back", "pelvic", "clamshell", "Demo Patient" })
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CalendarFeed_NewLinkRevokesTheOld_AndTurningItOffEndsIt()
    {
        var first = await NewCalendarLink();
        var second = await NewCalendarLink();
        var anonymous = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second, TestContext.Current.CancellationToken)).StatusCode);

        await _patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Revoke']");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/made-up.ics", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task CalendarFeed_StoresOnlyAHashOfTheSecret()
    {
        var link = await NewCalendarLink();
        var token = link.Split('/')[^1].Replace(".ics", string.Empty, StringComparison.Ordinal);

        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BreakawayDbContext>().Patients.Select(p => p.CalendarTokenHash).Where(h => h != null).SingleAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(token, stored);
        Assert.Equal(64, stored!.Length);
    }

    [Fact]
    public async Task Handout_HasEveryExerciseWithStopCues_AWeekGrid_AndAQrCode()
    {
        var page = await _patient.GetDocumentAsync("/my/handout");

        Assert.Equal(5, page.QuerySelectorAll(".handout-list > li").Length);
        Assert.All(page.QuerySelectorAll(".handout-list > li"), li => Assert.Contains("Stop if:", li.TextContent, StringComparison.Ordinal));
        Assert.Equal(8, page.QuerySelectorAll(".log-grid thead th").Length);
        Assert.Equal(5, page.QuerySelectorAll(".log-grid tbody tr").Length);
        Assert.NotNull(page.QuerySelector(".handout-qr img[src^='data:image/png;base64,']"));
    }

    [Fact]
    public async Task HelpPage_IsReachableFromEveryPatientPage()
    {
        foreach (var url in new[] { "/my", "/my/progress", "/my/handout", "/my/calendar" })
        {
            var page = await _patient.GetDocumentAsync(url);
            Assert.NotNull(page.QuerySelector("a[href='/my/help']"));
        }

        var help = await _patient.GetDocumentAsync("/my/help");
        Assert.NotNull(help.QuerySelector(".alarm a[href='tel:5550100142']"));
    }

    public async ValueTask DisposeAsync()
    {
        _patient.Dispose();
        await _factory.DisposeAsync();
    }
}
