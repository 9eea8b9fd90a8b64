using System.Text.RegularExpressions;
using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Import;

/// <summary>
/// Reads the level of a node from the leading word of its Uraian, as documents write it: "Tujuan 1", "PROGRAM 1",
/// "Kegiatan1", "Kegiatan 5.", "Sub. Kegiatan 1", "Su kegiatan 6", "Program 1.02.17", "Program" without a number.
/// </summary>
public static partial class NodeLabel
{
    // The level word, an optional number (with dots), then the end of the text or a separator before the title.
    [GeneratedRegex(
        @"^(?<label>(?<word>tujuan|sasaran(?:\s+strategis)?|program|sub\s*\.?\s*kegiatan|su\s*\.?\s*kegiatan|kegiatan)(?:\s*\d+(?:\.\d+)*\.?)?)(?=$|[\s:.,\-–])[\s:.,\-–]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The level, the label as written ("Kegiatan1") and the rest (the title, possibly empty); false when
    /// the text does not start with a level word.</summary>
    public static bool TryParse(string uraian, out NodeLevel level, out string label, out string title)
    {
        var match = Pattern().Match(uraian);
        if (!match.Success)
        {
            level = default;
            label = title = "";
            return false;
        }
        var word = match.Groups["word"].Value.ToLowerInvariant();
        level = word switch
        {
            _ when word.StartsWith("tujuan", StringComparison.Ordinal) => NodeLevel.Tujuan,
            _ when word.StartsWith("sasaran", StringComparison.Ordinal) => NodeLevel.Sasaran,
            _ when word.StartsWith("program", StringComparison.Ordinal) => NodeLevel.Program,
            _ when word.StartsWith("su", StringComparison.Ordinal) => NodeLevel.SubKegiatan,
            _ => NodeLevel.Kegiatan,
        };
        label = match.Groups["label"].Value;
        title = uraian[match.Length..].Trim();
        return true;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)*")]
    private static partial Regex Number();

    /// <summary>The official code or number in a label, as the document writes it: "Program 5.01.01" → "5.01.01",
    /// "Kegiatan 5." → "5"; null when the label has none ("Program").</summary>
    public static string? OfficialCode(string label)
    {
        var match = Number().Match(label ?? "");
        return match.Success ? match.Value : null;
    }

    /// <summary>The prefix of a level in positional codes: T1.S1.P1.K1.SK1.</summary>
    public static string CodePrefix(NodeLevel level) => level switch
    {
        NodeLevel.Tujuan => "T",
        NodeLevel.Sasaran => "S",
        NodeLevel.Program => "P",
        NodeLevel.Kegiatan => "K",
        _ => "SK",
    };
}
