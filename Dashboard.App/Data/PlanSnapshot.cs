using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;

namespace Dashboard.App.Data;

/// <summary>A plan as loaded from the database, with every realisation entry and verification state, at one moment.</summary>
public sealed record PlanSnapshot(Plan Plan, IReadOnlyList<RealisationEntry> Entries, bool HasSampleData, DateTimeOffset LoadedAt,
    IReadOnlyDictionary<(string Code, int Quarter), ReviewView> Reviews)
{
    public ReviewView ReviewOf(string code, int quarter) => Reviews.TryGetValue((code, quarter), out var r) ? r : ReviewView.None;

    /// <summary>Indicators of a quarter whose figures wait for verification (Diajukan).</summary>
    public int Unverified(int quarter) => Reviews.Count(r => r.Key.Quarter == quarter && r.Value.State == ReviewState.Submitted);
}

/// <summary>The current verification state of an indicator's quarter.</summary>
public sealed record ReviewView(ReviewState State, int Version, string? Reason, string By, DateTimeOffset At)
{
    public static readonly ReviewView None = new(ReviewState.None, 0, null, "", DateTimeOffset.MinValue);
}
