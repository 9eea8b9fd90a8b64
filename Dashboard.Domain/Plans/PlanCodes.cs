using System.Globalization;

namespace Dashboard.Domain.Plans;

/// <summary>
/// Positional codes of the plan: <c>T1.S2.P1.K1.SK3</c> for nodes, the node's code plus <c>.I2</c> for indicators.
/// A new code takes the next number after every code ever used under the same stem, so a deleted code is never reused
/// (assignments, exports and the audit log keep referring to it).
/// </summary>
public static class PlanCodes
{
    public const string IndicatorPrefix = "I";

    public static string Prefix(NodeLevel level) => level switch
    {
        NodeLevel.Tujuan => "T",
        NodeLevel.Sasaran => "S",
        NodeLevel.Program => "P",
        NodeLevel.Kegiatan => "K",
        NodeLevel.SubKegiatan => "SK",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The next node code of <paramref name="level"/> under <paramref name="parentCode"/> (null: a new Tujuan).</summary>
    public static string NextNode(string? parentCode, NodeLevel level, IEnumerable<string> used) =>
        Next(Stem(parentCode, Prefix(level)), used);

    public static string NextIndicator(string nodeCode, IEnumerable<string> used) => Next(Stem(nodeCode, IndicatorPrefix), used);

    /// <summary>The number at the end of a code made by <see cref="NextNode"/> (T1.S1.P3: 3), or null.</summary>
    public static int? Number(string code)
    {
        var end = code.Length;
        while (end > 0 && char.IsAsciiDigit(code[end - 1])) end--;
        return end < code.Length && int.TryParse(code.AsSpan(end), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string Stem(string? parentCode, string prefix) => string.IsNullOrEmpty(parentCode) ? prefix : $"{parentCode}.{prefix}";

    private static string Next(string stem, IEnumerable<string> used)
    {
        var max = 0;
        foreach (var code in used)
        {
            if (code.Length > stem.Length && code.StartsWith(stem, StringComparison.Ordinal) &&
                int.TryParse(code.AsSpan(stem.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }
        return stem + (max + 1).ToString(CultureInfo.InvariantCulture);
    }
}
