using ClosedXML.Excel;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.App.Plans;

/// <summary>
/// Writes a plan with its realisation as .xlsx in the usual Renaksi layout, so that the file reads back through the
/// import into the same plan: merged title and agency rows, a two-row header ("Target" over Tahunan and TW I-IV),
/// Uraian = label + title merged down over a node's indicator rows, numeric cells with number formats, then
/// Keterangan, Realisasi TW I-IV, Capaian TW I-IV and the codes, polarity and aggregation (which the import reads
/// back when present and ignores otherwise).
/// </summary>
public static class PlanXlsxExporter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int HeaderRow = 4;
    private const int FirstDataRow = HeaderRow + 2;

    // 1-based column numbers.
    private const int ColNo = 1, ColUraian = 2, ColIndicator = 3, ColUnit = 4, ColTarget = 5, ColTw1 = 6, ColRemark = 10,
        ColReal1 = 11, ColCapaian1 = 15, ColCode = 19, ColPolarity = 20, ColAggregation = 21, LastColumn = ColAggregation;

    public static string FileName(int year) => $"renaksi-{year}.xlsx";

    public static byte[] Write(PlanEvaluation evaluation, string? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var plan = evaluation.Plan;
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName(plan.Year));

        Title(sheet, 1, plan.Title, 14);
        Title(sheet, 2, plan.Agency, 12);
        if (asOf is not null) sheet.Cell(3, 1).SetValue(asOf).Style.Font.SetItalic();
        WriteHeader(sheet);

        var row = FirstDataRow;
        foreach (var root in plan.Roots)
        {
            row = WriteNode(sheet, evaluation, root, 1, row);
        }

        var table = sheet.Range(HeaderRow, 1, Math.Max(row - 1, HeaderRow + 1), LastColumn);
        table.Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        table.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        sheet.Range(HeaderRow, 1, HeaderRow + 1, LastColumn).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        Widths(sheet);
        sheet.SheetView.FreezeRows(HeaderRow + 1);
        sheet.PageSetup.SetPageOrientation(XLPageOrientation.Landscape);
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow + 1);

        using var stream = new MemoryStream();
        Infrastructure.SpreadsheetSafety.Neutralise(workbook);
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string SheetName(int year) => $"Renaksi {year}";

    private static void Title(IXLWorksheet sheet, int row, string text, double size)
    {
        var range = sheet.Range(row, 1, row, LastColumn).Merge();
        range.FirstCell().SetValue(text);
        range.Style.Font.SetBold().Font.SetFontSize(size).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
    }

    private static void WriteHeader(IXLWorksheet sheet)
    {
        void Single(int column, string text) =>
            sheet.Range(HeaderRow, column, HeaderRow + 1, column).Merge().FirstCell().SetValue(text);

        void Group(int column, string text, params string[] subs)
        {
            sheet.Range(HeaderRow, column, HeaderRow, column + subs.Length - 1).Merge().FirstCell().SetValue(text);
            for (var i = 0; i < subs.Length; i++) sheet.Cell(HeaderRow + 1, column + i).SetValue(subs[i]);
        }

        Single(ColNo, "No");
        Single(ColUraian, "Uraian");
        Single(ColIndicator, "Indikator Kinerja");
        Single(ColUnit, "Satuan");
        Group(ColTarget, "Target", "Tahunan", "TW I", "TW II", "TW III", "TW IV");
        Single(ColRemark, "Keterangan");
        Group(ColReal1, "Realisasi", "TW I", "TW II", "TW III", "TW IV");
        Group(ColCapaian1, "Capaian (%)", "TW I", "TW II", "TW III", "TW IV");
        Single(ColCode, "Kode");
        Single(ColPolarity, "Polaritas");
        Single(ColAggregation, "Agregasi");

        var header = sheet.Range(HeaderRow, 1, HeaderRow + 1, LastColumn).Style;
        header.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DDE7F0"))
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetWrapText();
    }

    private static int WriteNode(IXLWorksheet sheet, PlanEvaluation evaluation, PlanNode node, int position, int row)
    {
        var span = Math.Max(1, node.Indicators.Count);
        var no = sheet.Range(row, ColNo, row + span - 1, ColNo);
        var uraian = sheet.Range(row, ColUraian, row + span - 1, ColUraian);
        if (span > 1)
        {
            no.Merge();
            uraian.Merge();
        }
        no.FirstCell().SetValue(position);
        uraian.FirstCell().SetValue($"{node.Label} {node.Title}");
        uraian.Style.Alignment.SetWrapText();
        if (node.Level <= NodeLevel.Sasaran) uraian.Style.Font.SetBold();

        if (node.Indicators.Count == 0) sheet.Cell(row, ColCode).SetValue(node.Code);
        for (var i = 0; i < node.Indicators.Count; i++)
        {
            WriteIndicator(sheet, evaluation, node.Indicators[i], row + i);
        }

        row += span;
        var child = 0;
        foreach (var c in node.Children) row = WriteNode(sheet, evaluation, c, ++child, row);
        return row;
    }

    private static void WriteIndicator(IXLWorksheet sheet, PlanEvaluation evaluation, Indicator indicator, int row)
    {
        sheet.Cell(row, ColIndicator).SetValue(indicator.Name).Style.Alignment.SetWrapText();
        sheet.Cell(row, ColUnit).SetValue(indicator.Unit);
        Number(sheet.Cell(row, ColTarget), indicator.AnnualTarget);
        // A blank quarter stays blank (annual targets only); 0 is written as 0.
        for (var q = 0; q < 4; q++)
        {
            if (indicator.QuarterTargets[q] is { } target) Number(sheet.Cell(row, ColTw1 + q), target);
        }
        if (indicator.Remark is { } remark) sheet.Cell(row, ColRemark).SetValue(remark).Style.Alignment.SetWrapText();

        var statuses = evaluation.For(indicator);
        for (var q = 0; q < 4; q++)
        {
            if (statuses[q].Realisation is { } realisation) Number(sheet.Cell(row, ColReal1 + q), realisation);
            if (statuses[q].Capaian is { } capaian) sheet.Cell(row, ColCapaian1 + q).SetValue((double)capaian).Style.NumberFormat.SetFormat("0.00");
        }
        sheet.Cell(row, ColCode).SetValue(indicator.Code);
        sheet.Cell(row, ColPolarity).SetValue(indicator.Polarity == Polarity.Negative ? "Negatif" : "Positif");
        sheet.Cell(row, ColAggregation).SetValue(indicator.Aggregation == Aggregation.Level ? "Nilai terakhir" : "Kumulatif");
    }

    /// <summary>A numeric cell showing exactly the decimals the value has (7,1 not 7,10; 145 not 145,).</summary>
    private static void Number(IXLCell cell, decimal value)
    {
        var trimmed = value / 1.000000000000000000000000000000000m;
        var decimals = Math.Min((int)trimmed.Scale, Dashboard.Domain.Numbers.IdNumber.MaxDecimals);
        cell.SetValue((double)trimmed);
        cell.Style.NumberFormat.SetFormat(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals));
    }

    private static void Widths(IXLWorksheet sheet)
    {
        sheet.Column(ColNo).Width = 5;
        sheet.Column(ColUraian).Width = 45;
        sheet.Column(ColIndicator).Width = 45;
        sheet.Column(ColUnit).Width = 12;
        for (var c = ColTarget; c < ColRemark; c++) sheet.Column(c).Width = 10;
        sheet.Column(ColRemark).Width = 24;
        for (var c = ColReal1; c < ColCode; c++) sheet.Column(c).Width = 10;
        sheet.Column(ColCode).Width = 20;
        sheet.Column(ColPolarity).Width = 10;
        sheet.Column(ColAggregation).Width = 14;
    }
}
