namespace Dashboard.Domain.Status;

/// <summary>The evaluation of one indicator in one quarter.</summary>
/// <param name="Target">The quarter's cumulative target as planned.</param>
/// <param name="ComparedTarget">The target the capaian is computed against: pro-rated to today while in progress.</param>
/// <param name="Capaian">Achievement against <paramref name="ComparedTarget"/>, in percent, rounded to 2 decimals.</param>
/// <param name="AnnualProgress">Achievement against the annual target, in percent.</param>
/// <param name="ProRataShare">While in progress: the share of the quarter elapsed (0..1).</param>
public sealed record QuarterStatus(
    int Quarter,
    decimal Target,
    decimal ComparedTarget,
    decimal? Realisation,
    decimal? Capaian,
    decimal? AnnualProgress,
    StatusTag Tag,
    bool Warning,
    string Formula,
    decimal? ProRataShare = null)
{
    /// <summary>Something was recorded for this very quarter (a carried cumulative total does not count).</summary>
    public bool Reported { get; init; }

    /// <summary>False for a quarter the plan leaves blank (annual targets only): <see cref="Target"/> is then 0 only
    /// as a placeholder and must be shown as blank, not as 0.</summary>
    public bool HasTarget { get; init; } = true;

    public StatusKind Kind => Tag.Kind;
    public Band? Band => Tag.Band;
    public TrafficLight Light => Tag.Light;
}
