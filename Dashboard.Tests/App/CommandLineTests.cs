using Dashboard.App.Cli;

namespace Dashboard.Tests.App;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"renaksi-cli-{Guid.NewGuid():N}.db");

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, $"--ConnectionStrings:Dashboard=Data Source={_db}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_db + suffix);
    }

    [Fact]
    public async Task ExportCsv_WritesHeaderAndOneRowPerIndicator_InInvariantCulture()
    {
        var (code, output, _) = await RunAsync("export", "--year", "2025", "--format", "csv");

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("level,node,indicator,unit,target_annual,target_tw1,target_tw2,target_tw3,target_tw4,", lines[0]);
        Assert.Contains("realisation_tw1,capaian_tw1,status_tw1", lines[0]);
        Assert.Equal(1 + 63, lines.Length);
        Assert.StartsWith("Tujuan,\"Meningkatnya Kemandirian,kualitas dan Daya Saing Koperasi dan Usaha Kecil Mikro\",Persentase koperasi Kategori sangat berkualitas dan berkualitas,Persentase,7.1,0,0,3.9,7.1,", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("Sasaran,Meningkatnya Implementasi SAKIP DINKOP UKM,Nilai SAKIP DINKOP UKM,Angka,73.33,0,0,73.25,0,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("export", "--year", "2025")]
    [InlineData("export", "--year", "2025", "--format", "pdf")]
    [InlineData("export", "--year", "dua ribu", "--format", "csv")]
    [InlineData("export", "--year", "2031", "--format", "csv")]
    [InlineData("check")]
    [InlineData("check", "--year")]
    [InlineData("check", "--year", "2025", "--colour", "red")]
    [InlineData("check", "2025")]
    public async Task BadArguments_FailWithAClearMessage_AndNonZeroExit(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.StartsWith("Kesalahan: ", error);
    }

    [Fact]
    public async Task Check_PrintsOneFindingPerLine_WithRuleSeverity_CodesWithTheirNames_AndMessage()
    {
        var (code, output, error) = await RunAsync("check", "--year", "2025");

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length >= 5, output);
        Assert.All(lines, l => Assert.Equal(7, l.Split('\t').Length));
        Assert.Contains(lines, l => l.Split('\t') is [_, _, "T2.S1", "Sasaran 3 Meningkatnya Implementasi SAKIP DINKOP UKM", "T2.S1.I1", "Nilai SAKIP DINKOP UKM", var m]
            && m.Contains("73,33", StringComparison.Ordinal));
        Assert.Contains($"{lines.Length} temuan", error);
    }
}
