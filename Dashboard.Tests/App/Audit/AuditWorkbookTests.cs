using ClosedXML.Excel;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.Domain.Status;

namespace Dashboard.Tests.App.Audit;

public sealed class AuditWorkbookTests
{
    private static XLWorkbook Write(params AuditRecord[] rows)
    {
        var stream = new MemoryStream();
        AuditWorkbook.Write(rows, AgencyClock.DefaultZone, stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static AuditRecord Row(string? key = "2025:T1.S1.P1.I1:TW2", string? detail = null) => new()
    {
        Id = 1, At = new DateTimeOffset(2025, 5, 14, 17, 30, 5, TimeSpan.Zero), Actor = "Sri Lestari", Action = AuditActions.RealisationRecorded,
        Entity = "Realisasi", EntityKey = key, Before = """{"Realisasi":10}""", After = """{"Realisasi":14.5}""", Detail = detail,
    };

    [Fact]
    public void Header_IsBold_Frozen_AndFiltered()
    {
        using var book = Write(Row(), Row());
        var sheet = book.Worksheet(AuditWorkbook.SheetName);

        Assert.Equal(AuditWorkbook.Headers, Enumerable.Range(1, 8).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.True(sheet.Cell(1, 8).Style.Font.Bold);
        Assert.False(sheet.Cell(2, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:H3", sheet.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public void Time_IsARealDateCell_InWib_WithTheDayFirstFormat()
    {
        using var book = Write(Row());
        var cell = book.Worksheet(1).Cell(2, 1);

        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(new DateTime(2025, 5, 15, 0, 30, 5), cell.GetDateTime());
        Assert.Equal("dd/mm/yyyy hh:mm:ss", cell.Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Text, book.Worksheet(1).Cell(1, 1).DataType);
    }

    [Fact]
    public void Values_AreWrittenWithLabels_AndJsonColumnsWrap()
    {
        using var book = Write(Row(detail: "catatan"));
        var sheet = book.Worksheet(1);

        Assert.Equal(["Sri Lestari", "Realisasi dicatat", "Realisasi", "2025:T1.S1.P1.I1:TW2", """{"Realisasi":10}""", """{"Realisasi":14.5}""", "catatan"],
            Enumerable.Range(2, 7).Select(c => sheet.Cell(2, c).GetString()));
        Assert.True(sheet.Cell(2, 6).Style.Alignment.WrapText);
        Assert.True(sheet.Cell(2, 7).Style.Alignment.WrapText);
        Assert.False(sheet.Cell(2, 2).Style.Alignment.WrapText);
        Assert.All(Enumerable.Range(1, 8), c => Assert.True(sheet.Column(c).Width >= 14));
    }

    [Fact]
    public void TextThatLooksLikeANumberOrFormula_StaysText()
    {
        using var book = Write(Row(key: "2025", detail: "=HYPERLINK(\"http://x\")"));
        var sheet = book.Worksheet(1);

        Assert.Equal(XLDataType.Text, sheet.Cell(2, 5).DataType);
        Assert.Equal("2025", sheet.Cell(2, 5).GetString());
        Assert.False(sheet.Cell(2, 8).HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet.Cell(2, 8).GetString());
    }

    [Fact]
    public void ControlCharacters_AreDropped_SoTheFileStaysValid()
    {
        using var book = Write(Row(detail: "a\u0001b\nc"));

        Assert.Equal("ab\nc", book.Worksheet(1).Cell(2, 8).GetString());
    }

    [Fact]
    public void NoRows_StillGivesTheHeader()
    {
        using var book = Write();

        Assert.Equal("Waktu (WIB)", book.Worksheet(AuditWorkbook.SheetName).Cell(1, 1).GetString());
        Assert.True(book.Worksheet(1).Cell(2, 1).IsEmpty());
    }
}
