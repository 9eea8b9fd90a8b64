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

    /// <summary>A workbook with one sheet: strings as text, numbers as numeric cells, null as empty.</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, string sheetName = "Renaksi", Action<IXLWorksheet>? tweak = null)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
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
