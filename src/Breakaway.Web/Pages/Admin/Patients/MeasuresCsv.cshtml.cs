using System.Globalization;
using System.Text;
using Breakaway.Web.Dashboard;
using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>A patient's outcome-measure scores as CSV, one line per completed round, with its change and MCID judgement. Audit-logged.</summary>
public sealed class MeasuresCsvModel(BreakawayDbContext db, MeasureService measures, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var trends = await measures.TrendsAsync(id, cancellationToken);
        var csv = new StringBuilder();
        csv.Append(CsvExport.Row(["measure", "due_date", "answered_utc", "score", "change_from_baseline", "mcid", "judgement"]));
        var rows = 0;
        foreach (var trend in trends)
        {
            for (var i = 0; i < trend.Points.Count; i++)
            {
                var point = trend.Points[i];
                var partial = new MeasureTrend(trend.Measure, [.. trend.Points.Take(i + 1)]);
                csv.Append(NumbersAsIs(
                [
                    trend.Measure.Slug, point.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    point.CompletedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    point.Score.ToString("0.0", CultureInfo.InvariantCulture),
                    partial.Change?.ToString("0.0", CultureInfo.InvariantCulture),
                    trend.Measure.Mcid.ToString("0.0", CultureInfo.InvariantCulture),
                    partial.Judgement switch
                    {
                        ChangeJudgement.Better => "better",
                        ChangeJudgement.Worse => "worse",
                        ChangeJudgement.NoMeaningfulChange => "no meaningful change",
                        _ => "baseline",
                    },
                ]));
                rows++;
            }
        }

        await audit.ViewedAsync(AuditActions.MeasuresExported, id, detail: $"{rows} rows");
        return File(CsvExport.Utf8(csv), "text/csv; charset=utf-8", $"patient-{id}-measures.csv");
    }

    /// <summary>
    /// A CSV row whose score columns (3-5) are written as numbers: a negative change is data, not a formula, and the
    /// apostrophe <see cref="CsvExport.Field"/> puts before a leading '-' would turn it into text in a spreadsheet. Those
    /// columns only ever hold numbers this code formatted.
    /// </summary>
    private static string NumbersAsIs(IReadOnlyList<string?> fields) =>
        string.Join(',', fields.Select((f, i) => i is >= 3 and <= 5 ? f ?? string.Empty : CsvExport.Field(f))) + "\r\n";
}
