using Breakaway.Web.Infrastructure.Security;
using Breakaway.Web.Measures;

namespace Breakaway.Web.Pages.My.Measures;

/// <summary>The patient's questionnaires: those waiting today, and the trend of each in plain words, a chart and a table.</summary>
public sealed class IndexModel(MeasureService measures) : PatientPageModel
{
    public IReadOnlyList<DueMeasure> Due { get; private set; } = [];
    public IReadOnlyList<MeasureTrend> Trends { get; private set; } = [];

    /// <summary>The measure just finished, to thank the patient for it.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Due = await measures.DueAsync(PatientId, cancellationToken);
        Trends = await measures.TrendsAsync(PatientId, cancellationToken);
        Done = Trends.FirstOrDefault(t => t.Measure.Slug == done)?.Measure.ShortName;
    }
}
