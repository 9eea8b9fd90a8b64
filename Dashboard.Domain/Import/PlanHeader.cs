namespace Dashboard.Domain.Import;

/// <summary>The columns of the usual Renaksi table that the import reads.</summary>
public enum PlanColumn
{
    No,
    Uraian,
    Indikator,
    Satuan,
    Target,
    Tw1,
    Tw2,
    Tw3,
    Tw4,
    Keterangan,
    /// <summary>Optional, written by the export: Positif / Negatif (lower is better).</summary>
    Polaritas,
    /// <summary>Optional, written by the export: Kumulatif / Nilai terakhir.</summary>
    Agregasi,
}

/// <summary>Where the header of the plan table is and which sheet column holds which <see cref="PlanColumn"/>.</summary>
/// <param name="FirstRowIndex">Index in <see cref="SheetGrid.Rows"/> of the (first) header row.</param>
/// <param name="RowCount">1, or 2 when a group header ("Target") sits above sub-headers ("TW I" … "TW IV").</param>
public sealed record PlanHeader(int FirstRowIndex, int RowCount, IReadOnlyDictionary<PlanColumn, int> Columns, IReadOnlyList<string> Duplicates)
{
    public static readonly IReadOnlyList<PlanColumn> Required =
        [PlanColumn.Uraian, PlanColumn.Indikator, PlanColumn.Satuan, PlanColumn.Target, PlanColumn.Tw1, PlanColumn.Tw2, PlanColumn.Tw3, PlanColumn.Tw4];

    /// <summary>How many header rows may sit above the table (title rows, blank rows).</summary>
    public const int SearchRows = 10;

    public int DataStartIndex => FirstRowIndex + RowCount;

    public IReadOnlyList<PlanColumn> Missing => Required.Where(c => !Columns.ContainsKey(c)).ToList();

    public bool IsComplete => Required.All(Columns.ContainsKey);

    public static string Name(PlanColumn column) => column switch
    {
        PlanColumn.No => "No",
        PlanColumn.Uraian => "Uraian",
        PlanColumn.Indikator => "Indikator Kinerja",
        PlanColumn.Satuan => "Satuan",
        PlanColumn.Target => "Target",
        PlanColumn.Tw1 => "TW I",
        PlanColumn.Tw2 => "TW II",
        PlanColumn.Tw3 => "TW III",
        PlanColumn.Tw4 => "TW IV",
        PlanColumn.Keterangan => "Keterangan",
        PlanColumn.Polaritas => "Polaritas",
        PlanColumn.Agregasi => "Agregasi",
        _ => column.ToString(),
    };

    /// <summary>
    /// The first complete header among the sheet's first <see cref="SearchRows"/> rows, read as one row or as a group
    /// row above a sub-header row; when none is complete, the candidate that found the most required columns.
    /// Null when no row looks like a header at all.
    /// </summary>
    public static PlanHeader? Find(SheetGrid sheet)
    {
        PlanHeader? best = null;
        var bestScore = 0;
        for (var i = 0; i < sheet.Rows.Count && sheet.Rows[i].Number <= SearchRows; i++)
        {
            var row = sheet.Rows[i];
            if (row.IsEmpty) continue;
            var single = Map(i, row, null);
            PlanHeader? candidate = single;
            // A sub-header row directly below (merged group headers such as "Target" above "TW I" … "TW IV").
            if (i + 1 < sheet.Rows.Count && sheet.Rows[i + 1].Number == row.Number + 1)
            {
                // Only when the lower row is not a header on its own (a title row right above the header is no group row).
                var twoRows = Map(i, row, sheet.Rows[i + 1]);
                if (Score(twoRows) > Score(single) && Score(twoRows) > Score(Map(i + 1, sheet.Rows[i + 1], null))) candidate = twoRows;
            }
            if (candidate.IsComplete) return candidate;
            var score = Score(candidate);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int Score(PlanHeader header) => Required.Count(header.Columns.ContainsKey);

    private static PlanHeader Map(int index, SheetRow top, SheetRow? sub)
    {
        var columns = new Dictionary<PlanColumn, int>();
        var duplicates = new List<string>();
        var width = Math.Max(top.Cells.Count, sub?.Cells.Count ?? 0);
        var group = "";
        for (var c = 0; c < width; c++)
        {
            var own = Normalise(top[c].Text);
            var below = sub is null ? "" : Normalise(sub[c].Text);
            // A merged group header arrives in its first cell only: the cells to its right belong to it while they
            // have a sub-header of their own.
            if (own.Length > 0) group = own;
            else if (below.Length == 0) group = "";
            var column = Classify(own.Length > 0 ? own : group, below);
            if (column is not { } found) continue;
            if (!columns.TryAdd(found, c))
            {
                duplicates.Add($"{Name(found)} ({SheetGrid.ColumnLetter(c)})");
            }
        }
        return new PlanHeader(index, sub is null ? 1 : 2, columns, duplicates);
    }

    /// <summary>What a header cell names, from its group text and its sub-header text (both normalised).</summary>
    internal static PlanColumn? Classify(string group, string below)
    {
        var label = below.Length > 0 ? below : group;
        if (IsRealisation(group) || IsRealisation(label)) return null;
        switch (label)
        {
            case "no" or "nomor" or "nourut":
                return PlanColumn.No;
            case "satuan":
                return PlanColumn.Satuan;
            case "ket":
                return PlanColumn.Keterangan;
        }
        if (label.StartsWith("uraian", StringComparison.Ordinal)) return PlanColumn.Uraian;
        if (label.StartsWith("indikator", StringComparison.Ordinal)) return PlanColumn.Indikator;
        if (label.StartsWith("keterangan", StringComparison.Ordinal)) return PlanColumn.Keterangan;
        if (label.StartsWith("polaritas", StringComparison.Ordinal)) return PlanColumn.Polaritas;
        if (label.StartsWith("agregasi", StringComparison.Ordinal)) return PlanColumn.Agregasi;
        if (Quarter(label) is { } quarter) return PlanColumn.Tw1 + (quarter - 1);
        if (label.StartsWith("target", StringComparison.Ordinal)) return PlanColumn.Target;
        // "Tahunan" or "2025" under a "Target" group header.
        if (below.Length > 0 && group.StartsWith("target", StringComparison.Ordinal)) return PlanColumn.Target;
        return null;
    }

    private static bool IsRealisation(string text) =>
        text.StartsWith("realisasi", StringComparison.Ordinal) || text.StartsWith("capaian", StringComparison.Ordinal)
        || text.StartsWith("kode", StringComparison.Ordinal) || text.StartsWith("status", StringComparison.Ordinal);

    /// <summary>"twi", "tw1", "triwulanii", "targettwiii", "twke4" → 1..4.</summary>
    internal static int? Quarter(string label)
    {
        var s = label.StartsWith("target", StringComparison.Ordinal) ? label["target".Length..] : label;
        foreach (var prefix in (string[])["triwulan", "trw", "tw"])
        {
            if (!s.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = s[prefix.Length..];
            if (rest.StartsWith("ke", StringComparison.Ordinal)) rest = rest[2..];
            return rest switch
            {
                "i" or "1" => 1,
                "ii" or "2" => 2,
                "iii" or "3" => 3,
                "iv" or "4" => 4,
                _ => null,
            };
        }
        return null;
    }

    /// <summary>Lower case letters and digits only: "TW.I" → "twi", "Indikator\nKinerja" → "indikatorkinerja".</summary>
    internal static string Normalise(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
