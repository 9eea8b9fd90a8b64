using System.Globalization;
using ClosedXML.Excel;

namespace Dashboard.App.Infrastructure;

/// <summary>
/// Spreadsheet formula injection (a name or note typed as <c>=HYPERLINK(…)</c>, <c>+cmd</c>, <c>-2+3</c>, <c>@SUM(…)</c>) is
/// neutralised in every file the app writes: one rule for all .xlsx and .csv writers.
/// </summary>
public static class SpreadsheetSafety
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

    /// <summary>Text a spreadsheet would read as a formula; plain numbers such as <c>-5</c> or <c>-0.5</c> are not.</summary>
    public static bool IsFormulaLike(string? text) =>
        !string.IsNullOrEmpty(text) && Array.IndexOf(Triggers, text[0]) >= 0
        && !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>A CSV field's text: a leading apostrophe makes Excel and LibreOffice show it as text.</summary>
    public static string Csv(string? text) => IsFormulaLike(text) ? "'" + text : text ?? "";

    /// <summary>
    /// Marks every text cell that starts like a formula as quote-prefixed (Excel's leading apostrophe): shown as the text
    /// it is, never evaluated, not even after the cell is edited; the stored value stays exactly the text.
    /// </summary>
    public static void Neutralise(XLWorkbook workbook)
    {
        foreach (var sheet in workbook.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed())
            {
                if (cell.DataType == XLDataType.Text && !cell.HasFormula && IsFormulaLike(cell.GetString())) cell.Style.IncludeQuotePrefix = true;
            }
        }
    }
}
