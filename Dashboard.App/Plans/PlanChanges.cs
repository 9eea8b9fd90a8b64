using Dashboard.App.Data;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;

namespace Dashboard.App.Plans;

public enum PlanChangeKind
{
    /// <summary>Ditambah: in the file, not in the stored plan.</summary>
    Added,
    /// <summary>Diubah: in both, with different values.</summary>
    Changed,
    /// <summary>Dihapus: in the stored plan only, nothing recorded on it.</summary>
    Removed,
    /// <summary>Dipertahankan: in the stored plan only, but realisation (or narratives, evidence, decisions) exists.</summary>
    Kept,
}

/// <summary>What an import would change in (or did change in) an existing plan, by code.</summary>
/// <param name="Entity">"Rencana", "Node" or "Indikator".</param>
/// <param name="Before">Values before (null when added); <see cref="NodeValues"/>, <see cref="IndicatorValues"/> or <see cref="PlanValues"/>.</param>
/// <param name="Note">Why a kept item stays, or a warning about a change on an indicator that has realisation.</param>
public sealed record PlanChangeItem(PlanChangeKind Kind, string Entity, string Code, string Name, object? Before, object? After, string? Note = null)
{
    public string KindLabel => Kind switch
    {
        PlanChangeKind.Added => "Ditambah",
        PlanChangeKind.Changed => "Diubah",
        PlanChangeKind.Removed => "Dihapus",
        _ => "Dipertahankan",
    };

    /// <summary>"Target: 7,1 → 8; TW IV: 7,1 → 8", or the values of an added or removed item.</summary>
    public string Description => (Before, After) switch
    {
        (IndicatorValues b, IndicatorValues a) => string.Join("; ", IndicatorValues.Differences(b, a)),
        (NodeValues b, NodeValues a) => string.Join("; ", NodeValues.Differences(b, a)),
        (PlanValues b, PlanValues a) => string.Join("; ", PlanValues.Differences(b, a)),
        (null, { } a) => a.ToString() ?? "",
        ({ } b, null) => b.ToString() ?? "",
        _ => "",
    };
}

public sealed record PlanValues(string Title, string Agency)
{
    public static IEnumerable<string> Differences(PlanValues b, PlanValues a)
    {
        if (b.Title != a.Title) yield return $"Judul: {b.Title} → {a.Title}";
        if (b.Agency != a.Agency) yield return $"Instansi: {b.Agency} → {a.Agency}";
    }

    public override string ToString() => $"{Title} · {Agency}";
}

public sealed record NodeValues(string Level, string Label, string Title)
{
    public static NodeValues Of(PlanNode node) => new(node.Level.Label(), node.Label, node.Title);

    public static NodeValues Of(NodeRecord record) => new(((NodeLevel)record.Level).Label(), record.Label, record.Title);

    public static IEnumerable<string> Differences(NodeValues b, NodeValues a)
    {
        if (b.Label != a.Label) yield return $"Label: {b.Label} → {a.Label}";
        if (b.Title != a.Title) yield return $"Judul: {b.Title} → {a.Title}";
    }

    public override string ToString() => $"{Label} {Title}";
}

/// <summary>An indicator's plan values, as audited before and after a change.</summary>
public sealed record IndicatorValues(string Name, string Unit, decimal Target, decimal? Tw1, decimal? Tw2, decimal? Tw3, decimal? Tw4,
    string? Remark, string Polarity, string Aggregation)
{
    public static IndicatorValues Of(Indicator i) => new(i.Name, i.Unit, Decimals.Trim(i.AnnualTarget),
        Decimals.Trim(i.QuarterTargets[0]), Decimals.Trim(i.QuarterTargets[1]), Decimals.Trim(i.QuarterTargets[2]), Decimals.Trim(i.QuarterTargets[3]),
        i.Remark, i.Polarity.ToString(), i.Aggregation.ToString());

    public static IndicatorValues Of(IndicatorRecord r) => new(r.Name, r.Unit, Decimals.Trim(r.AnnualTarget),
        Decimals.Trim(r.TargetTw1), Decimals.Trim(r.TargetTw2), Decimals.Trim(r.TargetTw3), Decimals.Trim(r.TargetTw4),
        r.Remark, ((Polarity)r.Polarity).ToString(), ((Aggregation)r.Aggregation).ToString());

    public static IEnumerable<string> Differences(IndicatorValues b, IndicatorValues a)
    {
        if (b.Name != a.Name) yield return $"Nama: {b.Name} → {a.Name}";
        if (b.Unit != a.Unit) yield return $"Satuan: {b.Unit} → {a.Unit}";
        if (b.Target != a.Target) yield return $"Target: {N(b.Target)} → {N(a.Target)}";
        if (b.Tw1 != a.Tw1) yield return $"TW I: {N(b.Tw1)} → {N(a.Tw1)}";
        if (b.Tw2 != a.Tw2) yield return $"TW II: {N(b.Tw2)} → {N(a.Tw2)}";
        if (b.Tw3 != a.Tw3) yield return $"TW III: {N(b.Tw3)} → {N(a.Tw3)}";
        if (b.Tw4 != a.Tw4) yield return $"TW IV: {N(b.Tw4)} → {N(a.Tw4)}";
        if (b.Remark != a.Remark) yield return $"Keterangan: {b.Remark ?? "-"} → {a.Remark ?? "-"}";
        if (b.Polarity != a.Polarity) yield return $"Polaritas: {b.Polarity} → {a.Polarity}";
        if (b.Aggregation != a.Aggregation) yield return $"Agregasi: {b.Aggregation} → {a.Aggregation}";
    }

    public override string ToString() =>
        $"{Name} · {Unit} · target {N(Target)} (TW {N(Tw1)} / {N(Tw2)} / {N(Tw3)} / {N(Tw4)})";

    private static string N(decimal value) => IdNumber.Format(value);

    /// <summary>A blank quarter (no target) reads "kosong", never 0.</summary>
    private static string N(decimal? value) => value is { } v ? IdNumber.Format(v) : "kosong";
}
