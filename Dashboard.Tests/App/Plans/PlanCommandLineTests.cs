using Dashboard.App.Cli;
using Dashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.App.Plans;

/// <summary><c>export --format xlsx</c> and <c>import</c> on a database of their own.</summary>
public sealed class PlanCommandLineTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"renaksi-cli-import-{Guid.NewGuid():N}.db");
    private readonly string _dir = Directory.CreateTempSubdirectory("renaksi-cli-").FullName;

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, $"--ConnectionStrings:Dashboard=Data Source={_db}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    private long PlanCount()
    {
        using var connection = new SqliteConnection($"Data Source={_db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Plans";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_db + suffix);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ExportXlsx_ThenImportAsAnotherYear_DryRunWritesNothing_ThenImportSaves()
    {
        var file = PathOf("renaksi-2025.xlsx");
        var export = await RunAsync("export", "--year", "2025", "--format", "xlsx", "--out", file);
        Assert.Equal(0, export.Code);
        Assert.Equal("", export.Out);
        Assert.Contains($"Rencana 2025 ditulis ke {file}", export.Err);

        var dry = await RunAsync("import", "--year", "2026", file, "--dry-run");

        Assert.Equal(0, dry.Code);
        Assert.Contains("Dibaca 57 node dan 63 indikator dari renaksi-2025.xlsx (lembar Renaksi 2025): Tujuan 2, Sasaran 3, Program 7, Kegiatan 13, Sub Kegiatan 32.", dry.Err);
        Assert.Contains("0 kesalahan", dry.Err);
        Assert.Contains("--dry-run", dry.Err);
        Assert.Equal(1, PlanCount());

        var real = await RunAsync("import", "--year", "2026", file);

        Assert.Equal(0, real.Code);
        Assert.Contains("Rencana 2026 disimpan: 57 node, 63 indikator.", real.Err);
        Assert.Equal(2, PlanCount());
        var check = await RunAsync("check", "--year", "2026");
        Assert.Contains("27 temuan pada rencana 2026", check.Err);
    }

    [Fact]
    public async Task ExportCsv_ImportsBackToTheSamePlan_NoChangesForItsOwnYear_AndANewYearWithTheSameTree()
    {
        var file = PathOf("renaksi-2025.csv");
        Assert.Equal(0, (await RunAsync("export", "--year", "2025", "--format", "csv", "--out", file)).Code);

        var same = await RunAsync("import", "--year", "2025", file, "--dry-run");

        Assert.Equal(0, same.Code);
        Assert.Contains("Terdeteksi: CSV, pengodean UTF-8, pemisah koma (,).", same.Err);
        Assert.Contains("Dibaca 57 node dan 63 indikator dari renaksi-2025.csv (lembar renaksi-2025): Tujuan 2, Sasaran 3, Program 7, Kegiatan 13, Sub Kegiatan 32.", same.Err);
        Assert.Contains("0 kesalahan", same.Err);
        Assert.DoesNotContain("Perubahan", same.Out);

        var real = await RunAsync("import", "--year", "2026", file);

        Assert.Equal(0, real.Code);
        Assert.Contains("Rencana 2026 disimpan: 57 node, 63 indikator.", real.Err);
        var findings2025 = (await RunAsync("check", "--year", "2025")).Out;
        var findings2026 = (await RunAsync("check", "--year", "2026")).Out;
        Assert.Equal(findings2025, findings2026);
    }

    [Fact]
    public async Task ImportWithErrors_PrintsEachWithSheetRowColumn_ExitsNonZero_AndWritesNothing()
    {
        var rows = PlanFiles.SmallPlan();
        rows[5][6] = "seratus";
        rows[6][4] = "1,234.5";
        var file = PathOf("rencana.xlsx");
        await File.WriteAllBytesAsync(file, PlanFiles.Xlsx(rows));

        var (code, output, error) = await RunAsync("import", "--year", "2031", file);

        Assert.Equal(1, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Kesalahan\tRenaksi\t6\tTW II (G)\tTW II \"seratus\" bukan angka", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Kesalahan\tRenaksi\t7\tTarget (E)\t", StringComparison.Ordinal) && l.Contains("Format angka Inggris", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(5, l.Split('\t').Length));
        Assert.Contains("2 kesalahan", error);
        Assert.Contains("Tidak ada yang disimpan", error);
        Assert.Equal(1, PlanCount());
    }

    [Fact]
    public async Task ImportOfAWrongFileType_IsAFileError_ExitOne()
    {
        var file = PathOf("rencana.pdf");
        await File.WriteAllTextAsync(file, "%PDF-1.7");

        var (code, output, _) = await RunAsync("import", "--year", "2031", file);

        Assert.Equal(1, code);
        Assert.StartsWith("Kesalahan\trencana.pdf\t-\t-\tJenis berkas .pdf tidak didukung", output);
    }

    [Theory]
    [InlineData("import", "--year", "2031")]
    [InlineData("import", "--year", "2031", "/tidak/ada/rencana.xlsx")]
    [InlineData("import", "rencana.xlsx")]
    [InlineData("import", "--year", "2031", "a.xlsx", "b.xlsx")]
    [InlineData("export", "--year", "2025", "--format", "xlsx")]
    public async Task BadArguments_FailWithUsageExitCode(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("Kesalahan: ", error);
    }
}
