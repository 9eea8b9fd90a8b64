using Dashboard.App.Security;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;

namespace Dashboard.App.Realisations;

/// <summary>Record one realisation entry (and optionally the quarter's narratives in the same save).</summary>
/// <param name="ExpectedSequence">For level values: the latest entry number the officer saw for this quarter (0: none);
/// a newer entry saved meanwhile makes this save a conflict. Null skips the check.</param>
/// <param name="IdempotencyKey">The client's key for this entry (the offline queue): a second save with the same key by the same
/// user stores nothing and returns the first entry.</param>
/// <param name="CapturedAt">When the entry was captured on the phone; the entry window is judged then (within
/// <see cref="Security.EntryWindowOptions.CaptureBoundDays"/>).</param>
public sealed record RecordRealisation(
    int Year,
    string IndicatorCode,
    int Quarter,
    EntryKind Kind,
    decimal Value,
    DateOnly Date,
    ActingUser Actor,
    string? Kecamatan = null,
    string? Note = null,
    string? CorrectionReason = null,
    bool Confirmed = false,
    int? ExpectedSequence = null,
    long? CorrectsId = null,
    NarrativeInput? Narrative = null,
    string? IdempotencyKey = null,
    DateTimeOffset? CapturedAt = null);

/// <summary>Faktor pendorong, faktor penghambat, tindak lanjut, and the version the officer started from.</summary>
public sealed record NarrativeInput(string? Drivers, string? Obstacles, string? FollowUp, int ExpectedVersion);

public enum SaveStatus
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    /// <summary>Not allowed: not assigned, quarter closed or locked, figure verified.</summary>
    Refused,
}

/// <summary>What a conflicting save found in the database instead of what the officer started from.</summary>
public sealed record ConflictInfo(string Message, decimal? CurrentValue, int CurrentSequence, NarrativeView? CurrentNarrative, string? By, DateTimeOffset? At);

public sealed record SaveResult(
    SaveStatus Status,
    IReadOnlyList<RuleIssue> Issues,
    long? EntryId = null,
    QuarterStatus? After = null,
    ConflictInfo? Conflict = null,
    RealisationRecorded? Change = null,
    bool Replayed = false)
{
    public static SaveResult NotFound(string message) => new(SaveStatus.NotFound, [new RuleIssue("IndicatorCode", message, false)]);

    public static SaveResult Refused(string field, string message) => new(SaveStatus.Refused, [new RuleIssue(field, message, false)]);
}

public sealed record NarrativeView(int Version, string? Drivers, string? Obstacles, string? FollowUp, string SavedBy, DateTimeOffset SavedAt)
{
    public static readonly NarrativeView Empty = new(0, null, null, null, "", DateTimeOffset.MinValue);
}

public sealed record EntryView(long Id, int Quarter, int Sequence, EntryKind Kind, decimal Value, DateOnly Date, string RecordedBy,
    DateTimeOffset RecordedAt, string? Kecamatan, string? Note, string? CorrectionReason, long? CorrectsId, bool IsSample);

public sealed record EvidenceView(long Id, string PublicId, int Quarter, string? OriginalName, string? Sha256, long? Size, string? ContentType, string? Url,
    string? Description, string UploadedBy, DateTimeOffset UploadedAt)
{
    public bool IsLink => Url is not null;
}

/// <summary>Everything recorded on one indicator: entries (corrections included), narrative versions, evidence.</summary>
public sealed record IndicatorHistory(IReadOnlyList<EntryView> Entries, IReadOnlyList<NarrativeView> Narratives, IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyDictionary<int, NarrativeView> CurrentNarratives)
{
    public NarrativeView NarrativeFor(int quarter) => CurrentNarratives.TryGetValue(quarter, out var n) ? n : NarrativeView.Empty;

    public int LatestSequence(int quarter) => Entries.Where(e => e.Quarter == quarter).Select(e => e.Sequence).DefaultIfEmpty(0).Max();
}
