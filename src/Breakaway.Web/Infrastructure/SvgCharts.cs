using System.Globalization;
using System.Net;
using System.Text;

namespace Breakaway.Web.Infrastructure;

/// <summary>
/// Small charts drawn on the server as SVG: no script, no inline style (the CSP forbids it), colours from
/// attributes, a title and description for screen readers. Pages always show the same numbers in a table too.
/// </summary>
public static class SvgCharts
{
    public sealed record Point(DateOnly Date, double Value);

    /// <summary>A line chart of values (0 to <paramref name="max"/>) over a date range.</summary>
    public static string Line(string title, string description, IReadOnlyList<Point> points, DateOnly from, DateOnly to, double max = 10, int width = 320, int height = 140)
    {
        const int Left = 28, Right = 8, Top = 8, Bottom = 22;
        var plotWidth = width - Left - Right;
        var plotHeight = height - Top - Bottom;
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        double X(DateOnly d) => Left + plotWidth * (d.DayNumber - from.DayNumber) / (double)days;
        double Y(double v) => Top + plotHeight * (1 - (Math.Clamp(v, 0, max) / max));

        var id = "c" + Math.Abs(HashCode.Combine(title, description, points.Count)).ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Encode(title)}</title><desc id=\"{id}-d\">{Encode(description)}</desc>");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{width - Right}\" y2=\"{y:0.#}\" stroke=\"#d9d6cf\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5560\">{tick:0}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 6}\" font-size=\"11\" fill=\"#4a5560\">{from:d MMM}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - Right}\" y=\"{height - 6}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5560\">{to:d MMM}</text>");
        if (points.Count > 1)
        {
            var path = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{X(p.Date):0.#},{Y(p.Value):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"#1d4e5f\" stroke-width=\"2.5\"/>");
        }

        foreach (var point in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(point.Date):0.#}\" cy=\"{Y(point.Value):0.#}\" r=\"3.5\" fill=\"#1d4e5f\"/>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One horizontal bar: done out of a target.</summary>
    public static string Progress(string title, int done, int target, int width = 320, int height = 28)
    {
        var id = "p" + Math.Abs(HashCode.Combine(title, done, target)).ToString(CultureInfo.InvariantCulture);
        var share = target == 0 ? 0 : Math.Min(1.0, done / (double)target);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"4\" width=\"{width}\" height=\"{height - 8}\" rx=\"6\" fill=\"#e8f1f3\" stroke=\"#1d4e5f\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"4\" width=\"{width * share:0.#}\" height=\"{height - 8}\" rx=\"6\" fill=\"#1d4e5f\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A small line of pain scores (0-10) for a table cell; the same numbers are printed beside it.</summary>
    public static string Sparkline(string title, IReadOnlyList<(DateOnly Date, double Pain)> points, DateOnly from, DateOnly to, int width = 120, int height = 32)
    {
        var id = "s" + Math.Abs(HashCode.Combine(title, points.Count, from)).ToString(CultureInfo.InvariantCulture);
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        double X(DateOnly d) => 2 + (width - 4) * (d.DayNumber - from.DayNumber) / (double)days;
        double Y(double v) => 2 + (height - 4) * (1 - Math.Clamp(v, 0, 10) / 10);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Encode(title)}: {string.Join(", ", points.Select(p => p.Pain.ToString("0.#", CultureInfo.InvariantCulture)))}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#f1efe9\"/>");
        var path = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{X(p.Date):0.#},{Y(p.Pain):0.#}")));
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{(points.Count == 1 ? path + " l1,0" : path)}\" fill=\"none\" stroke=\"#1d4e5f\" stroke-width=\"2\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
