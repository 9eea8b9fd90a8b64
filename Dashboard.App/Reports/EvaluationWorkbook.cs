using ClosedXML.Excel;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.App.Reports;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as .xlsx: sheet "Evaluasi E.81" laid out like Permendagri 86/2017 form E.81,
/// and sheet "Monitoring Renaksi" with one row per indicator. Numbers are numeric cells with number formats, so Excel
/// shows them with the reader's decimal separator (7,1 in Indonesian Excel).
/// </summary>
public static class EvaluationWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string EvaluationSheet = "Evaluasi E.81";
    public const string MonitoringSheet = "Monitoring Renaksi";
    public const string PercentFormat = "0.00";

    /// <summary>First and last header row of the E.81 sheet (the column-number row included); data starts below.</summary>
    public const int E81HeaderTop = 6, E81HeaderBottom = 9;

    public const int MonitoringHeaderTop = 5, MonitoringHeaderBottom = 6;

    private const int E81Columns = 20;
    private const int MonitoringColumns = 17;

    // Set by hand: ClosedXML's AdjustToContents measures fonts through System.Drawing, which needs libgdiplus on Linux.
    private static readonly double[] E81Widths = [6, 14, 30, 30, 9, 8, 7.5, 7.5, 7.5, 7.5, 7.5, 7.5, 7.5, 7.5, 9, 9, 13, 26, 26, 26];
    private static readonly double[] MonitoringWidths = [7, 34, 34, 10, 9, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 16, 26];

    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xE8, 0xEE, 0xF4);
    private static readonly XLColor[] NodeFills =
    [
        XLColor.FromArgb(0xD6, 0xE0, 0xF0), XLColor.FromArgb(0xE3, 0xEA, 0xF5), XLColor.FromArgb(0xEE, 0xF2, 0xF8),
        XLColor.FromArgb(0xF4, 0xF6, 0xFA), XLColor.FromArgb(0xF8, 0xFA, 0xFC),
    ];

    /// <summary>Excel refuses longer cell texts.</summary>
    private const int MaxCellText = 32_767;

    public static void Write(EvaluationReport report, Stream output)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Arial";
        workbook.Style.Font.FontSize = 9;
        WriteE81(workbook.Worksheets.Add(EvaluationSheet), report);
        WriteMonitoring(workbook.Worksheets.Add(MonitoringSheet), report);
        Infrastructure.SpreadsheetSafety.Neutralise(workbook);
        workbook.SaveAs(output);
    }

    private static void WriteE81(IXLWorksheet sheet, EvaluationReport report)
    {
        var h = report.Header;
        SetWidths(sheet, E81Widths);
        Title(sheet, 1, E81Columns, "EVALUASI TERHADAP HASIL RENCANA AKSI (RENAKSI) PERANGKAT DAERAH", 12);
        Title(sheet, 2, E81Columns, h.Agency.ToUpper(ReportText.Culture), 11);
        Title(sheet, 3, E81Columns, $"{h.QuarterLabel.ToUpper(ReportText.Culture)} TAHUN {h.Year}", 11);
        Line(sheet, 4, E81Columns, $"{h.PlanTitle} · Periode {h.Period} · Data per {h.DataTimeText}");
        Line(sheet, 5, E81Columns, string.Join(" ", new[] { ReportHeader.FormName + "." }.Concat(h.Notes)));

        // Multi-row header as on the form: group captions over their sub-columns, single captions merged down.
        const int top = E81HeaderTop, bottom = E81HeaderBottom - 1;
        Header(sheet, top, 1, bottom, 1, "No");
        Header(sheet, top, 2, bottom, 2, "Kode");
        Header(sheet, top, 3, bottom, 3, "Sasaran / Program / Kegiatan / Sub Kegiatan");
        Header(sheet, top, 4, bottom, 4, "Indikator kinerja");
        Header(sheet, top, 5, bottom, 5, "Satuan");
        Header(sheet, top, 6, top, 10, "Target kinerja");
        Header(sheet, top + 1, 6, bottom, 6, "Tahunan");
        Header(sheet, top + 1, 7, top + 1, 10, "Kumulatif s.d. triwulan");
        Header(sheet, top, 11, top, 14, "Realisasi kinerja pada triwulan");
        Header(sheet, top, 15, top, 16, "Capaian (%)");
        Header(sheet, top + 1, 15, bottom, 15, $"Thd target {h.QuarterShort} (kumulatif)");
        Header(sheet, top + 1, 16, bottom, 16, "Thd target tahunan");
        Header(sheet, top, 17, bottom, 17, "Predikat");
        Header(sheet, top, 18, bottom, 18, "Faktor pendorong");
        Header(sheet, top, 19, bottom, 19, "Faktor penghambat");
        Header(sheet, top, 20, bottom, 20, "Tindak lanjut");
        foreach (var q in Quarters.All)
        {
            Header(sheet, bottom, 6 + q, bottom, 6 + q, Quarters.Roman(q));
            Header(sheet, top + 1, 10 + q, bottom, 10 + q, Quarters.Roman(q));
        }
        for (var c = 1; c <= E81Columns; c++) sheet.Cell(E81HeaderBottom, c).SetValue(c);
        var numbers = sheet.Range(E81HeaderBottom, 1, E81HeaderBottom, E81Columns);
        numbers.Style.Font.Italic = true;
        numbers.Style.Font.FontSize = 7;
        numbers.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        numbers.Style.Fill.BackgroundColor = HeaderFill;

        var r = E81HeaderBottom + 1;
        foreach (var row in report.Rows)
        {
            switch (row)
            {
                case NodeRow node:
                    sheet.Cell(r, 1).SetValue(node.Number);
                    sheet.Cell(r, 2).SetValue(node.Code);
                    sheet.Cell(r, 3).SetValue(Text(node.Heading));
                    sheet.Cell(r, 4).SetValue($"Rata-rata capaian {node.WithCapaian} dari {node.IndicatorCount} indikator");
                    sheet.Cell(r, 4).Style.Font.Italic = true;
                    Percent(sheet.Cell(r, 15), node.AverageCapaian);
                    Predikat(sheet.Cell(r, 17), node.Predikat, node.Band?.Light());
                    var band = sheet.Range(r, 1, r, E81Columns);
                    band.Style.Fill.BackgroundColor = NodeFills[Math.Min(node.Depth, NodeFills.Length - 1)];
                    band.Style.Font.Bold = true;
                    sheet.Cell(r, 17).Style.Fill.BackgroundColor = LightFill(node.Band?.Light()) ?? NodeFills[Math.Min(node.Depth, NodeFills.Length - 1)];
                    break;
                case IndicatorRow indicator:
                    sheet.Cell(r, 2).SetValue(indicator.Code);
                    sheet.Cell(r, 4).SetValue(Text(indicator.Name));
                    sheet.Cell(r, 5).SetValue(Text(indicator.Unit));
                    Number(sheet.Cell(r, 6), indicator.AnnualTarget);
                    for (var q = 0; q < 4; q++)
                    {
                        Number(sheet.Cell(r, 7 + q), indicator.Targets[q]);
                        Number(sheet.Cell(r, 11 + q), indicator.Realisations[q]);
                    }
                    Percent(sheet.Cell(r, 15), indicator.Capaian);
                    Percent(sheet.Cell(r, 16), indicator.AnnualCapaian);
                    Predikat(sheet.Cell(r, 17), indicator.Warning ? $"{indicator.Predikat} (>200%)" : indicator.Predikat, indicator.Tag.Light);
                    sheet.Cell(r, 18).SetValue(Text(indicator.Drivers));
                    sheet.Cell(r, 19).SetValue(Text(indicator.Obstacles));
                    sheet.Cell(r, 20).SetValue(Text(indicator.FollowUpText));
                    break;
            }
            r++;
        }
        var lastData = r - 1;

        // Rata-rata capaian kinerja and predikat kinerja of the whole plan, as the form's closing rows.
        var f = report.Footer;
        Footer(sheet, r, 14, "Rata-rata capaian kinerja (%)");
        Percent(sheet.Cell(r, 15), f.AverageCapaian);
        sheet.Range(r, 15, r, 16).Merge();
        Predikat(sheet.Cell(r, 17), f.Predikat, f.Band?.Light());
        sheet.Range(r, 1, r, E81Columns).Style.Font.Bold = true;
        r++;
        Footer(sheet, r, 14, "Predikat kinerja");
        sheet.Cell(r, 15).SetValue(f.Predikat);
        sheet.Range(r, 15, r, 17).Merge();
        sheet.Range(r, 1, r, E81Columns).Style.Font.Bold = true;
        r++;
        Footer(sheet, r, E81Columns, $"Indikator dengan capaian: {f.WithCapaian} dari {f.IndicatorCount}; belum dilaporkan: {f.NotReported}. " +
            "Kriteria (Permendagri 86/2017): Sangat Tinggi > 90%; Tinggi > 75–90%; Sedang > 65–75%; Rendah > 50–65%; Sangat Rendah ≤ 50%.");
        sheet.Row(r).Style.Font.Italic = true;
        var table = sheet.Range(E81HeaderTop, 1, r, E81Columns);
        Borders(table);
        sheet.Range(E81HeaderBottom + 1, 1, r, E81Columns).Style.Alignment.WrapText = true;
        sheet.Range(E81HeaderBottom + 1, 1, r, E81Columns).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Range(E81HeaderBottom + 1, 1, lastData, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;

        r = Signatures(sheet, r + 2, report, leftFrom: 1, leftTo: 4, rightFrom: 15, rightTo: E81Columns);

        sheet.SheetView.FreezeRows(E81HeaderBottom);
        PrintSetup(sheet, E81HeaderTop, E81HeaderBottom, r - 1, E81Columns);
    }

    private static void WriteMonitoring(IXLWorksheet sheet, EvaluationReport report)
    {
        var h = report.Header;
        SetWidths(sheet, MonitoringWidths);
        Title(sheet, 1, MonitoringColumns, $"MONITORING RENCANA AKSI TAHUN {h.Year}", 12);
        Title(sheet, 2, MonitoringColumns, h.Agency.ToUpper(ReportText.Culture), 11);
        Line(sheet, 3, MonitoringColumns, $"{h.QuarterLabel} ({h.Period}) · Data per {h.DataTimeText}" +
            (h.Notes.Count > 0 ? " · " + string.Join(" ", h.Notes) : ""));

        const int top = MonitoringHeaderTop, bottom = MonitoringHeaderBottom;
        Header(sheet, top, 1, bottom, 1, "No");
        Header(sheet, top, 2, bottom, 2, "Uraian");
        Header(sheet, top, 3, bottom, 3, "Indikator");
        Header(sheet, top, 4, bottom, 4, "Satuan");
        Header(sheet, top, 5, bottom, 5, "Target tahunan");
        Header(sheet, top, 6, top, 9, "Target TW (kumulatif)");
        Header(sheet, top, 10, top, 13, "Realisasi TW");
        foreach (var q in Quarters.All)
        {
            Header(sheet, bottom, 5 + q, bottom, 5 + q, Quarters.Roman(q));
            Header(sheet, bottom, 9 + q, bottom, 9 + q, Quarters.Roman(q));
        }
        Header(sheet, top, 14, bottom, 14, $"Capaian {h.QuarterShort} (%)");
        Header(sheet, top, 15, bottom, 15, "Capaian tahunan (%)");
        Header(sheet, top, 16, bottom, 16, "Status");
        Header(sheet, top, 17, bottom, 17, "Keterangan");

        var r = bottom + 1;
        var rows = report.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not NodeRow node) continue;
            var indicators = rows.Skip(i + 1).TakeWhile(x => x is IndicatorRow).Cast<IndicatorRow>().ToList();
            var first = r;
            if (indicators.Count == 0)
            {
                sheet.Cell(r, 3).SetValue("(tanpa indikator)");
                r++;
            }
            foreach (var indicator in indicators)
            {
                sheet.Cell(r, 3).SetValue(Text(indicator.Name));
                sheet.Cell(r, 4).SetValue(Text(indicator.Unit));
                Number(sheet.Cell(r, 5), indicator.AnnualTarget);
                for (var q = 0; q < 4; q++)
                {
                    Number(sheet.Cell(r, 6 + q), indicator.Targets[q]);
                    Number(sheet.Cell(r, 10 + q), indicator.Realisations[q]);
                }
                Percent(sheet.Cell(r, 14), indicator.Capaian);
                Percent(sheet.Cell(r, 15), indicator.AnnualCapaian);
                Predikat(sheet.Cell(r, 16), indicator.Warning ? $"{indicator.Predikat} (>200%)" : indicator.Predikat, indicator.Tag.Light);
                sheet.Cell(r, 17).SetValue(Text(indicator.Note));
                r++;
            }
            // Like the signed table: the node's number and title once, beside all of its indicators.
            sheet.Cell(first, 1).SetValue(node.Number);
            sheet.Cell(first, 2).SetValue(Text(node.Heading));
            sheet.Range(first, 1, first, 2).Style.Font.Bold = node.Depth < 2;
            if (r - 1 > first)
            {
                sheet.Range(first, 1, r - 1, 1).Merge();
                sheet.Range(first, 2, r - 1, 2).Merge();
            }
        }
        var data = sheet.Range(top, 1, Math.Max(r - 1, bottom), MonitoringColumns);
        Borders(data);
        if (r > bottom + 1)
        {
            var body = sheet.Range(bottom + 1, 1, r - 1, MonitoringColumns);
            body.Style.Alignment.WrapText = true;
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Range(bottom + 1, 1, r - 1, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }
        sheet.SheetView.FreezeRows(bottom);
        PrintSetup(sheet, top, bottom, r - 1, MonitoringColumns);
    }

    /// <summary>Mengetahui (Kepala Bappeda) on the left, the signer on the right; names and NIP are left blank.</summary>
    private static int Signatures(IXLWorksheet sheet, int r, EvaluationReport report, int leftFrom, int leftTo, int rightFrom, int rightTo)
    {
        var left = Lines(report.Acknowledger);
        var right = Lines(report.Signer);
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++, r++)
        {
            Signature(sheet.Range(r, leftFrom, r, leftTo), i < left.Count ? left[i] : "");
            Signature(sheet.Range(r, rightFrom, r, rightTo), i < right.Count ? right[i] : "");
        }
        return r;
    }

    /// <summary>Place/date or caption, title, three blank lines to sign on, the name line and "NIP.".</summary>
    public static IReadOnlyList<string> Lines(ReportSignature s) =>
        [s.PlaceDate ?? s.Caption ?? "", s.Title, "", "", "", ReportSignature.NameLine, ReportSignature.NipLine];

    private static void Signature(IXLRange range, string text)
    {
        range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Font.FontSize = 10;
    }

    private static void PrintSetup(IXLWorksheet sheet, int headerTop, int headerBottom, int lastRow, int columns)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(headerTop, headerBottom);
        page.PrintAreas.Add(1, 1, Math.Max(lastRow, headerBottom), columns);
        page.CenterHorizontally = true;
        page.Margins.Left = page.Margins.Right = 0.47;
        page.Margins.Top = page.Margins.Bottom = 0.55;
        page.Margins.Header = page.Margins.Footer = 0.25;
        page.Footer.Center.AddText("Halaman ");
        page.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Center.AddText(" dari ");
        page.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
    }

    private static void SetWidths(IXLWorksheet sheet, double[] widths)
    {
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
    }

    private static void Title(IXLWorksheet sheet, int row, int columns, string text, double size)
    {
        var range = sheet.Range(row, 1, row, columns).Merge();
        range.FirstCell().SetValue(Text(text));
        range.Style.Font.Bold = true;
        range.Style.Font.FontSize = size;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    private static void Line(IXLWorksheet sheet, int row, int columns, string text)
    {
        var range = sheet.Range(row, 1, row, columns).Merge();
        range.FirstCell().SetValue(Text(text));
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.WrapText = true;
        // A merged cell is never auto-fitted: room for two lines of notes.
        sheet.Row(row).Height = 24;
    }

    private static void Header(IXLWorksheet sheet, int top, int left, int bottom, int right, string text)
    {
        var range = sheet.Range(top, left, bottom, right);
        if (top != bottom || left != right) range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
    }

    private static void Footer(IXLWorksheet sheet, int row, int lastColumn, string text)
    {
        var range = sheet.Range(row, 1, row, lastColumn).Merge();
        range.FirstCell().SetValue(text);
        range.Style.Alignment.Horizontal = lastColumn == E81Columns ? XLAlignmentHorizontalValues.Left : XLAlignmentHorizontalValues.Right;
    }

    private static void Borders(IXLRange range)
    {
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>A numeric cell showing exactly the decimals the value has (7,1 and 145, never "145,").</summary>
    private static void Number(IXLCell cell, decimal? value)
    {
        if (value is not { } v) return;
        cell.SetValue((double)v);
        cell.Style.NumberFormat.Format = NumberFormat(v);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>"#,##0", "#,##0.0", … up to four decimals.</summary>
    public static string NumberFormat(decimal value)
    {
        // Dividing by 1.000… drops trailing zeros from the scale: 7.10 → 7.1.
        var normal = value / 1.000000000000000000000000000000000m;
        var scale = Math.Min((decimal.GetBits(normal)[3] >> 16) & 0xFF, 4);
        return scale == 0 ? "#,##0" : "#,##0." + new string('0', scale);
    }

    private static void Percent(IXLCell cell, decimal? value)
    {
        if (value is not { } v) return;
        cell.SetValue((double)v);
        cell.Style.NumberFormat.Format = PercentFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>The label carries the meaning (black-and-white print); the fill only helps on screen.</summary>
    private static void Predikat(IXLCell cell, string label, TrafficLight? light)
    {
        cell.SetValue(label);
        if (LightFill(light) is { } fill) cell.Style.Fill.BackgroundColor = fill;
    }

    private static XLColor? LightFill(TrafficLight? light) => light switch
    {
        TrafficLight.Green => XLColor.FromArgb(0xC8, 0xE6, 0xC9),
        TrafficLight.Yellow => XLColor.FromArgb(0xFF, 0xF1, 0x9D),
        TrafficLight.Red => XLColor.FromArgb(0xFF, 0xCD, 0xD2),
        _ => null,
    };

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
