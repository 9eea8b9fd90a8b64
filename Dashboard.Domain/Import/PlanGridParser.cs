using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Domain.Checks;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Import;

/// <summary>What the parser needs besides the cells.</summary>
/// <param name="Year">The plan year the file is imported as (the file's own title may name another year).</param>
/// <param name="Agency">Used when the rows above the table do not name the agency.</param>
/// <param name="Sheet">The sheet the user chose; null to take the first sheet that holds a plan table.</param>
public sealed record PlanGridOptions(int Year, string Agency, string? Sheet = null);

/// <summary>A row left out on purpose, not an error: a signature block or footer under the table, a row with
/// neither Uraian nor indicator, a row of column numbers.</summary>
/// <param name="Text">The row's non-empty cells, shortened, so the user can see what was left out.</param>
public sealed record SkippedRow(string Sheet, int Row, string Reason, string Text)
{
    public const string BelowTable = "Di bawah tabel (tanda tangan, catatan, kaki halaman)";
    public const string NoUraianNorIndicator = "Tanpa Uraian maupun Indikator Kinerja";
    public const string ColumnNumbers = "Nomor kolom di bawah judul";
}

/// <summary>The plan read from a sheet, with every problem found on the way.</summary>
/// <param name="Plan">Null when nothing usable was found (no header, no nodes); otherwise the plan as far as it could
/// be read, for the preview, even when there are errors.</param>
/// <param name="Sheet">The sheet the plan was read from.</param>
/// <param name="Rows">Data rows read (empty rows not counted).</param>
public sealed record PlanParseResult(Plan? Plan, IReadOnlyList<ImportIssue> Issues, string? Sheet, int Rows)
{
    /// <summary>Rows left out on purpose (not errors), in sheet order.</summary>
    public IReadOnlyList<SkippedRow> Skipped { get; init; } = [];

    /// <summary>Every sheet of the file, and those among them that hold a complete plan table (the user may pick one).</summary>
    public IReadOnlyList<string> SheetNames { get; init; } = [];

    public IReadOnlyList<string> PlanSheets { get; init; } = [];

    /// <summary>The 1-based row of the column header the table was read from.</summary>
    public int? HeaderRow { get; init; }

    public bool HasErrors => Issues.Any(i => i.IsError);

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.IsError);

    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => !i.IsError);

    /// <summary>The source row of each node and indicator, by code (for messages that point back into the file).</summary>
    public IReadOnlyDictionary<string, int> SourceRows { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// Reads a Renaksi from a grid of cells in the usual government layout: columns No, Uraian, Indikator Kinerja, Satuan,
/// Target, TW I-IV, Keterangan (header on any of the first 10 rows, possibly two rows with "Target" above "TW I-IV").
/// A row whose Uraian starts with a level word ("Tujuan 1 …", "Sub Kegiatan 2 …") opens a node; following rows with an
/// empty Uraian add further indicators to it. Codes are positional like the seed plan (T1, T1.S1, T1.S1.P1 …; indicators
/// node + ".I" + n). Numbers are read strictly as id-ID (<see cref="IdNumber"/>) unless the file stored a real number.
/// One pass over the rows with hashed look-ups: linear in the number of rows.
/// </summary>
public sealed partial class PlanGridParser
{
    private const int MaxTitleInMessage = 60;

    [GeneratedRegex(@"^\s*(?:\d{1,2}|[a-zA-Z])\s*[.)]\s*(?=\D)")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearInTitle();

    public PlanParseResult Parse(SheetGrid sheet, PlanGridOptions options) => Parse([sheet], options);

    /// <summary>Reads the first sheet that has a complete header; the others are reported when they look like plans too.</summary>
    public PlanParseResult Parse(IReadOnlyList<SheetGrid> sheets, PlanGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(options);
        if (sheets.Count == 0 || sheets.All(s => s.Rows.All(r => r.IsEmpty)))
        {
            return new PlanParseResult(null, [new ImportIssue(Severity.Error, sheets.FirstOrDefault()?.Name ?? "-", null, null,
                "Berkas tidak berisi data: semua lembar kosong.")], null, 0);
        }

        // A file's own layout (the CSV the export writes) is first turned into the Renaksi layout.
        sheets = sheets.Select(s => ExportLayout.TryConvert(s) ?? s).ToList();
        var headers = sheets.Select(s => (Sheet: s, Header: PlanHeader.Find(s))).ToList();
        var names = sheets.Select(s => s.Name).ToList();
        var planSheets = headers.Where(h => h.Header is { IsComplete: true }).Select(h => h.Sheet.Name).ToList();
        (SheetGrid Sheet, PlanHeader? Header) chosen;
        if (options.Sheet is { Length: > 0 } wanted)
        {
            chosen = headers.FirstOrDefault(h => string.Equals(h.Sheet.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (chosen.Sheet is null)
            {
                return new PlanParseResult(null, [new ImportIssue(Severity.Error, wanted, null, null,
                    $"Lembar \"{wanted}\" tidak ada di berkas ini. Lembar yang ada: {string.Join(", ", names)}.")], null, 0)
                    { SheetNames = names, PlanSheets = planSheets };
            }
            if (chosen.Header is not { IsComplete: true })
            {
                return new PlanParseResult(null, [MissingColumns([chosen])], null, 0) { SheetNames = names, PlanSheets = planSheets };
            }
        }
        else
        {
            chosen = headers.FirstOrDefault(h => h.Header is { IsComplete: true });
        }
        if (chosen.Header is null)
        {
            return new PlanParseResult(null, [MissingColumns(headers)], null, 0) { SheetNames = names, PlanSheets = planSheets };
        }

        var run = new Run(chosen.Sheet, chosen.Header, options);
        foreach (var (other, header) in headers)
        {
            if (other != chosen.Sheet && header is { IsComplete: true })
            {
                run.Issue(Severity.Warning, null, null,
                    $"Lembar {other.Name} juga berisi tabel rencana, tetapi hanya lembar {chosen.Sheet.Name} yang dibaca. Pilih lembar lain bila yang dimaksud bukan ini.");
            }
        }
        return run.Execute() with { SheetNames = names, PlanSheets = planSheets, HeaderRow = chosen.Sheet.Rows[chosen.Header.FirstRowIndex].Number };
    }

    private static ImportIssue MissingColumns(List<(SheetGrid Sheet, PlanHeader? Header)> headers)
    {
        var best = headers.Where(h => h.Header is not null)
            .OrderByDescending(h => PlanHeader.Required.Count(c => h.Header!.Columns.ContainsKey(c))).FirstOrDefault();
        var expected = "No, Uraian, Indikator Kinerja, Satuan, Target, TW I, TW II, TW III, TW IV, Keterangan";
        if (best.Header is null)
        {
            var sheet = headers[0].Sheet.Name;
            return new ImportIssue(Severity.Error, sheet, null, null,
                $"Judul kolom tabel rencana tidak ditemukan pada {PlanHeader.SearchRows} baris pertama. Baris judul harus memuat kolom: {expected}.");
        }
        var missing = string.Join(", ", best.Header.Missing.Select(PlanHeader.Name));
        var row = best.Sheet.Rows[best.Header.FirstRowIndex].Number;
        return new ImportIssue(Severity.Error, best.Sheet.Name, row, null,
            $"Kolom wajib tidak ditemukan: {missing}. Baris judul harus memuat kolom: {expected} (TW I-IV boleh di bawah judul gabungan \"Target\").");
    }

    /// <summary>Collapses line breaks from wrapped cells and repeated spaces: "Meningkatnya\nKoperasi  Sehat" → "Meningkatnya Koperasi Sehat".</summary>
    public static string Clean(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Short(string text) => text.Length <= MaxTitleInMessage ? text : text[..(MaxTitleInMessage - 1)] + "…";

    /// <summary>One parse of one sheet: the open nodes, counters for positional codes, the issues.</summary>
    private sealed class Run(SheetGrid sheet, PlanHeader header, PlanGridOptions options)
    {
        private static readonly PlanColumn[] NumberColumns = [PlanColumn.Target, PlanColumn.Tw1, PlanColumn.Tw2, PlanColumn.Tw3, PlanColumn.Tw4];
        private static readonly PlanColumn[] IndicatorColumns = [PlanColumn.Indikator, PlanColumn.Satuan, .. NumberColumns];

        private readonly List<ImportIssue> _issues = [];
        private readonly List<SkippedRow> _skipped = [];
        private readonly List<PlanNode> _roots = [];
        private readonly Dictionary<PlanNode, NodeState> _states = [];
        // Open nodes by level (index = (int)NodeLevel): the parent of a new node is the deepest open one above its level.
        private readonly NodeState?[] _open = new NodeState?[6];
        private readonly Dictionary<string, (int Row, NodeState? Node)> _seenRows = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NodeState> _nodesByKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _sourceRows = new(StringComparer.Ordinal);
        private readonly string[] _cells = new string[Enum.GetValues<PlanColumn>().Length];
        private NodeState? _current;
        private bool _orphansReported;
        private int _tujuanCount;
        private int _rows;

        private sealed class NodeState(PlanNode node, int row)
        {
            public PlanNode Node { get; } = node;
            public int Row { get; } = row;
            public int[] ChildCounts { get; } = new int[6];
            /// <summary>An indicator row of this node was refused: "no indicator" would only repeat that error.</summary>
            public bool RefusedIndicator { get; set; }
        }

        public void Issue(Severity severity, int? row, PlanColumn? column, string message)
        {
            var name = column is { } c && header.Columns.TryGetValue(c, out var index)
                ? $"{PlanHeader.Name(c)} ({SheetGrid.ColumnLetter(index)})"
                : column is { } c2 ? PlanHeader.Name(c2) : null;
            _issues.Add(new ImportIssue(severity, sheet.Name, row, name, message));
        }

        public PlanParseResult Execute()
        {
            foreach (var duplicate in header.Duplicates)
            {
                Issue(Severity.Warning, sheet.Rows[header.FirstRowIndex].Number, null, $"Kolom {duplicate} muncul dua kali; hanya yang pertama dibaca.");
            }

            var rows = sheet.Rows;
            // The table ends with its last plan row; what follows (a signature block, a footer) is not data.
            var last = rows.Count - 1;
            while (last >= header.DataStartIndex && !IsPlanRow(rows[last])) last--;
            var first = true;
            for (var i = header.DataStartIndex; i < rows.Count; i++)
            {
                var row = rows[i];
                if (row.IsEmpty) continue;
                if (i > last && last >= header.DataStartIndex)
                {
                    Skip(row, SkippedRow.BelowTable);
                    continue;
                }
                if (first && IsColumnNumbering(row))
                {
                    first = false;
                    Skip(row, SkippedRow.ColumnNumbers);
                    continue;
                }
                first = false;
                ReadRow(row);
            }

            foreach (var state in _states.Values)
            {
                // A node that only groups others (a Tujuan above its Sasaran) is a parent node, not a node missing its indicator.
                if (state.Node.Indicators.Count == 0 && state.Node.Children.Count == 0 && !state.RefusedIndicator)
                {
                    Issue(Severity.Warning, state.Row, PlanColumn.Uraian,
                        $"{state.Node.Label} \"{Short(state.Node.Title)}\" tidak memiliki indikator kinerja. Tambahkan indikator pada baris di bawahnya (kolom Uraian kosong).");
                }
            }

            Plan? plan = null;
            if (_roots.Count == 0)
            {
                if (_issues.Any(i => i.IsError)) return new PlanParseResult(null, _issues.OrderBy(i => i.Row ?? 0).ToList(), sheet.Name, _rows);
                Issue(Severity.Error, null, null,
                    "Tidak ada baris rencana di bawah judul kolom: kolom Uraian harus diawali Tujuan, Sasaran, Program, Kegiatan atau Sub Kegiatan.");
            }
            else
            {
                var (title, agency) = TitleAndAgency();
                plan = new Plan(options.Year, agency, title, _roots);
            }
            var ordered = _issues.OrderBy(i => i.Row ?? 0).ToList();
            return new PlanParseResult(plan, ordered, sheet.Name, _rows) { SourceRows = _sourceRows, Skipped = _skipped };
        }

        private void Skip(SheetRow row, string reason)
        {
            var text = string.Join(" · ", row.Cells.Where(c => !c.IsEmpty).Select(c => Clean(TextOf(c))));
            _skipped.Add(new SkippedRow(sheet.Name, row.Number, reason, Short(text)));
        }

        /// <summary>A row that belongs to the table: a Uraian opening a node, or an indicator row (two of: a name, a unit,
        /// a number in a target column). Rows after the last such row are the document's trailer; a signature
        /// ("Purbalingga, Januari 2025", a name, "NIP …") fills one cell of a row, never two of these.</summary>
        private bool IsPlanRow(SheetRow row)
        {
            string Cell(PlanColumn c) => header.Columns.TryGetValue(c, out var i) ? Clean(TextOf(row[i])) : "";
            var uraian = Cell(PlanColumn.Uraian);
            if (uraian.Length > 0) return NodeLabel.TryParse(uraian, out _, out _, out _);
            var parts = (Cell(PlanColumn.Indikator).Length > 0 ? 1 : 0) + (Cell(PlanColumn.Satuan).Length > 0 ? 1 : 0)
                + (NumberColumns.Any(c => row[header.Columns[c]] is { Number: not null } || IdNumber.Parse(Cell(c)).Ok) ? 1 : 0);
            return parts >= 2;
        }

        private void ReadRow(SheetRow row)
        {
            foreach (var column in Enum.GetValues<PlanColumn>())
            {
                _cells[(int)column] = header.Columns.TryGetValue(column, out var index) ? Clean(TextOf(row[index])) : "";
            }
            var uraian = _cells[(int)PlanColumn.Uraian];
            var hasIndicator = IndicatorColumns.Any(c => _cells[(int)c].Length > 0);
            if (uraian.Length == 0 && !hasIndicator)
            {
                Skip(row, SkippedRow.NoUraianNorIndicator);
                return;
            }
            _rows++;

            NodeRow? node = null;
            if (uraian.Length > 0)
            {
                node = ResolveNode(row, uraian);
                if (node is null) return;
            }

            // The same text under another parent is a different row; the same row twice in one place is a copy.
            var context = node is null ? _current?.Node.Code : node.Parent?.Node.Code;
            var key = context + "\u001f" + string.Join('\u001f', _cells);
            if (_seenRows.TryGetValue(key, out var seen))
            {
                Issue(Severity.Warning, row.Number, null, $"Baris ini sama persis dengan baris {seen.Row}; diabaikan.");
                // Copied indicator rows that follow a copied node row are copies too.
                if (seen.Node is not null) SetOpen(seen.Node);
                return;
            }

            if (node is not null) OpenNode(row, node);
            _seenRows[key] = (row.Number, node is null ? null : _current);
            if (_current is null)
            {
                if (!_orphansReported)
                {
                    Issue(Severity.Error, row.Number, PlanColumn.Uraian,
                        "Indikator tanpa uraian: baris indikator harus berada di bawah baris Tujuan, Sasaran, Program, Kegiatan atau Sub Kegiatan.");
                    _orphansReported = true;
                }
                return;
            }
            if (hasIndicator) ReadIndicator(row);
            else if (_cells[(int)PlanColumn.Keterangan].Length > 0)
            {
                Issue(Severity.Warning, row.Number, PlanColumn.Keterangan, "Keterangan pada baris uraian tanpa indikator diabaikan.");
            }
        }

        private sealed record NodeRow(NodeLevel Level, string Label, string Title, NodeState? Parent);

        /// <summary>The level, label, title and parent of the node a Uraian names; null (with an error) when it cannot be placed.</summary>
        private NodeRow? ResolveNode(SheetRow row, string uraian)
        {
            if (!NodeLabel.TryParse(uraian, out var level, out var label, out var title))
            {
                Issue(Severity.Error, row.Number, PlanColumn.Uraian,
                    $"\"{Short(uraian)}\": Uraian harus diawali Tujuan, Sasaran, Program, Kegiatan atau Sub Kegiatan (boleh diikuti nomor, mis. \"Program 1\").");
                _current = null;
                _orphansReported = true;
                return null;
            }
            if (title.Length == 0)
            {
                Issue(Severity.Error, row.Number, PlanColumn.Uraian, $"{label} tidak memiliki judul: tulis judulnya setelah \"{label}\" di sel yang sama.");
                _current = null;
                _orphansReported = true;
                return null;
            }

            NodeState? parent = null;
            for (var l = (int)level - 1; l >= (int)NodeLevel.Tujuan && parent is null; l--) parent = _open[l];
            if (level != NodeLevel.Tujuan && parent is null)
            {
                Issue(Severity.Error, row.Number, PlanColumn.Uraian, $"{label} tidak berada di bawah Tujuan mana pun: rencana harus diawali baris Tujuan.");
                _current = null;
                _orphansReported = true;
                return null;
            }
            return new NodeRow(level, label, title, parent);
        }

        private void OpenNode(SheetRow row, NodeRow resolved)
        {
            var (level, label, title, parent) = resolved;
            // A node written again under the same parent (a header repeated after a page break) continues the first one.
            var key = $"{parent?.Node.Code}\u001f{(int)level}\u001f{label.ToUpperInvariant()}\u001f{title}";
            if (_nodesByKey.TryGetValue(key, out var existing))
            {
                Issue(Severity.Warning, row.Number, PlanColumn.Uraian,
                    $"{label} \"{Short(title)}\" sudah ada di baris {existing.Row}; baris ini dianggap lanjutannya.");
                SetOpen(existing);
                return;
            }

            string code;
            if (parent is null) code = "T" + ++_tujuanCount;
            else code = $"{parent.Node.Code}.{NodeLabel.CodePrefix(level)}{++parent.ChildCounts[(int)level]}";
            var node = new PlanNode(code, level, title, label);
            if (parent is null) _roots.Add(node);
            else parent.Node.AddChild(node);
            var state = new NodeState(node, row.Number);
            _states[node] = state;
            _nodesByKey[key] = state;
            _sourceRows[code] = row.Number;
            SetOpen(state);
            _orphansReported = false;
        }

        private void SetOpen(NodeState state)
        {
            var level = (int)state.Node.Level;
            _open[level] = state;
            for (var l = level + 1; l < _open.Length; l++) _open[l] = null;
            _current = state;
        }

        private void ReadIndicator(SheetRow row)
        {
            var ok = true;
            var name = Enumerator().Replace(_cells[(int)PlanColumn.Indikator], "", 1);
            if (name.Length == 0)
            {
                Issue(Severity.Error, row.Number, PlanColumn.Indikator, "Nama indikator kinerja kosong, padahal satuan atau target diisi.");
                ok = false;
            }
            var unit = _cells[(int)PlanColumn.Satuan];
            if (unit.Length == 0)
            {
                Issue(Severity.Error, row.Number, PlanColumn.Satuan, "Satuan kosong: isi satuan indikator, mis. Persentase, Orang, Unit, Dokumen.");
                ok = false;
            }
            var values = new decimal?[NumberColumns.Length];
            var blank = new List<string>();
            for (var n = 0; n < NumberColumns.Length; n++)
            {
                var column = NumberColumns[n];
                var cell = row[header.Columns[column]];
                // A blank TW cell is "no quarterly target" (annual targets only), never 0; the annual target is required.
                if (column != PlanColumn.Target && cell.IsEmpty)
                {
                    blank.Add(PlanHeader.Name(column));
                    continue;
                }
                if (ReadNumber(row.Number, column, cell, unit) is { } value) values[n] = value;
                else ok = false;
            }
            if (ok && blank.Count is > 0 and < 4)
            {
                Issue(Severity.Warning, row.Number, null,
                    $"{string.Join(", ", blank)} kosong: dibaca sebagai tanpa target triwulan (bukan 0). Tulis 0 bila targetnya memang 0.");
            }
            var polarity = ReadPolarity(row.Number, ref ok);
            var aggregation = ReadAggregation(row.Number, ref ok);
            if (!ok)
            {
                _current!.RefusedIndicator = true;
                return;
            }

            var node = _current!.Node;
            var code = $"{node.Code}.I{node.Indicators.Count + 1}";
            var remark = _cells[(int)PlanColumn.Keterangan];
            node.AddIndicator(new Indicator(code, name, unit, values[0]!.Value, values[1..], polarity, aggregation, remark));
            _sourceRows[code] = row.Number;
        }

        private decimal? ReadNumber(int row, PlanColumn column, SheetCell cell, string unit)
        {
            var what = PlanHeader.Name(column);
            if (cell.Number is { } number)
            {
                if (number < 0)
                {
                    Issue(Severity.Error, row, column, $"{what} tidak boleh negatif ({IdNumber.Format(number)}).");
                    return null;
                }
                if (ValueBounds.Check(number, unit) is { } bound)
                {
                    Issue(Severity.Error, row, column, $"{what}: {bound}");
                    return null;
                }
                return number;
            }
            var text = Clean(cell.Text);
            if (text.Length == 0)
            {
                Issue(Severity.Error, row, column, $"{what} kosong. Tulis 0 bila tidak ada target.");
                return null;
            }
            if (text is "-" or "–" or "—") return 0m;
            var parsed = IdNumber.Parse(text);
            // The unit written inside the cell ("3 Laporan"), only when it is this row's own Satuan.
            if (!parsed.Ok && unit.Length > 0 && text.Length > unit.Length
                && text.EndsWith(unit, StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(text[^(unit.Length + 1)]))
            {
                var withoutUnit = IdNumber.Parse(text[..^unit.Length].TrimEnd());
                if (withoutUnit.Ok) parsed = withoutUnit;
            }
            if (!parsed.Ok)
            {
                Issue(Severity.Error, row, column, $"{what} \"{Short(text)}\" bukan angka yang sah: {parsed.Error}{Suggestion(text, parsed.Error)}");
                return null;
            }
            if (parsed.Value < 0)
            {
                Issue(Severity.Error, row, column, $"{what} tidak boleh negatif ({text}).");
                return null;
            }
            if (ValueBounds.Check(parsed.Value, unit) is { } outOfBounds)
            {
                Issue(Severity.Error, row, column, $"{what} \"{Short(text)}\": {outOfBounds}");
                return null;
            }
            if (parsed.Notice is { } notice) Issue(Severity.Warning, row, column, $"{what} \"{text}\": {notice}");
            return parsed.Value;
        }

        /// <summary>For an English-formatted number (1,234.5), the id-ID spelling it probably meant.</summary>
        private static string Suggestion(string text, string? error)
        {
            if (error != IdNumber.EnglishFormat && error != IdNumber.Ambiguous) return "";
            var swapped = new string(text.Select(c => c switch { ',' => '.', '.' => ',', _ => c }).ToArray());
            if (error == IdNumber.Ambiguous && !text.Contains(',')) swapped = text.Replace('.', ',');
            var parse = IdNumber.Parse(swapped);
            return parse.Ok ? $" Bila yang dimaksud {IdNumber.Format(parse.Value)}, tulis \"{swapped}\"." : "";
        }

        private Polarity ReadPolarity(int row, ref bool ok)
        {
            var text = PlanHeader.Normalise(_cells[(int)PlanColumn.Polaritas]);
            switch (text)
            {
                case "" or "positif" or "positive":
                    return Polarity.Positive;
                case "negatif" or "negative":
                    return Polarity.Negative;
                default:
                    Issue(Severity.Error, row, PlanColumn.Polaritas, $"Polaritas \"{_cells[(int)PlanColumn.Polaritas]}\" tidak dikenal: tulis Positif atau Negatif (makin rendah makin baik).");
                    ok = false;
                    return Polarity.Positive;
            }
        }

        private Aggregation? ReadAggregation(int row, ref bool ok)
        {
            var text = PlanHeader.Normalise(_cells[(int)PlanColumn.Agregasi]);
            switch (text)
            {
                case "":
                    return null;
                case "kumulatif" or "cumulative":
                    return Aggregation.Cumulative;
                case "nilaiterakhir" or "level" or "nilai":
                    return Aggregation.Level;
                default:
                    Issue(Severity.Error, row, PlanColumn.Agregasi, $"Agregasi \"{_cells[(int)PlanColumn.Agregasi]}\" tidak dikenal: tulis Kumulatif atau Nilai terakhir.");
                    ok = false;
                    return null;
            }
        }

        /// <summary>A row of column numbers (1, 2, 3 …) right under the header, as printed tables often have.</summary>
        private static bool IsColumnNumbering(SheetRow row)
        {
            var previous = 0m;
            var count = 0;
            foreach (var cell in row.Cells)
            {
                if (cell.IsEmpty) continue;
                var value = cell.Number ?? (decimal.TryParse(cell.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1m);
                if (value <= previous || value != decimal.Truncate(value)) return false;
                previous = value;
                count++;
            }
            return count >= 3;
        }

        private static string TextOf(SheetCell cell) => cell.Number is { } n ? IdNumber.Format(n) : cell.Text;

        /// <summary>The title ("RENCANA AKSI TAHUN 2025") and agency from the rows above the header.</summary>
        private (string Title, string Agency) TitleAndAgency()
        {
            var lines = new List<(int Row, string Text)>();
            for (var i = 0; i < header.FirstRowIndex; i++)
            {
                var text = sheet.Rows[i].Cells.Select(c => Clean(c.Text)).FirstOrDefault(t => t.Length > 0);
                if (text is not null) lines.Add((sheet.Rows[i].Number, text));
            }
            var at = lines.FindIndex(l => l.Text.Contains("rencana aksi", StringComparison.OrdinalIgnoreCase));
            if (at < 0) return ($"Rencana Aksi Tahun {options.Year}", options.Agency);

            var (row, title) = lines[at];
            var year = options.Year.ToString(CultureInfo.InvariantCulture);
            var years = YearInTitle().Matches(title).Select(m => m.Value).Where(y => y != year).Distinct().ToList();
            if (years.Count > 0)
            {
                var replaced = YearInTitle().Replace(title, year);
                Issue(Severity.Warning, row, null, $"Judul \"{title}\" menyebut tahun {string.Join(", ", years)}; rencana diimpor sebagai tahun {year} dengan judul \"{replaced}\".");
                title = replaced;
            }
            var agency = at + 1 < lines.Count ? lines[at + 1].Text : options.Agency;
            return (title, agency);
        }
    }
}
