namespace Dashboard.Domain.Plans;

/// <summary>Indikator kinerja: a measurable indicator with an annual and four cumulative quarterly targets.</summary>
public sealed class Indicator
{
    public Indicator(string code, string name, string unit, decimal annualTarget, IReadOnlyList<decimal> quarterTargets,
        Polarity polarity = Polarity.Positive, Aggregation? aggregation = null, string? remark = null)
        : this(code, name, unit, annualTarget, quarterTargets.Select(t => (decimal?)t).ToArray(), polarity, aggregation, remark)
    {
    }

    /// <param name="quarterTargets">TW I-IV; null where the plan sets no target for that quarter (a Renstra/IKU matrix
    /// with annual targets only). Null is not 0: a 0 target is a target.</param>
    public Indicator(string code, string name, string unit, decimal annualTarget, IReadOnlyList<decimal?> quarterTargets,
        Polarity polarity = Polarity.Positive, Aggregation? aggregation = null, string? remark = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (quarterTargets.Count != 4) throw new ArgumentException("Harus ada tepat empat target triwulan.", nameof(quarterTargets));
        if (annualTarget < 0 || quarterTargets.Any(t => t is < 0)) throw new ArgumentException("Target tidak boleh negatif.", nameof(quarterTargets));
        Code = code;
        Name = name;
        Unit = unit;
        AnnualTarget = annualTarget;
        QuarterTargets = quarterTargets.ToArray();
        Polarity = polarity;
        Aggregation = aggregation ?? Units.DefaultAggregation(unit);
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark;
    }

    public string Code { get; }
    public string Name { get; }
    /// <summary>Satuan, as written in the plan.</summary>
    public string Unit { get; }
    public decimal AnnualTarget { get; }
    /// <summary>Cumulative targets TW I-IV: what should be reached by the end of each quarter; null where the plan
    /// sets none (blank in the document, not 0).</summary>
    public IReadOnlyList<decimal?> QuarterTargets { get; }

    /// <summary>True when every quarter is blank: a plan with an annual target only.</summary>
    public bool IsAnnualOnly => QuarterTargets.All(t => t is null);
    public Polarity Polarity { get; }
    public Aggregation Aggregation { get; }
    /// <summary>Keterangan.</summary>
    public string? Remark { get; }
    public PlanNode? Node { get; internal set; }

    /// <summary>The quarter's cumulative target; null when the plan sets none for that quarter.</summary>
    public decimal? TargetFor(int quarter) => QuarterTargets[Quarters.Check(quarter) - 1];

    public bool HasQuarterTarget(int quarter) => TargetFor(quarter) is not null;

    /// <summary>This indicator's code and the codes of its node and every ancestor: the rows a change to it affects.</summary>
    public IEnumerable<string> AffectedCodes()
    {
        yield return Code;
        for (var node = Node; node is not null; node = node.Parent) yield return node.Code;
    }
}

/// <summary>Whether higher (positive) or lower (negative) realisation is better.</summary>
public enum Polarity
{
    Positive,
    Negative,
}

/// <summary>How recorded values combine into a quarter's realisation.</summary>
public enum Aggregation
{
    /// <summary>Counts: increments are summed up to the quarter's end.</summary>
    Cumulative,
    /// <summary>Percentages, scores: the latest value recorded for the quarter.</summary>
    Level,
}
