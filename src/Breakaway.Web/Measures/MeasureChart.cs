using System.Globalization;
using System.Net;
using System.Text;

namespace Breakaway.Web.Measures;

/// <summary>A server-drawn SVG line of a measure's scores on its own scale (GROC runs below zero); no script, no style attributes.</summary>
public static class MeasureChart
{
    public static string Svg(MeasureTrend trend, int width = 320, int height = 150)
    {
        const int Left = 30, Right = 10, Top = 10, Bottom = 22;
        var measure = trend.Measure;
        var points = trend.Points;
        var plotWidth = width - Left - Right;
        var plotHeight = height - Top - Bottom;
        var from = points.Count == 0 ? DateOnly.MinValue : points[0].Day;
        var to = points.Count == 0 ? from : points[^1].Day;
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        double X(DateOnly d) => points.Count == 1 ? Left + (plotWidth / 2.0) : Left + (plotWidth * (d.DayNumber - from.DayNumber) / (double)days);
        double Y(double v) => Top + (plotHeight * (1 - ((Math.Clamp(v, measure.Min, measure.Max) - measure.Min) / (measure.Max - measure.Min))));

        var id = "m" + Math.Abs(HashCode.Combine(measure.Slug, points.Count, width)).ToString(CultureInfo.InvariantCulture);
        var title = $"{measure.Name}: scores over time";
        var description = points.Count == 0 ? "No answers yet."
            : $"{points.Count} answers from {from:d MMMM} to {to:d MMMM}; the latest is {MeasureDefinition.Number(points[^1].Score)}. {(measure.HigherIsBetter ? "Higher" : "Lower")} is better.";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart measure-chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Encode(title)}</title><desc id=\"{id}-d\">{Encode(description)}</desc>");
        foreach (var tick in new[] { measure.Min, (measure.Min + measure.Max) / 2, measure.Max }.Distinct())
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{width - Right}\" y2=\"{y:0.#}\" stroke=\"#d9d6cf\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5560\">{tick}</text>");
        }

        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 6}\" font-size=\"11\" fill=\"#4a5560\">{from:d MMM}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - Right}\" y=\"{height - 6}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5560\">{to:d MMM}</text>");
        }

        if (points.Count > 1)
        {
            var path = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{X(p.Day):0.#},{Y(p.Score):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"#1d4e5f\" stroke-width=\"2.5\"/>");
        }

        foreach (var point in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(point.Day):0.#}\" cy=\"{Y(point.Score):0.#}\" r=\"4\" fill=\"#1d4e5f\"/>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
