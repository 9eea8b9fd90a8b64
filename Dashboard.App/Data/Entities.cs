namespace Dashboard.App.Data;

public sealed class PlanRecord
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Agency { get; set; } = "";
    public string Title { get; set; } = "";
    public string? SignedPlace { get; set; }
    public string? SignedDate { get; set; }
    public string? SignerTitle { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<NodeRecord> Nodes { get; set; } = [];
}

public sealed class NodeRecord
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? ParentId { get; set; }
    public string Code { get; set; } = "";
    public int Level { get; set; }
    public string Label { get; set; } = "";
    public string Title { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>Concurrency token: raised by every edit, so an edit started from an older version is a conflict.</summary>
    public int Version { get; set; }
    public List<IndicatorRecord> Indicators { get; set; } = [];
}

public sealed class IndicatorRecord
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int NodeId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public int Polarity { get; set; }
    public int Aggregation { get; set; }
    public decimal AnnualTarget { get; set; }
    public decimal? TargetTw1 { get; set; }
    public decimal? TargetTw2 { get; set; }
    public decimal? TargetTw3 { get; set; }
    public decimal? TargetTw4 { get; set; }
    public string? Remark { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Concurrency token: raised by every edit, so an edit started from an older version is a conflict.</summary>
    public int Version { get; set; }
}

/// <summary>An immutable realisation entry; corrections are new rows that point at what they correct.</summary>
public sealed class RealisationRecord
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int Quarter { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public string? Kecamatan { get; set; }
    public string? Note { get; set; }
    public long? CorrectsId { get; set; }
    /// <summary><see cref="Dashboard.Domain.Realisations.EntryKind"/>: increment, level value or correction.</summary>
    public int Kind { get; set; }
    public string? CorrectionReason { get; set; }
    /// <summary>Running number per indicator and quarter; unique, so two writers cannot both claim "the latest".</summary>
    public int Sequence { get; set; }
    /// <summary>Generated sample data ("Data contoh") for demos, never in Production.</summary>
    public bool IsSample { get; set; }
    /// <summary>The client's <c>Idempotency-Key</c>, scoped to its user ("userId:key"); unique, so a resent entry is stored once.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>When the officer captured the entry on the phone (offline entries are sent later); null when sent at once.</summary>
    public DateTimeOffset? CapturedAt { get; set; }
}

/// <summary>One version of the narratives of an indicator's quarter; every save adds a version, none is overwritten.</summary>
public sealed class NarrativeRecord
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int Quarter { get; set; }
    public int Version { get; set; }
    /// <summary>Faktor pendorong.</summary>
    public string? Drivers { get; set; }
    /// <summary>Faktor penghambat.</summary>
    public string? Obstacles { get; set; }
    /// <summary>Tindak lanjut.</summary>
    public string? FollowUp { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
}

/// <summary>Bukti dukung: a stored file (outside wwwroot, with its SHA-256) or a link.</summary>
public sealed class EvidenceRecord
{
    public long Id { get; set; }
    /// <summary>The id in download links (<c>/bukti/{PublicId}</c>): random, so links cannot be guessed or walked.</summary>
    public string PublicId { get; set; } = NewPublicId();
    /// <summary>The uploader's user id (null for rows older than issue 16): an officer may always see their own evidence.</summary>
    public string? UploadedById { get; set; }
    public int IndicatorId { get; set; }
    public int Quarter { get; set; }
    public string? OriginalName { get; set; }
    public string? RelativePath { get; set; }
    public string? Sha256 { get; set; }
    public long? Size { get; set; }
    public string? ContentType { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";

    /// <summary>128 random bits as 32 lowercase hex digits.</summary>
    public static string NewPublicId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
