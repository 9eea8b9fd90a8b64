namespace Dashboard.Domain.Plans;

/// <summary>Knowledge about the units (satuan) used in Renaksi documents.</summary>
public static class Units
{
    private static readonly HashSet<string> LevelUnits = new(StringComparer.OrdinalIgnoreCase) { "Persentase", "Persen", "%", "Angka", "Indeks", "Nilai" };

    /// <summary>Units that count discrete things, where a fractional target is suspicious.</summary>
    private static readonly HashSet<string> CountUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "Orang", "Unit", "Dokumen", "Laporan", "Buah", "Paket", "Koperasi", "UMKM", "Kegiatan", "Kali",
    };

    public static Aggregation DefaultAggregation(string unit) =>
        LevelUnits.Contains(unit.Trim()) ? Aggregation.Level : Aggregation.Cumulative;

    public static bool IsCount(string unit) => CountUnits.Contains(unit.Trim());

    public static bool IsPercentage(string unit) => unit.Trim() is var u &&
        (u.Equals("Persentase", StringComparison.OrdinalIgnoreCase) || u.Equals("Persen", StringComparison.OrdinalIgnoreCase) || u == "%");

    /// <summary>The canonical spelling (first letter upper case), for comparing units written inconsistently.</summary>
    public static string Canonical(string unit)
    {
        var u = unit.Trim();
        return u.Length == 0 ? u : char.ToUpperInvariant(u[0]) + u[1..].ToLowerInvariant();
    }
}
