using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Dashboard.App.Plans;
using Dashboard.Tests.TestSupport;
using Xunit.Abstractions;

namespace Dashboard.Tests.App.Plans;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory-measurement";
}

/// <summary>
/// Hostile plan files are refused before the workbook is loaded, with bounded memory. Runs alone (no parallel tests), so
/// the process-wide allocation figure is this test's own.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class HostileWorkbookTests(ITestOutputHelper output)
{
    /// <summary>Allocations allowed while refusing: a few copies of the upload; loading a million rows would take gigabytes.</summary>
    private const long AllocationBound = 96L * 1024 * 1024;

    private static byte[] MillionRowWorkbook(int rows)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Renaksi" sheetId="1"/></sheets></workbook>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var r = 1; r <= rows; r++) sheet.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c></row>");
            sheet.Write("</sheetData></worksheet>");
        }
        return stream.ToArray();
    }

    private async Task<(PlanFile File, long Allocated)> MeasureAsync(byte[] bytes, PlanImportOptions options, string what)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var file = await PlanFileReader.ReadAsync("rencana.xlsx", new MemoryStream(bytes), options);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{what}: file {bytes.Length / 1024} KB, allocated while refusing {allocated / 1024 / 1024} MB, " +
                         $"test process working set {process.WorkingSet64 / 1024 / 1024} MB (peak {process.PeakWorkingSet64 / 1024 / 1024} MB); {file.Error?.Message}");
        return (file, allocated);
    }

    [Fact]
    public async Task MillionRowWorkbook_IsRefusedByItsRowCount_WithoutLoadingIt()
    {
        var bytes = MillionRowWorkbook(1_000_000);
        // Limits on size lifted: only the row count stands between this file and ClosedXML.
        var options = new PlanImportOptions { MaxBytes = 256L * 1024 * 1024, MaxUnpackedBytes = 4L * 1024 * 1024 * 1024 };

        var (file, allocated) = await MeasureAsync(bytes, options, "1.000.000 rows");

        Assert.Contains("terlalu banyak baris", file.Error?.Message);
        Assert.Empty(file.Sheets);
        Assert.InRange(allocated, 0, AllocationBound + 4L * bytes.Length);
    }

    [Fact]
    public async Task MillionRowWorkbook_WithDefaultLimits_IsRefused()
    {
        var (file, allocated) = await MeasureAsync(MillionRowWorkbook(1_000_000), new PlanImportOptions(), "1.000.000 rows, default limits");

        Assert.NotNull(file.Error);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ZipBomb_ThatUnderstatesItsSize_IsRefusedByTheBytesReallyUnpacked()
    {
        // 200 MB of one character deflates to a few hundred KB; the zip then claims each part is 1 KB.
        var bytes = LyingSizes(MillionRowWorkbookWithPadding(200 * 1024 * 1024), claimed: 1024);

        var (file, allocated) = await MeasureAsync(bytes, new PlanImportOptions(), "zip bomb, 200 MB understated");

        Assert.NotNull(file.Error);
        Assert.Matches("terlalu besar|rusak|tidak dapat dibaca", file.Error!.Message);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task SmallRealPlan_StillReads()
    {
        var file = await PlanFileReader.ReadAsync("rencana.xlsx", new MemoryStream(PlanFiles.SmallPlanXlsx()), new PlanImportOptions());

        Assert.Null(file.Error);
        Assert.NotEmpty(file.Sheets);
    }

    private static byte[] MillionRowWorkbookWithPadding(int padding)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) writer.Write("<Types>spreadsheetml</Types>");
            using var bomb = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
            for (var written = 0; written < padding; written += chunk.Length) bomb.Write(chunk);
        }
        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of every entry (local header and central directory) to <paramref name="claimed"/>.</summary>
    private static byte[] LyingSizes(byte[] zip, uint claimed)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), claimed);
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), claimed);
        }
        return bytes;
    }
}
