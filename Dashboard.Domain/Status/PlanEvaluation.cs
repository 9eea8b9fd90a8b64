using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;

namespace Dashboard.Domain.Status;

/// <summary>A node's quarter roll-up: the average capaian of the indicators below it, and the worst status below it.</summary>
/// <param name="Red">Indicators below the node whose status is red in the quarter.</param>
/// <param name="Yellow">Indicators below the node whose status is yellow in the quarter.</param>
public sealed record NodeRollup(int Quarter, decimal? AverageCapaian, StatusTag Worst, int IndicatorCount, int WithCapaian, int Red = 0, int Yellow = 0)
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

/// <summary>
/// The evaluation of a whole plan at one moment: every indicator's four quarters and every node's roll-up. Immutable:
/// <see cref="With"/> re-evaluates one indicator and re-rolls only its ancestors, sharing everything else, so a live
/// read model can keep one evaluation per plan and update it per committed entry.
/// </summary>
public sealed class PlanEvaluation
{
    private readonly QuarterStatus[][] _indicators;
    private readonly Rollup[][] _sums;
    private readonly NodeRollup[][] _nodes;
    private readonly QuarterSummary?[] _summaries = new QuarterSummary?[4];

    public PlanEvaluation(Plan plan, StatusEvaluator evaluator, IEnumerable<RealisationEntry> entries)
        : this(new PlanIndex(plan), evaluator, entries)
    {
    }

    private PlanEvaluation(PlanIndex index, StatusEvaluator evaluator, IEnumerable<RealisationEntry> entries)
        : this(index, evaluator, ByOrdinal(index, entries))
    {
    }

    /// <summary>Evaluates every indicator of <paramref name="index"/>; <paramref name="entriesOf"/> gives an indicator's
    /// entries by its ordinal.</summary>
    public PlanEvaluation(PlanIndex index, StatusEvaluator evaluator, Func<int, IReadOnlyList<RealisationEntry>> entriesOf)
    {
        Index = index;
        EvaluatedOn = evaluator.Clock.Today;
        _indicators = new QuarterStatus[index.Indicators.Count][];
        for (var i = 0; i < _indicators.Length; i++) _indicators[i] = evaluator.EvaluateYear(index.Indicators[i], index.Plan.Year, entriesOf(i));
        _sums = new Rollup[index.Nodes.Count][];
        _nodes = new NodeRollup[index.Nodes.Count][];
        // Depth-first order puts every parent before its children: rolling from the end rolls children first.
        for (var n = _sums.Length - 1; n >= 0; n--) RollNode(n);
    }

    private PlanEvaluation(PlanEvaluation from, int indicator, QuarterStatus[] statuses)
    {
        Index = from.Index;
        EvaluatedOn = from.EvaluatedOn;
        _indicators = (QuarterStatus[][])from._indicators.Clone();
        _sums = (Rollup[][])from._sums.Clone();
        _nodes = (NodeRollup[][])from._nodes.Clone();
        _indicators[indicator] = statuses;
        for (var n = Index.NodeOfIndicator[indicator]; n >= 0; n = Index.Parents[n]) RollNode(n);
    }

    public Plan Plan => Index.Plan;

    public PlanIndex Index { get; }

    /// <summary>The agency's date the statuses were decided on (running quarters are pro-rated to it).</summary>
    public DateOnly EvaluatedOn { get; }

    public IReadOnlyList<QuarterStatus> For(Indicator indicator) => _indicators[Index.IndicatorOrdinal(indicator.Code)];

    public QuarterStatus For(Indicator indicator, int quarter) => _indicators[Index.IndicatorOrdinal(indicator.Code)][Quarters.Check(quarter) - 1];

    public NodeRollup For(PlanNode node, int quarter) => _nodes[Index.NodeOrdinal(node.Code)][Quarters.Check(quarter) - 1];

    /// <summary>The four roll-ups of a node; the same instance until something below the node changes.</summary>
    public IReadOnlyList<NodeRollup> For(PlanNode node) => _nodes[Index.NodeOrdinal(node.Code)];

    /// <summary>A new evaluation in which <paramref name="indicator"/> is evaluated from <paramref name="entries"/> (all of
    /// its entries) and its ancestors are rolled up again; every other indicator and node is shared with this one.</summary>
    public PlanEvaluation With(Indicator indicator, IReadOnlyList<RealisationEntry> entries, StatusEvaluator evaluator)
    {
        var ordinal = Index.IndicatorOrdinal(indicator.Code);
        return new PlanEvaluation(this, ordinal, evaluator.EvaluateYear(Index.Indicators[ordinal], Plan.Year, entries));
    }

    public QuarterSummary Summary(int quarter)
    {
        var q = Quarters.Check(quarter) - 1;
        // Shared by every screen showing this evaluation: computed once, a benign race at worst computes it twice.
        return _summaries[q] ??= Summarise(quarter, Index.Indicators);
    }

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
            Average(capaian.Sum(), capaian.Count));
    }

    /// <summary>A node's roll-up from its own indicators and its children's sums (in document order, so the first of
    /// equally bad tags wins as in a walk over the whole subtree).</summary>
    private void RollNode(int n)
    {
        var sums = new Rollup[4];
        var rollups = new NodeRollup[4];
        for (var q = 0; q < 4; q++)
        {
            var acc = new Rollup(0m, 0, 0, null, 0, 0);
            foreach (var i in Index.OwnIndicators[n]) acc = acc.Add(_indicators[i][q]);
            foreach (var c in Index.Children[n]) acc = acc.Add(_sums[c][q]);
            sums[q] = acc;
            rollups[q] = new NodeRollup(q + 1, Average(acc.Sum, acc.With), acc.Worst ?? new StatusTag(StatusKind.NoTarget, null), acc.Count, acc.With, acc.Red, acc.Yellow);
        }
        _sums[n] = sums;
        _nodes[n] = rollups;
    }

    private static Func<int, IReadOnlyList<RealisationEntry>> ByOrdinal(PlanIndex index, IEnumerable<RealisationEntry> entries)
    {
        var byIndicator = entries.ToLookup(e => e.IndicatorCode, StringComparer.Ordinal);
        return i => byIndicator[index.Indicators[i].Code].ToList();
    }

    private static decimal? Average(decimal sum, int count) =>
        count == 0 ? null : Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);

    /// <summary>Sum and count of capaian, indicator count, worst tag and red/yellow counts of a subtree in one quarter.</summary>
    private readonly record struct Rollup(decimal Sum, int With, int Count, StatusTag? Worst, int Red, int Yellow)
    {
        public Rollup Add(QuarterStatus status) => new(
            Plus(Sum, status.Capaian ?? 0m), With + (status.Capaian is null ? 0 : 1), Count + 1, Worse(Worst, status.Tag),
            Red + (status.Tag.Light == TrafficLight.Red ? 1 : 0), Yellow + (status.Tag.Light == TrafficLight.Yellow ? 1 : 0));

        public Rollup Add(Rollup child) => new(Plus(Sum, child.Sum), With + child.With, Count + child.Count,
            child.Worst is { } w ? Worse(Worst, w) : Worst, Red + child.Red, Yellow + child.Yellow);

        // Capaian near decimal's range (a huge realisation over a tiny target) saturates instead of failing the plan.
        private static decimal Plus(decimal a, decimal b)
        {
            try
            {
                return a + b;
            }
            catch (OverflowException)
            {
                return b > 0 ? decimal.MaxValue : decimal.MinValue;
            }
        }

        private static StatusTag Worse(StatusTag? current, StatusTag candidate) =>
            current is { } c && candidate.Severity <= c.Severity ? c : candidate;
    }
}
