using System.Globalization;
using System.Text;

namespace Dashboard.Domain.Import;

/// <summary>
/// One cell as a file reader delivers it: its text, and the number when the file stored a real number (an .xlsx
/// numeric cell). Readers pass a merged range's value in its first cell only, the other cells empty.
/// </summary>
public readonly record struct SheetCell(string Text, decimal? Number = null)
{
    public string Text { get; init; } = Text ?? "";

    public static SheetCell Empty => new("");

    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);

    /// <summary>A numeric cell; its text is the invariant form of the number (7.1).</summary>
    public static SheetCell Of(decimal number) => new(number.ToString(CultureInfo.InvariantCulture), number);

    public static implicit operator SheetCell(string? text) => new(text ?? "");
}

/// <summary>A row of a sheet; <paramref name="Number"/> is the 1-based row number as the spreadsheet shows it.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    /// <summary>The cell at a 0-based column index; empty beyond the row's last cell.</summary>
    public SheetCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : SheetCell.Empty;

    public bool IsEmpty
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (!cell.IsEmpty) return false;
            }
            return true;
        }
    }
}

/// <summary>
/// A sheet as rows of cells, independent of the file format. Rows may be sparse (empty rows left out), each keeps
/// its own number so messages point at the row the user sees.
/// </summary>
public sealed record SheetGrid(string Name, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>Rows numbered 1, 2, 3 … in the order given (for tests and CSV).</summary>
    public static SheetGrid FromRows(string name, IEnumerable<IReadOnlyList<SheetCell>> rows) =>
        new(name, rows.Select((cells, i) => new SheetRow(i + 1, cells)).ToList());

    /// <summary>Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var sb = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + (n - 1) % 26));
        return sb.ToString();
    }
}
