using System.Collections.Immutable;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;

namespace Dashboard.App.Data;

/// <summary>
/// A plan with every realisation entry, every current verification state and its evaluation, at one moment. Immutable:
/// the live read model replaces it with <see cref="WithEntry"/> / <see cref="WithReview"/>, which share everything
/// that did not change, so every screen can hold a reference to the same snapshot.
/// </summary>
public sealed class PlanSnapshot
{
    private readonly RealisationEntry[][] _entries;
    private readonly int[] _unverified;
    private readonly ImmutableDictionary<(string Code, int Quarter), ReviewView> _reviews;

    private PlanSnapshot(PlanIndex index, RealisationEntry[][] entries, ImmutableDictionary<(string Code, int Quarter), ReviewView> reviews,
        IReadOnlyDictionary<string, int> indicatorIds, bool hasSampleData, DateTimeOffset loadedAt, long version, PlanEvaluation evaluation, int[] unverified)
    {
        Index = index;
        _entries = entries;
        _reviews = reviews;
        IndicatorIds = indicatorIds;
        HasSampleData = hasSampleData;
        LoadedAt = loadedAt;
        Version = version;
        Evaluation = evaluation;
        _unverified = unverified;
    }

    /// <summary>A snapshot of <paramref name="plan"/> evaluated from <paramref name="entries"/>.</summary>
    public static PlanSnapshot Create(Plan plan, IEnumerable<RealisationEntry> entries, bool hasSampleData, DateTimeOffset loadedAt,
        IReadOnlyDictionary<(string Code, int Quarter), ReviewView> reviews, StatusEvaluator evaluator, IReadOnlyDictionary<string, int>? indicatorIds = null)
    {
        var index = new PlanIndex(plan);
        var byIndicator = new List<RealisationEntry>[index.Indicators.Count];
        foreach (var entry in entries)
        {
            if (index.FindIndicator(entry.IndicatorCode) is null) continue;
            var i = index.IndicatorOrdinal(entry.IndicatorCode);
            (byIndicator[i] ??= []).Add(entry);
        }
        var arrays = byIndicator.Select(l => l is null ? [] : l.ToArray()).ToArray();
        var immutableReviews = reviews.ToImmutableDictionary();
        var unverified = new int[4];
        foreach (var ((_, quarter), review) in immutableReviews)
        {
            if (review.State == ReviewState.Submitted && quarter is >= 1 and <= 4) unverified[quarter - 1]++;
        }
        return new PlanSnapshot(index, arrays, immutableReviews, indicatorIds ?? new Dictionary<string, int>(), hasSampleData, loadedAt, 1,
            new PlanEvaluation(index, evaluator, i => arrays[i]), unverified);
    }

    public Plan Plan => Index.Plan;

    public PlanIndex Index { get; }

    /// <summary>The evaluated plan (statuses and roll-ups) of this snapshot.</summary>
    public PlanEvaluation Evaluation { get; }

    /// <summary>Database ids of the indicators by code (empty for a snapshot not loaded from the database).</summary>
    public IReadOnlyDictionary<string, int> IndicatorIds { get; }

    public IReadOnlyDictionary<(string Code, int Quarter), ReviewView> Reviews => _reviews;

    public bool HasSampleData { get; }

    /// <summary>When the data was last read or changed.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Grows by one with every change applied to this plan's snapshot.</summary>
    public long Version { get; }

    /// <summary>Every entry, indicator by indicator in document order, each in the order recorded.</summary>
    public IEnumerable<RealisationEntry> Entries => _entries.SelectMany(e => e);

    /// <summary>An indicator's entries in the order recorded (empty for an unknown code).</summary>
    public IReadOnlyList<RealisationEntry> EntriesOf(string indicatorCode) =>
        Index.FindIndicator(indicatorCode) is null ? [] : _entries[Index.IndicatorOrdinal(indicatorCode)];

    public ReviewView ReviewOf(string code, int quarter) => Reviews.TryGetValue((code, quarter), out var r) ? r : ReviewView.None;

    /// <summary>Indicators of a quarter whose figures wait for verification (Diajukan).</summary>
    public int Unverified(int quarter) => _unverified[Quarters.Check(quarter) - 1];

    /// <summary>This snapshot with a committed entry and the review state it left; unchanged if the entry is already in.</summary>
    public PlanSnapshot WithEntry(RealisationEntry entry, ReviewView? review, StatusEvaluator evaluator, DateTimeOffset at)
    {
        if (Index.FindIndicator(entry.IndicatorCode) is not { } indicator) return this;
        var ordinal = Index.IndicatorOrdinal(entry.IndicatorCode);
        var current = _entries[ordinal];
        if (entry.Id != 0 && current.Any(e => e.Id == entry.Id)) return review is null ? this : WithReview(entry.IndicatorCode, entry.Quarter, review, at);
        var entries = (RealisationEntry[][])_entries.Clone();
        entries[ordinal] = [.. current, entry];
        var next = new PlanSnapshot(Index, entries, _reviews, IndicatorIds, HasSampleData, at, Version + 1,
            Evaluation.With(indicator, entries[ordinal], evaluator), _unverified);
        return review is null ? next : next.WithReview(entry.IndicatorCode, entry.Quarter, review, at);
    }

    /// <summary>This snapshot with a newer verification state; unchanged if <paramref name="review"/> is not newer.</summary>
    public PlanSnapshot WithReview(string code, int quarter, ReviewView review, DateTimeOffset at)
    {
        if (Index.FindIndicator(code) is null || quarter is < 1 or > 4) return this;
        var old = ReviewOf(code, quarter);
        if (review.Version <= old.Version) return this;
        var unverified = (int[])_unverified.Clone();
        if (old.State == ReviewState.Submitted) unverified[quarter - 1]--;
        if (review.State == ReviewState.Submitted) unverified[quarter - 1]++;
        return new PlanSnapshot(Index, _entries, (_reviews).SetItem((code, quarter), review), IndicatorIds,
            HasSampleData, at, Version + 1, Evaluation, unverified);
    }

    /// <summary>The same data evaluated again (the agency's date moved on: running quarters are pro-rated to today).</summary>
    public PlanSnapshot Reevaluated(StatusEvaluator evaluator) =>
        new(Index, _entries, _reviews, IndicatorIds, HasSampleData, LoadedAt, Version + 1,
            new PlanEvaluation(Index, evaluator, i => _entries[i]), _unverified);
}

/// <summary>The current verification state of an indicator's quarter.</summary>
public sealed record ReviewView(ReviewState State, int Version, string? Reason, string By, DateTimeOffset At)
{
    public static readonly ReviewView None = new(ReviewState.None, 0, null, "", DateTimeOffset.MinValue);
}
