using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Realisations;

/// <summary>What a field officer is recording.</summary>
public enum EntryKind
{
    /// <summary>Tambahan: an increment of a cumulative indicator (0 or more).</summary>
    Increment,
    /// <summary>The value of a level indicator at a date.</summary>
    Level,
    /// <summary>
    /// Koreksi, with a reason: for a cumulative indicator an explicit adjustment (negative or positive) of the total;
    /// for a level indicator a new value that replaces the quarter's latest one.
    /// </summary>
    Correction,
}

/// <summary>A realisation entry as typed on the input page, before <see cref="RealisationRules"/> checks it and it is saved.</summary>
/// <param name="Year">The plan year.</param>
/// <param name="Penghambat">Faktor penghambat of the indicator and quarter, as it will stand after saving.</param>
/// <param name="Confirmed">The officer has seen the warnings that need confirmation and wants to save anyway.</param>
public sealed record RealisationDraft(
    Indicator Indicator,
    int Year,
    int Quarter,
    EntryKind Kind,
    decimal Value,
    DateOnly Date,
    string? Kecamatan,
    string? Note,
    string? CorrectionReason,
    string? Penghambat,
    bool Confirmed)
{
    /// <summary>The entry this draft is saved as: kecamatan in its canonical spelling, blank texts as null.</summary>
    public RealisationEntry ToEntry(DateTimeOffset recordedAt, string recordedBy = "", long? correctsId = null)
    {
        var kecamatan = Realisations.Kecamatan.TryNormalize(Kecamatan, out var canonical) ? canonical : Blank(Kecamatan);
        return new RealisationEntry(Indicator.Code, Quarter, Date, Value, recordedAt, recordedBy, kecamatan, Blank(Note), 0, correctsId);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
