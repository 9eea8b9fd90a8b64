using System.Globalization;

namespace Dashboard.Domain.Import;

/// <summary>
/// The flat CSV that <c>export --format csv</c> writes (one row per indicator, one per node without indicators;
/// header <c>level,node,indicator,unit,target_annual,target_tw1..4,…,node_code,node_label,…,remark</c>; numbers in
/// invariant culture), turned into the Renaksi layout the parser reads, so an export imports back to the same plan.
/// Recognised by its exact column names only; anything else is left alone.
/// </summary>
public static class ExportLayout
{
    private static readonly string[] RequiredColumns =
        ["level", "node", "indicator", "unit", "target_annual", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "node_code", "node_label"];

    private static readonly string[] NumberColumns = ["target_annual", "target_tw1", "target_tw2", "target_tw3", "target_tw4"];

    public static SheetGrid? TryConvert(SheetGrid sheet)
    {
        if (sheet.Rows.Count == 0 || sheet.Rows[0].Number != 1) return null;
        var names = sheet.Rows[0].Cells.Select(c => c.Text.Trim().ToLowerInvariant()).ToList();
        if (!RequiredColumns.All(names.Contains)) return null;
        int Col(string name) => names.IndexOf(name);

        var rows = new List<SheetRow>
        {
            new(1, ["Uraian", "Indikator Kinerja", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Keterangan", "Polaritas", "Agregasi"]),
        };
        string? previousNode = null;
        foreach (var row in sheet.Rows.Skip(1))
        {
            if (row.IsEmpty) continue;
            string Text(string name) => Col(name) is >= 0 and var i ? row[i].Text.Trim() : "";
            var nodeCode = Text("node_code");
            // A node's first row names it; its further indicators follow with an empty Uraian, as in the Renaksi layout.
            var uraian = nodeCode == previousNode ? "" : $"{Text("node_label")} {Text("node")}".Trim();
            previousNode = nodeCode;
            var cells = new List<SheetCell> { uraian, Text("indicator"), Text("unit") };
            cells.AddRange(NumberColumns.Select(name => Number(Text(name))));
            cells.AddRange([Text("remark"), Text("polarity"), Text("aggregation")]);
            rows.Add(new SheetRow(row.Number, cells));
        }
        return new SheetGrid(sheet.Name, rows);
    }

    /// <summary>The export writes invariant numbers (7.1); anything else stays text for the parser to refuse by cell.</summary>
    private static SheetCell Number(string text) =>
        text.Length > 0 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? SheetCell.Of(value)
            : new SheetCell(text);
}
