using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Realisations;

/// <summary>One immutable recording of realisasi for an indicator and quarter.</summary>
/// <param name="Value">An increment (cumulative indicators) or the value at <paramref name="Date"/> (level indicators).</param>
public sealed record RealisationEntry(
    string IndicatorCode,
    int Quarter,
    DateOnly Date,
    decimal Value,
    DateTimeOffset RecordedAt,
    string RecordedBy = "",
    string? Kecamatan = null,
    string? Note = null,
    long Id = 0,
    long? CorrectsId = null);

/// <summary>A quarter's realisation: the figure to compare, and whether anything was recorded in that quarter.</summary>
/// <param name="Unevaluable">A stored value it depends on is beyond <see cref="Numbers.ValueBounds"/>: <paramref name="Value"/> is null
/// and the quarter is flagged rather than computed.</param>
public readonly record struct QuarterRealisation(decimal? Value, bool ReportedInQuarter, bool Unevaluable = false)
{
    public static readonly QuarterRealisation None = new(null, false);
}

public static class RealisationMath
{
    /// <summary>
    /// Cumulative: the sum of increments of all quarters up to and including <paramref name="quarter"/>.
    /// Level: the latest value recorded for that quarter (by date, then by recording time).
    /// </summary>
    public static QuarterRealisation ForQuarter(Aggregation aggregation, IEnumerable<RealisationEntry> entries, int quarter)
    {
        Quarters.Check(quarter);
        var list = entries as IReadOnlyCollection<RealisationEntry> ?? entries.ToList();
        var reported = list.Any(e => e.Quarter == quarter);
        if (aggregation == Aggregation.Cumulative)
        {
            var upTo = list.Where(e => e.Quarter <= quarter).ToList();
            if (upTo.Count == 0) return QuarterRealisation.None;
            return upTo.All(e => Numbers.ValueBounds.IsEvaluable(e.Value))
                ? new QuarterRealisation(upTo.Sum(e => e.Value), reported)
                : new QuarterRealisation(null, reported, Unevaluable: true);
        }

        var latest = list.Where(e => e.Quarter == quarter)
            .OrderBy(e => e.Date).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .LastOrDefault();
        if (latest is null) return QuarterRealisation.None;
        return Numbers.ValueBounds.IsEvaluable(latest.Value) ? new QuarterRealisation(latest.Value, true) : new QuarterRealisation(null, true, Unevaluable: true);
    }

    public static QuarterRealisation[] ForYear(Aggregation aggregation, IEnumerable<RealisationEntry> entries)
    {
        var list = entries.ToList();
        return Quarters.All.Select(q => ForQuarter(aggregation, list, q)).ToArray();
    }
}
