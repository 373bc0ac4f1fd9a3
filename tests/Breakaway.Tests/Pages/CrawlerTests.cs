using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Pages;

/// <summary>
/// The safety net for "a link to a 404" and "a form that answers 400": for each role, start from the pages in the
/// navigation, follow every same-site link (bounded, one or a few per route pattern) and submit every form whose effect
/// is harmless or can be undone, with the values the page itself rendered, as a browser would. Sign-out is pressed
/// last, from the page header.
/// </summary>
public sealed class CrawlerTests
{
    public static TheoryData<string> Roles => ["anonymous", "patient", "therapist", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryLinkAndForm_AsEachRole_AnswersWithoutErrors(string role)
    {
        await using var factory = new BreakawayFactory().WithDemo()
            .With("Security:RequireStaffMfa", "false")
            .With("Demo:HistoryPatients", "2");
        var client = factory.NoRedirects();
        if (role != "anonymous")
        {
            var signedIn = await client.SignInAsync($"{(role == "patient" ? "patient" : role)}@demo.test", BreakawayFactory.DemoPassword);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        if (role == "patient")
        {
            // Today's session, so the saved-session page and its forms are reachable too.
            var page = await client.GetDocumentAsync("/my");
            var pains = page.QuerySelectorAll("form.session-form select[name$='.Pain']").Select(s => s.GetAttribute("name")!);
            var saved = await client.SubmitAsync(page, pains.ToDictionary(name => name, _ => "2"), "form.session-form", "/my");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        var crawler = new Crawler(client);
        await crawler.CrawlAsync("/");

        var report = $"Crawler as {role}: {crawler.PagesVisited} pages, {crawler.FormsSubmitted} forms submitted, {crawler.FormsSkipped} forms skipped as not undoable";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        foreach (var line in crawler.Log)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        await Crawler.ReportAsync(report);
        Assert.True(crawler.Failures.Count == 0, report + Environment.NewLine + string.Join(Environment.NewLine, crawler.Failures));
        Assert.True(crawler.PagesVisited >= (role == "anonymous" ? 8 : 12), report);
        Assert.True(crawler.FormsSubmitted >= 1, report);

        if (role != "anonymous")
        {
            // The header's own Sign out form, from the last page the crawler saw, ends the session.
            Assert.True(crawler.SignOutForm is not null, "No Sign out form in the page header");
            var (formPage, formUrl) = crawler.SignOutForm.Value;
            var signedOut = await client.SubmitAsync(formPage, new Dictionary<string, string>(), "header form[action$='/account/sign-out']", formUrl);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);
            var after = await client.GetAsync(role == "patient" ? "/my" : "/admin", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/sign-in", new Uri(new Uri("http://localhost"), after.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
        }
    }

    private sealed class Crawler(HttpClient client)
    {
        private const int MaxRequests = 600;
        private const int PerParent = 8;

        /// <summary>Buttons whose effect cannot be undone by the crawler, by their words; everything else is submitted.</summary>
        private static readonly string[] NotUndoable = ["delete", "remove", "disable", "archive", "revoke", "sign out", "stop", "new link", "invite", "acknowledge", "publish", "assign", "restore"];

        private static readonly string[] RequiredHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"];

        private readonly Queue<string> _queue = new();
        private readonly HashSet<string> _seenKeys = [];
        private readonly Dictionary<string, HashSet<string>> _parents = [];
        private readonly HashSet<string> _formKeys = [];
        private int _requests;

        public List<string> Failures { get; } = [];
        public List<string> Log { get; } = [];
        public int PagesVisited { get; private set; }
        public int FormsSubmitted { get; private set; }
        public int FormsSkipped { get; private set; }
        public (IDocument Page, string Url)? SignOutForm { get; private set; }

        public async Task CrawlAsync(string start)
        {
            Enqueue(start);
            while (_queue.Count > 0 && _requests < MaxRequests)
            {
                var url = _queue.Dequeue();
                var response = await SendAsync(HttpMethod.Get, url, null, url);
                PagesVisited++;
                if (response is not null)
                {
                    await ReadAsync(url, response);
                }
            }
        }

        public static async Task ReportAsync(string line)
        {
            var folder = Path.Combine(RepoPaths.Root, "artifacts");
            Directory.CreateDirectory(folder);
            await File.AppendAllTextAsync(Path.Combine(folder, "crawler-report.txt"), line + Environment.NewLine, TestContext.Current.CancellationToken);
        }

        private async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string url, HttpContent? content, string from)
        {
            _requests++;
            using var request = new HttpRequestMessage(method, url) { Content = content };
            var what = $"{method} {url} (from {from})";
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The in-memory server rethrows what the app's own error handling could not turn into a page.
                Failures.Add($"{what} failed inside the app: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                return null;
            }

            var status = (int)response.StatusCode;
            Log.Add($"{status} {method} {url}");
            if (status >= 400)
            {
                Failures.Add($"{what} answered {status}");
                return null;
            }

            var missing = RequiredHeaders.Where(h => !response.Headers.Contains(h) && !response.Content.Headers.Contains(h)).ToList();
            if (missing.Count > 0)
            {
                Failures.Add($"{what} lacks {string.Join(", ", missing)}");
            }

            if (status is >= 300 and < 400)
            {
                var location = response.Headers.Location;
                if (location is null)
                {
                    Failures.Add($"{what} redirected without a Location");
                }
                else if (Local(location.OriginalString, url) is { } next)
                {
                    Enqueue(next);
                }

                return null;
            }

            return response;
        }

        private async Task ReadAsync(string url, HttpResponseMessage response)
        {
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return;
            }

            var document = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                if (Local(link.GetAttribute("href")!, url) is { } next)
                {
                    Enqueue(next);
                }
            }

            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                await SubmitAsync(document, form, url);
            }
        }

        private async Task SubmitAsync(IDocument document, IHtmlFormElement form, string pageUrl)
        {
            var buttons = form.QuerySelectorAll("button, input[type=submit]").Where(b => (b.GetAttribute("type") ?? "submit") == "submit").ToList();
            if (buttons.Count == 0)
            {
                buttons = [form]; // Submitted with Enter.
            }

            foreach (var button in buttons)
            {
                var action = button.GetAttribute("formaction") ?? form.GetAttribute("action");
                var target = Local(string.IsNullOrEmpty(action) ? pageUrl : action, pageUrl);
                var method = (button.GetAttribute("formmethod") ?? form.GetAttribute("method") ?? "get").ToUpperInvariant();
                if (target is null)
                {
                    continue;
                }

                var words = (button.TextContent + " " + button.GetAttribute("value") + " " + button.GetAttribute("aria-label") + " " + target).ToLowerInvariant();
                if (target.StartsWith("/account/sign-out", StringComparison.Ordinal))
                {
                    if (form.Closest("header") is not null)
                    {
                        SignOutForm = (document, pageUrl);
                    }

                    continue;
                }

                var key = $"{method} {Key(target)} {button.GetAttribute("name")}";
                if (!_formKeys.Add(key))
                {
                    continue;
                }

                if (method == "POST" && NotUndoable.Any(w => words.Contains(w, StringComparison.Ordinal)))
                {
                    FormsSkipped++;
                    Log.Add($"skipped {key} ({button.TextContent.Trim()})");
                    continue;
                }

                var fields = Forms.Fields(form, new Dictionary<string, string>());
                if (button.GetAttribute("name") is { Length: > 0 } name)
                {
                    fields.Add(new(name, button.GetAttribute("value") ?? string.Empty));
                }

                FormsSubmitted++;
                HttpResponseMessage? response;
                if (method == "POST")
                {
                    response = await SendAsync(HttpMethod.Post, target, new FormUrlEncodedContent(fields), pageUrl);
                }
                else
                {
                    var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
                    var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    response = await SendAsync(HttpMethod.Get, query.Length == 0 ? target : target + separator + query, null, pageUrl);
                }

                if (response is not null && method == "GET")
                {
                    await ReadAsync(target, response);
                }
            }
        }

        private void Enqueue(string url)
        {
            var key = Key(url);
            if (!_seenKeys.Add(key))
            {
                return;
            }

            // Many articles, exercises or patients: a few of each kind are enough to prove the route.
            var path = url.Split('?', '#')[0];
            var parent = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path;
            var siblings = _parents.TryGetValue(parent, out var set) ? set : _parents[parent] = [];
            if (parent.Length > 0 && siblings.Count >= PerParent && !siblings.Contains(key))
            {
                return;
            }

            siblings.Add(key);
            _queue.Enqueue(url);
        }

        /// <summary>Numbers and tokens stand for any value; query values do not count, their names do.</summary>
        private static string Key(string url)
        {
            var parts = url.Split('#')[0].Split('?', 2);
            var segments = parts[0].Split('/').Select(s => s.All(char.IsDigit) && s.Length > 0 ? "{n}" : s.Length >= 20 ? "{token}" : s);
            var query = parts.Length > 1
                ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Where(n => n.Length > 0).Order(StringComparer.Ordinal))
                : string.Empty;
            return string.Join('/', segments) + (query.Length > 0 ? "?" + query : string.Empty);
        }

        /// <summary>The path and query of a same-site address, or null for other sites, mail, phone and data links.</summary>
        private static string? Local(string href, string from)
        {
            var baseUri = new Uri(new Uri("http://localhost"), from);
            if (!Uri.TryCreate(baseUri, href, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host != "localhost")
            {
                return null;
            }

            return uri.PathAndQuery;
        }
    }
}
