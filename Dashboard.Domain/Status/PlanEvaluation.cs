using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;

namespace Dashboard.Domain.Status;

/// <summary>A node's quarter roll-up: the average capaian of the indicators below it, and the worst status below it.</summary>
public sealed record NodeRollup(int Quarter, decimal? AverageCapaian, StatusTag Worst, int IndicatorCount, int WithCapaian)
{
    public Band? AverageBand => AverageCapaian is { } c ? Bands.Of(c) : null;
}

/// <summary>Summary of one quarter over a set of indicators: counts per band and reporting share.</summary>
public sealed record QuarterSummary(int Quarter, IReadOnlyDictionary<Band, int> PerBand, int Total, int Due, int Reported,
    int NotReported, int NoTarget, int NotDue, int Warnings, decimal? AverageCapaian)
{
    /// <summary>Share of due indicators with something recorded for the quarter, in percent.</summary>
    public decimal? ReportedShare => Due == 0 ? null : Math.Round(Reported * 100m / Due, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The evaluation of a whole plan at one moment: every indicator's four quarters and every node's roll-up.</summary>
public sealed class PlanEvaluation
{
    private readonly Dictionary<string, QuarterStatus[]> _indicators;
    private readonly Dictionary<string, NodeRollup[]> _nodes = new(StringComparer.Ordinal);

    public PlanEvaluation(Plan plan, StatusEvaluator evaluator, IEnumerable<RealisationEntry> entries)
    {
        Plan = plan;
        var byIndicator = entries.ToLookup(e => e.IndicatorCode, StringComparer.Ordinal);
        _indicators = plan.AllIndicators().ToDictionary(
            i => i.Code,
            i => evaluator.EvaluateYear(i, plan.Year, byIndicator[i.Code]),
            StringComparer.Ordinal);
        foreach (var root in plan.Roots) Roll(root);
    }

    public Plan Plan { get; }

    public IReadOnlyList<QuarterStatus> For(Indicator indicator) => _indicators[indicator.Code];

    public QuarterStatus For(Indicator indicator, int quarter) => _indicators[indicator.Code][Quarters.Check(quarter) - 1];

    public NodeRollup For(PlanNode node, int quarter) => _nodes[node.Code][Quarters.Check(quarter) - 1];

    public QuarterSummary Summary(int quarter) => Summarise(quarter, Plan.AllIndicators());

    public QuarterSummary Summarise(int quarter, IEnumerable<Indicator> indicators)
    {
        var statuses = indicators.Select(i => For(i, quarter)).ToList();
        var perBand = Enum.GetValues<Band>().ToDictionary(b => b, b => statuses.Count(s => s.Band == b));
        var due = statuses.Where(s => s.Kind is not StatusKind.NotDue and not StatusKind.NoTarget).ToList();
        var capaian = statuses.Where(s => s.Capaian is not null).Select(s => s.Capaian!.Value).ToList();
        return new QuarterSummary(
            quarter,
            perBand,
            statuses.Count,
            due.Count,
            due.Count(s => s.Reported),
            statuses.Count(s => s.Kind == StatusKind.NotReported),
            statuses.Count(s => s.Kind == StatusKind.NoTarget),
            statuses.Count(s => s.Kind == StatusKind.NotDue),
            statuses.Count(s => s.Warning),
            Average(capaian));
    }

    private NodeRollup[] Roll(PlanNode node)
    {
        foreach (var child in node.Children) Roll(child);
        var indicators = node.SubtreeIndicators().ToList();
        var rollups = Quarters.All.Select(q =>
        {
            var statuses = indicators.Select(i => For(i, q)).ToList();
            var capaian = statuses.Where(s => s.Capaian is not null).Select(s => s.Capaian!.Value).ToList();
            return new NodeRollup(q, Average(capaian), StatusTag.Worst(statuses.Select(s => s.Tag)), statuses.Count, capaian.Count);
        }).ToArray();
        _nodes[node.Code] = rollups;
        return rollups;
    }

    private static decimal? Average(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0) return null;
        decimal mean;
        try
        {
            mean = values.Sum() / values.Count;
        }
        catch (OverflowException)
        {
            // Capaian near decimal's range (a huge realisation over a tiny target): average the shares instead of the sum.
            mean = values.Sum(v => v / values.Count);
        }
        return Math.Round(mean, 2, MidpointRounding.AwayFromZero);
    }
}
