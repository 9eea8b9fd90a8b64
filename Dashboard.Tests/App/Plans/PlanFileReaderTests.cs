using System.Text;
using Dashboard.App.Plans;
using Dashboard.Domain.Import;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.App.Plans;

public sealed class PlanFileReaderTests
{
    private static readonly PlanImportOptions Options = new();

    private static Task<PlanFile> ReadAsync(string name, byte[] bytes, PlanImportOptions? options = null) =>
        PlanFileReader.ReadAsync(name, new MemoryStream(bytes), options ?? Options);

    private static string ErrorOf(PlanFile file) => Assert.IsType<Dashboard.Domain.Import.ImportIssue>(file.Error).Message;

    [Theory]
    [InlineData("rencana.pdf", ".pdf tidak didukung")]
    [InlineData("rencana.docx", ".docx tidak didukung")]
    [InlineData("rencana", "tanpa ekstensi tidak didukung")]
    [InlineData("rencana.xls", "simpan ulang sebagai Buku Kerja Excel (.xlsx)")]
    public async Task WrongFileType_IsRefusedByName_BeforeReading(string name, string message)
    {
        var file = await ReadAsync(name, Encoding.ASCII.GetBytes("%PDF-1.4 bukan rencana"));

        Assert.Contains(message, ErrorOf(file), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(file.Sheets);
    }

    [Theory]
    [InlineData("rencana.xlsx")]
    [InlineData("rencana.csv")]
    public async Task EmptyFile_IsRefused(string name) =>
        Assert.Contains("Berkas kosong", ErrorOf(await ReadAsync(name, [])));

    [Fact]
    public async Task OversizedFile_IsRefused_AtTheConfiguredLimit_WithoutReadingItAll()
    {
        var limited = new PlanImportOptions { MaxBytes = 1024 };

        var file = await ReadAsync("rencana.csv", new byte[1025], limited);

        Assert.Contains("Berkas terlalu besar: batasnya 1 KB", ErrorOf(file));
        Assert.Null((await ReadAsync("rencana.csv", PlanFiles.Utf8("No;Uraian;Satuan", bom: false), limited)).Error);
    }

    [Fact]
    public async Task DefaultLimit_IsFiveMegabytes()
    {
        Assert.Equal(5 * 1024 * 1024, new PlanImportOptions().MaxBytes);
        var file = await ReadAsync("rencana.xlsx", new byte[5 * 1024 * 1024 + 1]);

        Assert.Contains("batasnya 5 MB", ErrorOf(file));
    }

    [Fact]
    public async Task XlsxThatIsAZipOfSomethingElse_IsRefused()
    {
        var zip = PlanFiles.Zip(("catatan.txt", "bukan buku kerja"), ("foto/a.txt", "x"));

        Assert.Contains("arsip ZIP biasa, bukan buku kerja Excel", ErrorOf(await ReadAsync("rencana.xlsx", zip)));
    }

    [Fact]
    public async Task WordDocumentRenamedToXlsx_IsNamedAsSuch()
    {
        var docx = PlanFiles.Zip(("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));

        Assert.Contains("dokumen Word (.docx)", ErrorOf(await ReadAsync("rencana.xlsx", docx)));
    }

    [Fact]
    public async Task RandomBytesNamedXlsx_AreRefused()
    {
        Assert.Contains("bukan .xlsx yang sah", ErrorOf(await ReadAsync("rencana.xlsx", PlanFiles.RandomBytes(4096))));
    }

    [Fact]
    public async Task OldExcelOrEncryptedWorkbook_IsRecognised()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]];

        Assert.Contains("Excel lama (.xls)", ErrorOf(await ReadAsync("rencana.xlsx", ole)));
    }

    [Fact]
    public async Task TruncatedXlsx_IsReportedAsDamaged()
    {
        var bytes = PlanFiles.SmallPlanXlsx();

        var file = await ReadAsync("rencana.xlsx", bytes[..(bytes.Length / 2)]);

        Assert.Matches("rusak|tidak dapat dibaca", ErrorOf(file));
    }

    [Fact]
    public async Task ZipBomb_IsRefusedByItsUnpackedSize()
    {
        var big = PlanFiles.Zip(("[Content_Types].xml", "<Types>spreadsheetml</Types>"), ("xl/big.xml", new string('a', 300_000)));

        var file = await ReadAsync("rencana.xlsx", big, new PlanImportOptions { MaxUnpackedBytes = 100_000 });

        Assert.Contains("terlalu besar setelah dibuka", ErrorOf(file));
    }

    [Fact]
    public async Task Xlsx_MergedCellsArriveInTheirFirstCellOnly_AndNumbersAsNumbers()
    {
        var file = await ReadAsync("rencana.xlsx", PlanFiles.SmallPlanXlsx());

        Assert.Null(file.Error);
        var sheet = Assert.Single(file.Sheets);
        Assert.Equal("Renaksi", sheet.Name);
        var row5 = sheet.Rows.Single(r => r.Number == 5);
        var row6 = sheet.Rows.Single(r => r.Number == 6);
        Assert.StartsWith("Tujuan 1", row5[1].Text);
        Assert.True(row6[1].IsEmpty);
        Assert.True(row6[0].IsEmpty);
        Assert.Equal(12.5m, row5[4].Number);
        Assert.Equal("65,8", sheet.Rows.Single(r => r.Number == 7)[4].Text);
        Assert.Null(sheet.Rows.Single(r => r.Number == 7)[4].Number);
    }

    [Fact]
    public async Task Xlsx_ValueWrittenIntoEveryCellOfAMergedRange_IsReadOnceOnly()
    {
        var bytes = PlanFiles.Xlsx(PlanFiles.SmallPlan(), tweak: sheet =>
        {
            sheet.Range("B5:B6").Merge();
            // Some writers repeat the value in the hidden cells of a merged range.
            sheet.Cell("B6").SetValue("Tujuan 1 Meningkatnya daya saing koperasi uji");
        });

        var sheet = Assert.Single((await ReadAsync("rencana.xlsx", bytes)).Sheets);

        Assert.True(sheet.Rows.Single(r => r.Number == 6)[1].IsEmpty);
    }

    [Fact]
    public async Task Xlsx_PercentFormattedCell_IsReadAsThePercentageShown()
    {
        var bytes = PlanFiles.Xlsx(PlanFiles.SmallPlan(), tweak: sheet =>
        {
            sheet.Cell("E5").SetValue(0.125).Style.NumberFormat.SetFormat("0.0%");
            sheet.Cell("F5").SetValue(0.071).Style.NumberFormat.SetNumberFormatId(10);
        });

        var row5 = (await ReadAsync("rencana.xlsx", bytes)).Sheets[0].Rows.Single(r => r.Number == 5);

        Assert.Equal(12.5m, row5[4].Number);
        Assert.Equal(7.1m, row5[5].Number);
    }

    [Theory]
    [InlineData(';', true)]
    [InlineData(';', false)]
    [InlineData(',', true)]
    [InlineData(',', false)]
    public async Task Csv_CommaOrSemicolon_WithOrWithoutBom_ReadsTheSamePlan(char separator, bool bom)
    {
        var rows = PlanFiles.SmallPlan().Select(r => r.ToArray()).ToList();
        rows[4][1] = "Tujuan 1 Meningkatnya daya\nsaing koperasi \"uji\""; // quoted, with a line break and quotes
        var file = await ReadAsync("rencana.csv", PlanFiles.Utf8(PlanFiles.Csv(rows, separator), bom));

        Assert.Null(file.Error);
        var result = new PlanGridParser().Parse(file.Sheets, new PlanGridOptions(2031, "Dinas"));
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal("Meningkatnya daya saing koperasi \"uji\"", result.Plan!.FindNode("T1")!.Title);
        Assert.Equal(65.8m, result.Plan.FindIndicator("T1.S1.I1")!.AnnualTarget);
        Assert.Equal(12.5m, result.Plan.FindIndicator("T1.I1")!.AnnualTarget);
        Assert.Equal(5, result.Plan.AllNodes().Count());
        // A quoted line break stays inside its row: row numbers still match the records.
        Assert.Equal("rencana", file.Sheets[0].Name);
        Assert.Equal(10, file.Sheets[0].Rows.Count);
    }

    [Fact]
    public async Task Csv_NotUtf8_IsReadAsWindows1252_AndSaysSo()
    {
        var ansi = Encoding.Latin1.GetBytes("No;Uraian;Indikator Kinerja\n1;Tujuan 1 Peningkatan mutu koperasi;Persentase capaian \u00e9\u00e8");

        var file = await ReadAsync("rencana.csv", ansi);

        Assert.Null(file.Error);
        Assert.Equal("Persentase capaian éè", file.Sheets[0].Rows[1].Cells[2].Text);
        Assert.Equal(["CSV, pengodean Windows-1252 (ANSI), pemisah titik koma (;)"], file.Detected);
    }

    [Fact]
    public async Task Csv_NeitherUtf8NorWindows1252_IsRefusedWithHowToSaveIt()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("No;Uraian\n1;Tujuan 1 X"), 0x8D];

        Assert.Contains("CSV UTF-8", ErrorOf(await ReadAsync("rencana.csv", bytes)));
    }

    [Fact]
    public async Task Csv_BinaryContent_IsRefused()
    {
        byte[] binary = [0x00, 0x01, 0x02, 0x41, 0x00, 0x42];

        Assert.Contains("data biner", ErrorOf(await ReadAsync("rencana.csv", binary)));
    }

    [Fact]
    public void Csv_Parse_HandlesQuotesSeparatorsAndLineBreaks()
    {
        var grid = CsvGridReader.Parse("s", "a;\"b;c\";\"d\"\"e\"\r\n\"x\ny\";;z\n", ';');

        Assert.Equal(2, grid.Rows.Count);
        Assert.Equal(["a", "b;c", "d\"e"], grid.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["x\ny", "", "z"], grid.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(2, grid.Rows[1].Number);
    }
}
