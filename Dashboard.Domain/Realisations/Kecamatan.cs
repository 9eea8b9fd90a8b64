using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Domain.Realisations;

/// <summary>The 18 kecamatan (sub-districts) of Kabupaten Purbalingga, where field work is recorded.</summary>
public static class Kecamatan
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Kemangkon", "Bukateja", "Kejobong", "Pengadegan", "Kaligondang", "Purbalingga", "Kalimanah", "Padamara", "Kutasari",
        "Bojongsari", "Mrebet", "Bobotsari", "Karangreja", "Karangjambu", "Karanganyar", "Kertanegara", "Karangmoncol", "Rembang",
    ];

    private static readonly string[] Prefixes = ["kecamatan ", "kec. ", "kec.", "kec "];

    /// <summary>
    /// The canonical spelling of a kecamatan typed in any case, with or without a "Kec." / "Kecamatan" prefix;
    /// false when it is not one of <see cref="All"/>.
    /// </summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var name = string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..].TrimStart();
                break;
            }
        }
        canonical = All.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
        return canonical is not null;
    }
}
