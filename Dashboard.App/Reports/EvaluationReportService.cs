using Dashboard.App.Data;
using Dashboard.App.Meetings;
using Dashboard.App.Realisations;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.App.Reports;

/// <summary>Loads what the evaluation report needs (plan, realisation, narratives, meeting decisions) and builds it.</summary>
public sealed class EvaluationReportService(Dashboard.App.Live.PlanReadModel plans, StatusEvaluator evaluator, RealisationService realisations, DecisionService decisions)
{
    /// <summary>The report of a plan year and quarter, or null when the year has no plan.</summary>
    public async Task<EvaluationReport?> BuildAsync(int year, int quarter, CancellationToken ct = default)
    {
        Quarters.Check(quarter);
        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null) return null;
        var narratives = await realisations.CurrentNarrativesAsync(year, quarter, ct);
        var decided = await decisions.ListAsync(year, quarter, ct: ct);
        return EvaluationReport.Build(snapshot, evaluator, quarter, narratives, decided);
    }

    /// <summary>The year and quarter to show when the URL leaves them out: this year's plan (else the latest), last ended quarter.</summary>
    public async Task<(int? Year, int Quarter)> ResolveAsync(int? year, int? quarter, CancellationToken ct = default)
    {
        var today = evaluator.Clock.Today;
        var chosen = year;
        if (chosen is null)
        {
            var years = await plans.YearsAsync(ct);
            chosen = years.Contains(today.Year) ? today.Year : years.Count > 0 ? years[^1] : null;
        }
        return (chosen, quarter ?? EvaluationReport.DefaultQuarter(chosen ?? today.Year, today));
    }
}
