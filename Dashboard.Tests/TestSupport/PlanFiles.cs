using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;

namespace Dashboard.Tests.TestSupport;

/// <summary>Plan files made in the tests: small workbooks in the Renaksi layout, CSV text, and broken files.</summary>
public static class PlanFiles
{
    public static readonly string[] Header = ["No", "Uraian", "Indikator Kinerja", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Keterangan"];

    /// <summary>Header, then a Tujuan with two indicators (Uraian merged down), and one node of each lower level.</summary>
    public static object?[][] SmallPlan(string tujuanTitle = "Meningkatnya daya saing koperasi uji") =>
    [
        ["RENCANA AKSI TAHUN 2031"],
        ["DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA"],
        [],
        Header,
        [1, $"Tujuan 1 {tujuanTitle}", "Persentase koperasi berkualitas", "Persentase", 12.5m, 0, 5, 10, 12.5m, "Capaian akhir tahun"],
        [null, null, "Jumlah koperasi aktif", "Unit", 300, 75, 150, 225, 300, null],
        [1, "Sasaran 1 Meningkatnya koperasi sehat uji", "Persentase koperasi sehat", "Persentase", "65,8", "0", "0", "33,8", "65,8", null],
        [null, "Program 1 Pengawasan koperasi uji", "Persentase koperasi diawasi", "Persentase", 80, 20, 40, 60, 80, null],
        [null, "Kegiatan1 Pemeriksaan koperasi uji", "Jumlah koperasi diperiksa", "Unit", 40, 10, 20, 30, 40, null],
        [null, "Sub Kegiatan 1 Pelaksanaan pemeriksaan uji", "Jumlah laporan pemeriksaan", "Laporan", 4, 1, 2, 3, 4, null],
    ];

    // ---- a corpus of layouts as agencies keep them (issue 12) ----------------------------------------------------

    /// <summary>A government Renaksi as signed: title rows, a two-row header (Target over Tahunan/TW I-IV), the table
    /// with a Uraian merged over two indicator rows, then the signature block and a page footer in the target and
    /// remark columns. Rows 1-22; table rows 6-14 (9 rows, 6 nodes, 9 indicators), signature and footer rows 16-22.</summary>
    public static object?[][] GovernmentRenaksiWithSignature() =>
    [
        ["RENCANA AKSI (RENAKSI) TAHUN 2026"],
        ["DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA"],
        [],
        ["No", "Uraian", "Indikator Kinerja", "Satuan", "Target", null, null, null, null, "Keterangan"],
        [null, null, null, null, "Tahunan", "TW I", "TW II", "TW III", "TW IV", null],
        [1, "Tujuan 1 Meningkatnya kemandirian koperasi", "Persentase koperasi berkualitas", "Persentase", 7.1m, 0, 0, 3.9m, 7.1m, "Capaian akhir tahun"],
        [null, null, "Jumlah koperasi aktif", "Unit", 300, 75, 150, 225, 300, null],
        [null, "Sasaran 1 Meningkatnya koperasi sehat", "Persentase koperasi sehat", "Persentase", "65,8", "0", "0", "33,8", "65,8", null],
        [null, "PROGRAM 1 PENGAWASAN KOPERASI", "Persentase koperasi diawasi", "Persentase", 80, 20, 40, 60, 80, null],
        [null, "Kegiatan 1. Pemeriksaan koperasi", "Jumlah koperasi diperiksa", "Unit", 40, 10, 20, 30, 40, null],
        [null, "Sub. Kegiatan 1 Pelaksanaan pemeriksaan", "Jumlah laporan pemeriksaan", "Laporan", 4, 1, 2, 3, 4, null],
        [null, null, "Jumlah berita acara", "Dokumen", 12, 3, 6, 9, 12, null],
        [null, "Sasaran 2 Meningkatnya wirausaha baru", "Jumlah wirausaha baru", "Orang", 100, 25, 50, 75, 100, null],
        [null, null, "Persentase wirausaha naik kelas", "Persentase", 10, 0, 5, "7,5", 10, null],
        [],
        [null, null, null, null, null, null, null, "Purbalingga, Januari 2026", null, null],
        [null, null, null, null, null, null, null, "KEPALA DINAS KOPERASI DAN UKM", null, null],
        [null, null, null, null, null, null, null, "KABUPATEN PURBALINGGA", null, null],
        [],
        [null, null, null, null, null, null, null, "Drs. NAMA KEPALA DINAS, M.Si", null, null],
        [null, null, null, null, null, null, null, "NIP. 19700101 199503 1 002", null, null],
        [null, "Mengetahui,", null, null, null, null, null, null, null, "Halaman 1 dari 1"],
    ];

    /// <summary>A Renstra/IKU matrix: one annual target, TW I-IV left blank; a Tujuan and a Sasaran that only group;
    /// labels with official codes and punctuation ("Program 5.01.01: …", "Tujuan 2 : …", upper case, leading spaces,
    /// no number). 6 nodes (2 of them parent-only), 4 indicators, all annual-only.</summary>
    public static object?[][] RenstraAnnualOnly() =>
    [
        ["MATRIKS RENCANA AKSI TAHUN 2026"],
        [],
        ["No", "Uraian", "Indikator Kinerja", "Satuan", "Target Tahunan", "TW I", "TW II", "TW III", "TW IV", "Keterangan"],
        ["1", "Tujuan 1 : Meningkatnya daya saing UMKM", null, null, null, null, null, null, null, null],
        ["1.1", "  SASARAN 1: Meningkatnya UMKM naik kelas", null, null, null, null, null, null, null, null],
        [null, "Program 5.01.01: Penunjang urusan pemerintahan", "Nilai SAKIP", "Angka", "73,33", null, null, null, null, "IKU"],
        [null, "Kegiatan 5.01.01.2.01 Perencanaan, penganggaran, dan evaluasi kinerja", "Jumlah dokumen perencanaan", "Dokumen", 3, null, null, null, null, null],
        [null, "Tujuan 2 : Meningkatnya kelembagaan koperasi", "Persentase koperasi sehat", "Persentase", "65,8", null, null, null, null, null],
        [null, "PROGRAM Pemberdayaan koperasi", "Jumlah koperasi dibina", "Unit", 120, null, null, null, null, null],
    ];

    /// <summary>An Excel CSV as saved on an Indonesian Windows ("CSV (dipisahkan koma)"): ';' separator, decimal
    /// commas, CRLF, the merged Uraian written only on its first row, an en dash in a remark. Encode with
    /// <see cref="Windows1252"/>. 4 nodes, 5 indicators.</summary>
    public static string ExcelAnsiCsv() => Csv(
    [
        ["RENCANA AKSI TAHUN 2026"],
        ["DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA"],
        Header,
        ["1", "Tujuan 1 Meningkatnya daya saing koperasi", "Persentase koperasi berkualitas", "Persentase", "7,1", "0", "0", "3,9", "7,1", "Target Renstra 2021–2026"],
        ["", "", "Jumlah koperasi aktif", "Unit", "1.250", "300", "600", "900", "1.250", ""],
        ["", "Sasaran 1 Meningkatnya koperasi sehat", "Persentase koperasi sehat", "Persentase", "65,8%", "0", "0", "33,8", "65,8", ""],
        ["", "Program 1 Pengawasan koperasi", "Jumlah laporan pengawasan", "Laporan", "4 Laporan", "1", "2", "3", "4", "Pelaporan triwulanan – Bidang Pengawasan"],
        ["", "Kegiatan 1 Pemeriksaan koperasi", "Jumlah koperasi diperiksa", "Unit", "40", "10", "20", "30", "40", ""],
        [],
        ["", "", "", "", "", "", "", "Purbalingga, Januari 2026", "", ""],
        ["", "", "", "", "", "", "", "KEPALA DINAS KOPERASI DAN UKM", "", ""],
    ], ';');

    /// <summary>Text in Windows-1252 (Excel's ANSI on an Indonesian Windows): "–" is the single byte 0x96.</summary>
    public static byte[] Windows1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(text);
    }

    /// <summary>A workbook with one sheet: strings as text, numbers as numeric cells, null as empty.</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, string sheetName = "Renaksi", Action<IXLWorksheet>? tweak = null) =>
        Xlsx((sheetName, rows, tweak));

    /// <summary>A workbook with several sheets, in order, each filled as <see cref="Xlsx(IEnumerable{object?[]}, string, Action{IXLWorksheet}?)"/>.</summary>
    public static byte[] Xlsx(params (string Name, IEnumerable<object?[]> Rows, Action<IXLWorksheet>? Tweak)[] sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var (name, rows, tweak) in sheets)
        {
            var sheet = workbook.Worksheets.Add(name);
            var r = 1;
            foreach (var row in rows)
            {
                for (var c = 0; c < row.Length; c++)
                {
                    var cell = sheet.Cell(r, c + 1);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case string text:
                            cell.SetValue(text);
                            break;
                        case var number:
                            cell.SetValue(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }
                r++;
            }
            tweak?.Invoke(sheet);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The small plan with the Tujuan's Uraian (and No) merged over its two indicator rows.</summary>
    public static byte[] SmallPlanXlsx(string tujuanTitle = "Meningkatnya daya saing koperasi uji") =>
        Xlsx(SmallPlan(tujuanTitle), tweak: sheet =>
        {
            sheet.Range("A5:A6").Merge();
            sheet.Range("B5:B6").Merge();
            sheet.Range("A1:J1").Merge();
        });

    /// <summary>Rows as CSV text with the given separator; fields with the separator, quotes or line breaks are quoted.</summary>
    public static string Csv(IEnumerable<object?[]> rows, char separator) =>
        string.Concat(rows.Select(row => string.Join(separator, row.Select(v => Field(v, separator))) + "\r\n"));

    private static string Field(object? value, char separator)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            decimal d => Dashboard.Domain.Numbers.IdNumber.Format(d),
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        return text.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static byte[] Utf8(string text, bool bom) => bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    public static byte[] RandomBytes(int length, int seed = 42)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A generated plan of at least <paramref name="rows"/> data rows: Tujuan → 3 Sasaran → 2 Program each, with a second indicator per Sasaran.</summary>
    public static (List<object?[]> Rows, int Indicators) Generated(int rows)
    {
        var list = new List<object?[]> { Header };
        var indicators = 0;
        for (var t = 1; list.Count <= rows; t++)
        {
            list.Add([t, $"Tujuan {t} Tujuan nomor {t}", "Persentase A", "Persentase", 10, 2.5m, 5, 7.5m, 10, null]);
            indicators++;
            for (var s = 1; s <= 3; s++)
            {
                list.Add([null, $"Sasaran {s} Sasaran {t}.{s}", "Jumlah B", "Orang", 100, 25, 50, 75, 100, null]);
                list.Add([null, null, "Jumlah C", "Unit", 4, 1, 2, 3, 4, null]);
                indicators += 2;
                for (var p = 1; p <= 2; p++)
                {
                    list.Add([null, $"Program {p} Program {t}.{s}.{p}", "Jumlah D", "Dokumen", "1.200", "300", "600", "900", "1.200", null]);
                    indicators++;
                }
            }
        }
        return (list, indicators);
    }
}
