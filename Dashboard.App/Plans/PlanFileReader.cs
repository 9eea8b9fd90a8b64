using System.IO.Compression;
using System.Text;
using Dashboard.Domain.Checks;
using Dashboard.Domain.Import;

namespace Dashboard.App.Plans;

/// <summary>The sheets of an uploaded plan file, or the one reason the file cannot be read at all.</summary>
public sealed record PlanFile(string FileName, IReadOnlyList<SheetGrid> Sheets, ImportIssue? Error)
{
    /// <summary>What the reader found out about the file, for the preview: format, encoding, separator.</summary>
    public IReadOnlyList<string> Detected { get; init; } = [];

    public static PlanFile Failed(string fileName, string message) =>
        new(fileName, [], new ImportIssue(Severity.Error, fileName, null, null, message));
}

/// <summary>
/// Turns an uploaded .xlsx or .csv into sheets of cells for <see cref="PlanGridParser"/>, after the file-level checks:
/// extension, empty, size, and whether the content really is what the extension says. Never throws for a bad file.
/// </summary>
public static class PlanFileReader
{
    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".csv"];

    public static async Task<PlanFile> ReadAsync(string fileName, Stream content, PlanImportOptions options, CancellationToken ct = default)
    {
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "berkas" : fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            var hint = extension is ".xls" or ".ods"
                ? $" Buka berkas di Excel lalu simpan ulang sebagai Buku Kerja Excel (.xlsx)."
                : "";
            var what = extension.Length == 0 ? "tanpa ekstensi" : extension;
            return PlanFile.Failed(name, $"Jenis berkas {what} tidak didukung. Unggah rencana dalam format .xlsx (Excel) atau .csv.{hint}");
        }

        byte[] bytes;
        try
        {
            bytes = await ReadLimitedAsync(content, options.MaxBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return PlanFile.Failed(name, TooLargeMessage(options));
        }
        catch (IOException e)
        {
            return PlanFile.Failed(name, $"Berkas tidak dapat dibaca sampai selesai ({e.Message}). Coba unggah lagi.");
        }
        if (bytes.Length == 0) return PlanFile.Failed(name, "Berkas kosong (0 byte). Pilih berkas rencana yang berisi tabel.");

        return extension == ".xlsx" ? XlsxGridReader.Read(name, bytes, options) : CsvGridReader.Read(name, bytes);
    }

    public static string TooLargeMessage(PlanImportOptions options) =>
        $"Berkas terlalu besar: batasnya {Megabytes(options.MaxBytes)}. Hapus lembar atau gambar yang tidak perlu, atau pisahkan berkasnya.";

    /// <summary>"5 MB", "1,5 MB"; below 1 MB in KB ("37 KB").</summary>
    public static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? Dashboard.Domain.Numbers.IdNumber.Format(Math.Max(1, Math.Round(bytes / 1024m))) + " KB"
        : Dashboard.Domain.Numbers.IdNumber.Format(Math.Round(bytes / 1024m / 1024m, 1)) + " MB";

    private static async Task<byte[]> ReadLimitedAsync(Stream content, long max, CancellationToken ct)
    {
        if (content.CanSeek && content.Length - content.Position > max) throw new FileTooLargeException();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new FileTooLargeException();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private sealed class FileTooLargeException : Exception;
}

/// <summary>.xlsx through ClosedXML, after checking that the zip really holds a workbook.</summary>
public static class XlsxGridReader
{
    private const int MaxColumns = 200;

    public static PlanFile Read(string name, byte[] bytes, PlanImportOptions options)
    {
        if (Check(name, bytes, options) is { } failed) return failed;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var workbook = new ClosedXML.Excel.XLWorkbook(stream);
            var sheets = workbook.Worksheets.Select(ReadSheet).ToList();
            return new PlanFile(name, sheets, null) { Detected = [$"Buku kerja Excel (.xlsx) dengan {sheets.Count} lembar: {string.Join(", ", sheets.Select(s => s.Name))}"] };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return PlanFile.Failed(name, "Berkas .xlsx tidak dapat dibaca: isinya rusak atau bukan buku kerja Excel yang utuh. Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.");
        }
    }

    /// <summary>The zip checks: signature, readable archive, a spreadsheet inside, unpacked size.</summary>
    private static PlanFile? Check(string name, byte[] bytes, PlanImportOptions options)
    {
        if (bytes.Length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            return PlanFile.Failed(name, "Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi. Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx.");
        }
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            return PlanFile.Failed(name, "Berkas ini bukan .xlsx yang sah: isinya bukan buku kerja Excel (mungkin berkas lain yang diganti namanya).");
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long unpacked = 0;
            string? contentTypes = null;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (entry.FullName == "[Content_Types].xml" && entry.Length < 1_000_000)
                {
                    using var reader = new StreamReader(entry.Open());
                    contentTypes = reader.ReadToEnd();
                }
            }
            if (contentTypes is null || !contentTypes.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase))
            {
                var what = contentTypes switch
                {
                    { } t when t.Contains("wordprocessingml", StringComparison.OrdinalIgnoreCase) => "dokumen Word (.docx)",
                    { } t when t.Contains("presentationml", StringComparison.OrdinalIgnoreCase) => "presentasi PowerPoint (.pptx)",
                    _ => "arsip ZIP biasa",
                };
                return PlanFile.Failed(name, $"Berkas ini {what}, bukan buku kerja Excel. Unggah berkas .xlsx yang berisi tabel rencana.");
            }
            if (unpacked > options.MaxUnpackedBytes)
            {
                return PlanFile.Failed(name, $"Isi berkas .xlsx terlalu besar setelah dibuka ({PlanFileReader.Megabytes(unpacked)}; batas {PlanFileReader.Megabytes(options.MaxUnpackedBytes)}).");
            }
            return Scan(name, zip, options);
        }
        catch (InvalidDataException)
        {
            return PlanFile.Failed(name, "Berkas .xlsx rusak: arsipnya tidak utuh (mungkin terpotong saat diunduh). Simpan ulang dari Excel lalu unggah lagi.");
        }
    }

    /// <summary>
    /// Streams every part once before the workbook is loaded, in constant memory: the sizes the zip declares may lie, so
    /// the bytes really unpacked are counted against <see cref="PlanImportOptions.MaxUnpackedBytes"/>, and each sheet's rows
    /// against <see cref="PlanImportOptions.MaxRows"/>.
    /// </summary>
    private static PlanFile? Scan(string name, ZipArchive zip, PlanImportOptions options)
    {
        var budget = new UnpackBudget(options.MaxUnpackedBytes);
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        try
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = new BudgetStream(entry.Open(), budget);
                var isSheet = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
                if (!isSheet)
                {
                    stream.CopyTo(Stream.Null);
                    continue;
                }
                var rows = 0;
                using var xml = System.Xml.XmlReader.Create(stream, settings);
                while (xml.Read())
                {
                    if (xml.NodeType != System.Xml.XmlNodeType.Element || xml.LocalName != "row") continue;
                    if (++rows > options.MaxRows)
                    {
                        return PlanFile.Failed(name, $"Lembar di dalam berkas memiliki terlalu banyak baris (lebih dari {Dashboard.Domain.Numbers.IdNumber.Format(options.MaxRows)}). Sebuah rencana aksi hanya beberapa ratus baris: hapus baris kosong atau data lain, lalu unggah lagi.");
                    }
                }
            }
        }
        catch (UnpackBudget.ExceededException)
        {
            return PlanFile.Failed(name, $"Isi berkas .xlsx terlalu besar setelah dibuka (lebih dari {PlanFileReader.Megabytes(options.MaxUnpackedBytes)}).");
        }
        catch (System.Xml.XmlException)
        {
            return PlanFile.Failed(name, "Berkas .xlsx tidak dapat dibaca: isinya rusak atau bukan buku kerja Excel yang utuh. Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.");
        }
        return null;
    }

    private sealed class UnpackBudget(long max)
    {
        private long _used;

        public void Spend(int bytes)
        {
            _used += bytes;
            if (_used > max) throw new ExceededException();
        }

        public sealed class ExceededException : Exception;
    }

    /// <summary>A read-only stream that counts what it delivers against the budget.</summary>
    private sealed class BudgetStream(Stream inner, UnpackBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static SheetGrid ReadSheet(ClosedXML.Excel.IXLWorksheet sheet)
    {
        // Merged cells: the value lives in the first cell; the others must read as empty even if a writer filled them.
        var covered = new HashSet<(int Row, int Column)>();
        foreach (var range in sheet.MergedRanges)
        {
            var first = range.RangeAddress.FirstAddress;
            var last = range.RangeAddress.LastAddress;
            for (var r = first.RowNumber; r <= last.RowNumber; r++)
            {
                for (var c = first.ColumnNumber; c <= Math.Min(last.ColumnNumber, MaxColumns); c++)
                {
                    if (r != first.RowNumber || c != first.ColumnNumber) covered.Add((r, c));
                }
            }
        }

        var rows = new SortedDictionary<int, SheetCell[]>();
        foreach (var cell in sheet.CellsUsed())
        {
            var address = cell.Address;
            if (address.ColumnNumber > MaxColumns || covered.Contains((address.RowNumber, address.ColumnNumber))) continue;
            var value = ReadCell(cell);
            if (value.IsEmpty) continue;
            if (!rows.TryGetValue(address.RowNumber, out var cells))
            {
                cells = new SheetCell[MaxColumns];
                rows[address.RowNumber] = cells;
            }
            cells[address.ColumnNumber - 1] = value;
        }
        return new SheetGrid(sheet.Name, rows.Select(r => new SheetRow(r.Key, Trim(r.Value))).ToList());
    }

    private static SheetCell[] Trim(SheetCell[] cells)
    {
        var last = Array.FindLastIndex(cells, c => !c.IsEmpty);
        return cells[..(last + 1)].Select(c => c.Text is null ? SheetCell.Empty : c).ToArray();
    }

    private static SheetCell ReadCell(ClosedXML.Excel.IXLCell cell)
    {
        try
        {
            if (cell.HasFormula)
            {
                // The value Excel saved; evaluating formulas here could fail on functions ClosedXML lacks.
                return cell.CachedValue switch
                {
                    null => SheetCell.Empty,
                    double d => Number(cell, d),
                    decimal m => Number(cell, (double)m),
                    int n => Number(cell, n),
                    string t when cell.DataType == ClosedXML.Excel.XLDataType.Number
                        && double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => Number(cell, parsed),
                    var other => new SheetCell(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                };
            }
            return cell.DataType switch
            {
                ClosedXML.Excel.XLDataType.Number => Number(cell, cell.GetDouble()),
                ClosedXML.Excel.XLDataType.Text => new SheetCell(cell.GetString()),
                _ => new SheetCell(cell.GetFormattedString()),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return new SheetCell(cell.GetString());
        }
    }

    private static SheetCell Number(ClosedXML.Excel.IXLCell cell, double value)
    {
        var number = (decimal)value;
        // A cell formatted as 7,1% holds 0.071: the plan means 7,1.
        var format = cell.Style.NumberFormat;
        if (format.NumberFormatId is 9 or 10 || (format.Format?.Contains('%') ?? false)) number *= 100;
        number = Math.Round(number, Dashboard.Domain.Numbers.IdNumber.MaxDecimals, MidpointRounding.AwayFromZero);
        return SheetCell.Of(number / 1.000000000000000000000000000000000m);
    }
}

/// <summary>
/// CSV as Excel and LibreOffice save it: comma, semicolon (Excel in Indonesia) or tab separated (the one that makes the
/// header readable), UTF-8 with or without BOM, else Windows-1252 (Excel's "CSV (dipisahkan koma)" on an Indonesian
/// Windows); quoted fields that may hold separators, quotes ("") and line breaks. Text that was already garbled by a
/// wrong encoding (mojibake such as "â€“") is refused, never imported.
/// </summary>
public static partial class CsvGridReader
{
    private static readonly char[] Separators = [';', ',', '\t'];

    // Bytes Windows-1252 leaves undefined: a file holding them is neither UTF-8 nor ANSI text.
    private static readonly byte[] Undefined1252 = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    static CsvGridReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // UTF-8 bytes read once as Windows-1252 and saved again: "â€“" for "–", "Ã©" for "é", "Â " for a no-break space.
    [System.Text.RegularExpressions.GeneratedRegex("â€[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Ã[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Â[\u00A0-\u00BF]")]
    private static partial System.Text.RegularExpressions.Regex Mojibake();

    public static PlanFile Read(string name, byte[] bytes)
    {
        string text;
        string encoding;
        try
        {
            (text, encoding) = Decode(bytes);
        }
        catch (DecoderFallbackException)
        {
            return PlanFile.Failed(name, "Berkas CSV ini bukan teks UTF-8. Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\", lalu unggah lagi.");
        }
        if (text.Contains('\0'))
        {
            return PlanFile.Failed(name, "Berkas ini bukan CSV: isinya data biner. Unggah berkas .csv berupa teks atau berkas .xlsx.");
        }
        if (encoding.Length == 0)
        {
            var at = Array.FindIndex(bytes, b => Undefined1252.Contains(b));
            var line = 1 + bytes.Take(at).Count(b => b == (byte)'\n');
            return PlanFile.Failed(name, $"Berkas CSV ini bukan UTF-8 dan bukan Windows-1252 (ANSI): ada byte 0x{bytes[at]:X2} yang tidak dikenal di baris {line}. Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\", lalu unggah lagi.");
        }
        var sheetName = Path.GetFileNameWithoutExtension(name);
        SheetGrid? best = null;
        var bestSeparator = Separators[0];
        var bestScore = -1;
        foreach (var separator in Separators)
        {
            var grid = Parse(sheetName, text, separator);
            // The export's own flat layout counts as readable once converted.
            var found = new[] { grid, ExportLayout.TryConvert(grid) }.Max(g => g is null || PlanHeader.Find(g) is not { } header
                ? 0 : PlanHeader.Required.Count(header.Columns.ContainsKey));
            var width = grid.Rows.Count == 0 ? 0 : grid.Rows.Max(r => r.Cells.Count);
            var score = found * 1000 + Math.Min(width, 999);
            if (score > bestScore)
            {
                best = grid;
                bestSeparator = separator;
                bestScore = score;
            }
        }
        if (Garbled(best!) is { } garbled) return new PlanFile(name, [], garbled);
        var separatorName = bestSeparator switch
        {
            ';' => "titik koma (;)",
            ',' => "koma (,)",
            _ => "tab",
        };
        return new PlanFile(name, [best!], null) { Detected = [$"CSV, pengodean {encoding}, pemisah {separatorName}"] };
    }

    /// <summary>The first cell whose text was garbled by a wrong encoding, as an error naming it.</summary>
    private static ImportIssue? Garbled(SheetGrid grid)
    {
        foreach (var row in grid.Rows)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var match = Mojibake().Match(row.Cells[c].Text);
                if (!match.Success) continue;
                return new ImportIssue(Severity.Error, grid.Name, row.Number, SheetGrid.ColumnLetter(c),
                    $"Teks \"{match.Value}\" rusak karena salah pengodean (mojibake), mis. \"â€“\" untuk tanda pisah \"–\". Tidak ada yang diimpor. Buka berkas aslinya di Excel dan simpan sebagai \"CSV UTF-8 (dipisahkan koma)\", lalu unggah lagi.");
            }
        }
        return null;
    }

    /// <summary>The text and the name of its encoding; an empty name when the bytes are neither UTF-8 nor Windows-1252.</summary>
    private static (string Text, string Encoding) Decode(byte[] bytes)
    {
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (utf8.GetString(bytes, 3, bytes.Length - 3), "UTF-8 dengan BOM");
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        try
        {
            return (utf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Excel's ANSI CSV. Windows-1252 maps every byte but five, so a stray one means "not text we know".
            if (bytes.Any(b => Undefined1252.Contains(b))) return ("", "");
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252 (ANSI)");
        }
    }
    /// <summary>RFC 4180 with a chosen separator; each record is one row, numbered from 1.</summary>
    public static SheetGrid Parse(string sheetName, string text, char separator)
    {
        var rows = new List<SheetRow>();
        var cells = new List<SheetCell>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        void EndField()
        {
            cells.Add(new SheetCell(field.ToString()));
            field.Clear();
        }
        void EndRow()
        {
            EndField();
            rows.Add(new SheetRow(rows.Count + 1, cells.ToArray()));
            cells.Clear();
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                }
                else field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    EndRow();
                    break;
                case '\n':
                    EndRow();
                    break;
                default:
                    if (c == separator) EndField();
                    else field.Append(c);
                    break;
            }
            i++;
        }
        if (field.Length > 0 || cells.Count > 0) EndRow();
        return new SheetGrid(sheetName, rows);
    }
}
