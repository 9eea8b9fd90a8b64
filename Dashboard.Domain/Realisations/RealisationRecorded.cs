namespace Dashboard.Domain.Realisations;

/// <summary>Something committed that open dashboards of that plan year should show.</summary>
public abstract record PlanChange(int Year);

/// <summary>Raised once a realisation entry has been committed: what changed, by whom, from what to what.</summary>
/// <param name="Before">The indicator's realisation for the quarter before the entry (null: nothing yet).</param>
/// <param name="After">The realisation for the quarter after the entry.</param>
public sealed record RealisationRecorded(
    int Year,
    string IndicatorCode,
    string IndicatorName,
    int Quarter,
    decimal? Before,
    decimal? After,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    long EntryId,
    string Kind) : PlanChange(Year);

/// <summary>A verification step: Diverifikasi or Dikembalikan (with the reason); <paramref name="Version"/> is the review's
/// new version (0 where unknown).</summary>
public sealed record ReviewChanged(
    int Year,
    string IndicatorCode,
    string IndicatorName,
    int Quarter,
    Dashboard.Domain.Reviews.ReviewState State,
    string? Reason,
    string By,
    DateTimeOffset At,
    int Version = 0) : PlanChange(Year);

/// <summary>Raised when the narratives of an indicator's quarter were saved.</summary>
public sealed record NarrativeSaved(int Year, string IndicatorCode, int Quarter, int Version, string SavedBy, DateTimeOffset SavedAt);
