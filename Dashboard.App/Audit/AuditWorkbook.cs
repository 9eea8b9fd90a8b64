using ClosedXML.Excel;
using Dashboard.App.Data;

namespace Dashboard.App.Audit;

/// <summary>Writes audit rows as an .xlsx sheet "Log audit": real date cells in WIB, a frozen bold header, an autofilter.</summary>
public static class AuditWorkbook
{
    public const string SheetName = "Log audit";
    public const string DateFormat = "dd/mm/yyyy hh:mm:ss";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> Headers =
        ["Waktu (WIB)", "Pengguna", "Tindakan", "Objek", "Kunci", "Sebelum", "Sesudah", "Keterangan"];

    // Set by hand: ClosedXML's AdjustToContents measures fonts through System.Drawing, which needs libgdiplus on Linux.
    private static readonly double[] Widths = [20, 20, 26, 14, 28, 50, 50, 40];

    /// <summary>Excel refuses longer cell texts.</summary>
    private const int MaxCellText = 32_767;

    public static void Write(IReadOnlyList<AuditRecord> rows, TimeZoneInfo zone, Stream output)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        // Column styles first: cells created afterwards take them over, which is far cheaper than styling 50,000-row ranges.
        sheet.Columns(1, Headers.Count).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Column(1).Style.NumberFormat.Format = DateFormat;
        sheet.Columns(6, 8).Style.Alignment.WrapText = true;
        for (var c = 0; c < Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Headers[c]);
            sheet.Column(c + 1).Width = Widths[c];
        }
        var header = sheet.Range(1, 1, 1, Headers.Count);
        header.Style.Font.Bold = true;
        header.Style.NumberFormat.NumberFormatId = 0;
        header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xE8, 0xEE, 0xF4);

        var r = 2;
        foreach (var row in rows)
        {
            // Excel has no time zones: the cell holds the WIB wall-clock time, as the header says.
            sheet.Cell(r, 1).SetValue(TimeZoneInfo.ConvertTime(row.At, zone).DateTime);
            // SetValue keeps text as text: a key like "2025" or a note starting with "=" is never read as a number or formula.
            sheet.Cell(r, 2).SetValue(Text(row.Actor));
            sheet.Cell(r, 3).SetValue(Text(AuditLabels.Action(row.Action)));
            sheet.Cell(r, 4).SetValue(Text(AuditLabels.Entity(row.Entity)));
            sheet.Cell(r, 5).SetValue(Text(row.EntityKey));
            sheet.Cell(r, 6).SetValue(Text(row.Before));
            sheet.Cell(r, 7).SetValue(Text(row.After));
            sheet.Cell(r, 8).SetValue(Text(row.Detail));
            r++;
        }

        sheet.Range(1, 1, r - 1, Headers.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
        Infrastructure.SpreadsheetSafety.Neutralise(workbook);
        workbook.SaveAs(output);
    }

    /// <summary>Drops control characters XML cannot carry and cuts to Excel's cell limit.</summary>
    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var clean = value.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'))
            ? new string(value.Where(ch => !char.IsControl(ch) || ch is '\t' or '\n' or '\r').ToArray())
            : value;
        return clean.Length <= MaxCellText ? clean : clean[..(MaxCellText - 1)] + "…";
    }
}
