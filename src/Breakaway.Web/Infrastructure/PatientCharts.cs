using System.Globalization;
using System.Net;
using System.Text;
using Breakaway.Web.Sessions;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// The patient page's two charts, drawn on the server as SVG sized to be read at 1280 wide: adherence week by week
/// (bars) and pain per exercise on one shared 0-10 axis (lines). Colours come from classes in site.css (the CSP
/// forbids inline style), so the page's checkboxes can hide a line with CSS alone, without JavaScript.
/// </summary>
public static class PatientCharts
{
    /// <summary>Series beyond this share the last colour and checkbox; programs rarely hold more exercises.</summary>
    public const int MaxSeries = 8;

    /// <summary>One Monday-Sunday week: sessions prescribed and done, as <see cref="Adherence.Compute"/> counts them.</summary>
    public sealed record Week(DateOnly Monday, int Prescribed, int Completed, int? Percent);

    /// <summary>One line of the pain chart: an exercise (or the whole session's answer) and its worst pain per day.</summary>
    public sealed record Series(int Index, string Name, IReadOnlyList<SvgCharts.Point> Points);

    public static IReadOnlyList<Week> WeeksOf(IReadOnlyList<ScheduleSpan> spans, IReadOnlySet<DateOnly> sessionDays, DateOnly firstMonday, int weeks, DateOnly today) =>
        [.. Enumerable.Range(0, weeks).Select(i =>
        {
            var monday = firstMonday.AddDays(7 * i);
            var end = monday.AddDays(6) < today ? monday.AddDays(6) : today;
            var result = Adherence.Compute(spans, sessionDays, monday, end, today);
            return new Week(monday, result.Prescribed, result.Completed, result.Percent);
        })];

    /// <summary>The worst pain per day for each exercise, and the short log's one answer as "Whole session".</summary>
    public static IReadOnlyList<Series> PainByExercise(IEnumerable<(DateOnly Date, int? SessionPain, IEnumerable<(string Name, int? Pain)> Exercises)> sessions)
    {
        var points = new List<(string Name, DateOnly Date, int Pain)>();
        foreach (var (date, sessionPain, exercises) in sessions)
        {
            if (sessionPain is { } whole)
            {
                points.Add(("Whole session", date, whole));
            }

            points.AddRange(exercises.Where(e => e.Pain is not null).Select(e => (e.Name, date, e.Pain!.Value)));
        }

        return [.. points.GroupBy(p => p.Name).OrderBy(g => g.Key == "Whole session" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => new Series(Math.Min(i, MaxSeries - 1), g.Key,
                [.. g.GroupBy(p => p.Date).OrderBy(d => d.Key).Select(d => new SvgCharts.Point(d.Key, d.Max(p => p.Pain)))]))];
    }

    private const int Width = 470, Height = 230, Left = 40, Right = 12, Top = 16, Bottom = 40;

    /// <summary>Bars of adherence per week, 0-100 %, the percentage written above each bar.</summary>
    public static string AdherenceBars(IReadOnlyList<Week> weeks)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(double percent) => Top + (plotHeight * (1 - (Math.Clamp(percent, 0, 100) / 100)));
        var slot = plotWidth / (double)Math.Max(1, weeks.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart chart-wide\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"adherence-chart-t adherence-chart-d\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"adherence-chart-t\">Adherence week by week</title><desc id=\"adherence-chart-d\">{Encode(string.Join(", ", weeks.Select(w => $"week of {w.Monday:d MMM}: {(w.Percent is { } p ? $"{p}%" : "nothing prescribed")}")))}</desc>");
        Grid(svg, [0, 50, 100], v => Y(v), v => $"{v:0}%");
        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var x = Left + (slot * i) + (slot * 0.15);
            var w = slot * 0.7;
            if (week.Percent is { } percent)
            {
                var y = Y(percent);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar{(percent < 50 ? " bar-low" : "")}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{Top + plotHeight - y:0.#}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (w / 2):0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2a33\">{percent}%</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (w / 2):0.#}\" y=\"{Top + plotHeight - 4:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5560\">–</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (w / 2):0.#}\" y=\"{Height - 22}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5560\">{week.Monday:d MMM}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 4}\" font-size=\"12\" fill=\"#4a5560\">Weeks starting Monday</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One line per series on a shared 0-10 axis from <paramref name="from"/> to <paramref name="to"/>; each line carries its series class.</summary>
    public static string PainLines(IReadOnlyList<Series> series, DateOnly from, DateOnly to)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        double X(DateOnly d) => Left + (plotWidth * (d.DayNumber - from.DayNumber) / (double)days);
        double Y(double v) => Top + (plotHeight * (1 - (Math.Clamp(v, 0, 10) / 10)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart chart-wide\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"pain-chart-t pain-chart-d\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"pain-chart-t\">Pain 0 to 10 per exercise</title><desc id=\"pain-chart-d\">{Encode(string.Join("; ", series.Select(s => $"{s.Name}: latest {s.Points[^1].Value:0} on {s.Points[^1].Date:d MMM}")))}</desc>");
        Grid(svg, [0, 5, 10], v => Y(v), v => $"{v:0}");
        for (var d = from; d <= to; d = d.AddDays(7))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(d):0.#}\" y=\"{Height - 22}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5560\">{d:d MMM}</text>");
        }

        foreach (var line in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series series-{line.Index}\">");
            if (line.Points.Count > 1)
            {
                var path = string.Join(' ', line.Points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{X(p.Date):0.#},{Y(p.Value):0.#}")));
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke-width=\"2.5\"/>");
            }

            foreach (var point in line.Points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(point.Date):0.#}\" cy=\"{Y(point.Value):0.#}\" r=\"3.5\"/>");
            }

            svg.Append("</g>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 4}\" font-size=\"12\" fill=\"#4a5560\">Worst pain each day</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Grid(StringBuilder svg, double[] ticks, Func<double, double> y, Func<double, string> label)
    {
        foreach (var tick in ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y(tick):0.#}\" x2=\"{Width - Right}\" y2=\"{y(tick):0.#}\" stroke=\"#d9d6cf\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#4a5560\">{label(tick)}</text>");
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
