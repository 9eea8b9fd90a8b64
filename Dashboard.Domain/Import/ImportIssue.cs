using Dashboard.Domain.Checks;

namespace Dashboard.Domain.Import;

/// <summary>
/// A problem found while reading a plan file. Errors stop the import; warnings are shown and the import may go on.
/// </summary>
/// <param name="Sheet">The sheet (lembar) name; the file name for problems with the file itself.</param>
/// <param name="Row">1-based row as the spreadsheet shows it; null for problems with the whole file or sheet.</param>
/// <param name="Column">The column's name as the import knows it ("Target", "TW II"), with its letter when known.</param>
/// <param name="Message">Indonesian, saying what is wrong and how to fix it.</param>
public sealed record ImportIssue(Severity Severity, string Sheet, int? Row, string? Column, string Message)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>"Lembar Renaksi, baris 12, kolom Target (F)".</summary>
    public string Location
    {
        get
        {
            var parts = new List<string>(3) { $"Lembar {Sheet}" };
            if (Row is { } row) parts.Add($"baris {row}");
            if (Column is { Length: > 0 } column) parts.Add($"kolom {column}");
            return string.Join(", ", parts);
        }
    }

    public override string ToString() => $"{Location}: {Message}";
}
