using System.Diagnostics.CodeAnalysis;

namespace Dashboard.App.Evidence;

/// <summary>A stored bukti dukung file. <see cref="RelativePath"/> is relative to the evidence root, with '/'.</summary>
public sealed record StoredEvidence(string RelativePath, string Sha256Hex, long Size, string ContentType, string OriginalName);

/// <summary>Outcome of <see cref="EvidenceStore.SaveAsync"/>: the stored file, or an Indonesian message for the officer.</summary>
public sealed record EvidenceResult
{
    private EvidenceResult(StoredEvidence? stored, string? error)
    {
        Stored = stored;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Stored))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Stored is not null;

    public string? Error { get; }

    public StoredEvidence? Stored { get; }

    public static EvidenceResult Success(StoredEvidence stored) => new(stored, null);

    public static EvidenceResult Failure(string error) => new(null, error);
}

/// <summary>Outcome of <see cref="EvidenceStore.ValidateLink"/>: the trimmed URL, or an Indonesian message.</summary>
public sealed record EvidenceLinkResult
{
    private EvidenceLinkResult(string? url, string? error)
    {
        Url = url;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Url))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Url is not null;

    public string? Error { get; }

    public string? Url { get; }

    public static EvidenceLinkResult Success(string url) => new(url, null);

    public static EvidenceLinkResult Failure(string error) => new(null, error);
}
