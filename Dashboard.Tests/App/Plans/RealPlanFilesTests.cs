using ClosedXML.Excel;
using Dashboard.App.Data;
using Dashboard.App.Plans;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Import;
using Dashboard.Domain.Status;
using Dashboard.Tests.App.Reviews;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Plans;

/// <summary>The import pipeline on files as agencies keep them (issue 12), read, previewed and saved for real.</summary>
public sealed class RealPlanFilesTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2026-11-15");
    private PlanImportService _import = default!;
    private readonly ActingUser _admin = ActingUser.Of("admin-uji", Roles.Admin);

    public Task InitializeAsync()
    {
        _import = _app.Services.GetRequiredService<PlanImportService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ImportPreview> PreviewAsync(string name, byte[] bytes, string? sheet = null) =>
        _import.PreviewAsync(2026, name, new MemoryStream(bytes), sheet: sheet);

    private async Task<(int Plans, int Nodes, int Indicators, int Audit)> CountsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return (await db.Plans.CountAsync(), await db.Nodes.CountAsync(), await db.Indicators.CountAsync(), await db.Audit.CountAsync());
    }

    private async Task SaveAsync(ImportPreview preview)
    {
        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues));
        var outcome = await _import.ConfirmAsync(preview, _admin);
        Assert.True(outcome.Saved, outcome.Message);
    }

    [Fact]
    public async Task ExcelAnsiSemicolonCsv_WithAnEnDash_IsDecodedAsWindows1252_AndImportsExactly()
    {
        var bytes = PlanFiles.Windows1252(PlanFiles.ExcelAnsiCsv());
        Assert.Contains((byte)0x96, bytes);

        var preview = await PreviewAsync("renaksi-ansi.csv", bytes);

        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues));
        Assert.Equal("CSV, pengodean Windows-1252 (ANSI), pemisah titik koma (;)", preview.Detected[0]);
        Assert.Equal("Tabel rencana dibaca dari lembar renaksi-ansi (judul kolom di baris 3)", preview.Detected[1]);
        Assert.Equal((4, 5, 5), (preview.NodeCount, preview.IndicatorCount, preview.Rows));
        Assert.Equal([10, 11], preview.Skipped.Select(s => s.Row));
        // "1.250" reads as one thousand two hundred and fifty; the preview says so, once per cell.
        Assert.All(preview.Issues, i => Assert.Contains("1.250", i.Message));
        await SaveAsync(preview);

        var plan = (await _app.Plans.LoadAsync(2026))!.Plan;
        Assert.Equal("Target Renstra 2021–2026", plan.FindIndicator("T1.I1")!.Remark);
        Assert.Equal(1250m, plan.FindIndicator("T1.I2")!.AnnualTarget);
        Assert.Equal(65.8m, plan.FindIndicator("T1.S1.I1")!.AnnualTarget);
        var laporan = plan.FindIndicator("T1.S1.P1.I1")!;
        Assert.Equal((4m, "Pelaporan triwulanan – Bidang Pengawasan"), (laporan.AnnualTarget, laporan.Remark));
        Assert.Equal("Dinas Koperasi dan UKM Kabupaten Purbalingga".ToUpperInvariant(), plan.Agency.ToUpperInvariant());
    }

    [Theory]
    [InlineData(true, "CSV, pengodean UTF-8 dengan BOM, pemisah koma (,)")]
    [InlineData(false, "CSV, pengodean UTF-8, pemisah koma (,)")]
    public async Task Utf8Csv_WithOrWithoutBom_IsDetectedAndSaid(bool bom, string detected)
    {
        // With ',' as the separator the decimal commas are quoted, as Excel does.
        var preview = await PreviewAsync("renaksi-utf8.csv", PlanFiles.Utf8(PlanFiles.Csv(PlanFiles.SmallPlan(), ','), bom));

        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues));
        Assert.Equal(detected, preview.Detected[0]);
    }

    [Fact]
    public async Task MojibakeCsv_IsRefused_NamingTheCell_AndNothingIsWritten()
    {
        // UTF-8 read once as ANSI and saved again: "–" became "â€“".
        var garbled = PlanFiles.ExcelAnsiCsv().Replace("2021–2026", "2021â€“2026");
        var before = await CountsAsync();

        var preview = await PreviewAsync("renaksi-rusak.csv", PlanFiles.Utf8(garbled, bom: true));

        var error = Assert.Single(preview.Issues);
        Assert.True(error.IsError);
        Assert.Equal(("renaksi-rusak", 4, "J"), (error.Sheet, error.Row, error.Column));
        Assert.StartsWith("Teks \"â€“\" rusak karena salah pengodean (mojibake)", error.Message);
        Assert.False((await _import.ConfirmAsync(preview, _admin)).Saved);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task CsvWithBytesNeitherUtf8NorWindows1252_IsRefused_NamingTheLine()
    {
        var bytes = PlanFiles.Windows1252(PlanFiles.ExcelAnsiCsv());
        bytes[Array.IndexOf(bytes, (byte)0x96)] = 0x81;

        var preview = await PreviewAsync("renaksi.csv", bytes);

        Assert.Contains("bukan UTF-8 dan bukan Windows-1252 (ANSI): ada byte 0x81 yang tidak dikenal di baris 4", Assert.Single(preview.Issues).Message);
        Assert.Null(preview.Plan);
    }

    /// <summary>A cover sheet, then the signed Renaksi with its merged group header and percent-formatted cells.</summary>
    private static byte[] GovernmentWorkbook(Action<IXLWorksheet>? change = null) => PlanFiles.Xlsx(
        ("Petunjuk", [["Petunjuk pengisian"], ["Isi lembar berikutnya."]], null),
        ("Renaksi 2026", PlanFiles.GovernmentRenaksiWithSignature(), sheet =>
        {
            sheet.Range("E4:I4").Merge();
            sheet.Range("B6:B7").Merge();
            // Row 14: "Persentase wirausaha naik kelas" written as percent cells: 0,1 shown as 10%.
            foreach (var (column, value) in new[] { ("E", 0.1), ("G", 0.05), ("I", 0.1) })
            {
                sheet.Cell($"{column}14").SetValue(value);
                sheet.Cell($"{column}14").Style.NumberFormat.NumberFormatId = 9;
            }
            change?.Invoke(sheet);
        }));

    [Fact]
    public async Task GovernmentWorkbook_WithCoverSheet_SignatureBlock_AndPercentCells_ImportsExactly()
    {
        var preview = await PreviewAsync("renaksi-2026.xlsx", GovernmentWorkbook());

        Assert.Empty(preview.Issues);
        Assert.Equal("Renaksi 2026", preview.Sheet);
        Assert.Equal(["Petunjuk", "Renaksi 2026"], preview.SheetNames);
        Assert.Equal(
            ["Buku kerja Excel (.xlsx) dengan 2 lembar: Petunjuk, Renaksi 2026", "Tabel rencana dibaca dari lembar Renaksi 2026 (judul kolom di baris 4)"],
            preview.Detected);
        Assert.Equal((6, 9), (preview.NodeCount, preview.IndicatorCount));
        Assert.Equal([16, 17, 18, 20, 21, 22], preview.Skipped.Select(s => s.Row));
        Assert.Equal("Purbalingga, Januari 2026", preview.Skipped[0].Text);
        await SaveAsync(preview);

        var plan = (await _app.Plans.LoadAsync(2026))!.Plan;
        Assert.Equal("RENCANA AKSI (RENAKSI) TAHUN 2026", plan.Title);
        var percent = plan.FindIndicator("T1.S2.I2")!;
        Assert.Equal(10m, percent.AnnualTarget);
        Assert.Equal(new decimal?[] { 0m, 5m, 7.5m, 10m }, percent.QuarterTargets);
        Assert.Equal(2, plan.FindNode("T1")!.Indicators.Count);
    }

    [Fact]
    public async Task GovernmentWorkbook_WithABadCell_IsRefused_NamingSheetRowAndColumn_AndWritesNothing()
    {
        var before = await CountsAsync();

        var preview = await PreviewAsync("renaksi-2026.xlsx", GovernmentWorkbook(sheet => sheet.Cell("G10").SetValue("dua puluh")));

        var error = Assert.Single(preview.Issues, i => i.IsError);
        Assert.Equal("Lembar Renaksi 2026, baris 10, kolom TW II (G)", error.Location);
        Assert.Contains("\"dua puluh\" bukan angka yang sah", error.Message);
        Assert.False((await _import.ConfirmAsync(preview, _admin)).Saved);
        Assert.Equal(before, await CountsAsync());
        Assert.Null(await _app.Plans.LoadAsync(2026));
    }

    [Fact]
    public async Task RenstraMatrix_AnnualTargetsOnly_IsStoredWithoutQuarterTargets_NotZero_AndTheAnnualComparisonWorks()
    {
        var bytes = PlanFiles.Xlsx(
            ("Renaksi", PlanFiles.GovernmentRenaksiWithSignature(), null),
            ("Matriks Renstra", PlanFiles.RenstraAnnualOnly(), null));

        var first = await PreviewAsync("renstra.xlsx", bytes);
        Assert.Equal("Renaksi", first.Sheet);
        Assert.Equal(["Renaksi", "Matriks Renstra"], first.PlanSheets);

        var preview = await PreviewAsync("renstra.xlsx", bytes, sheet: "Matriks Renstra");
        Assert.Equal("Matriks Renstra", preview.Sheet);
        Assert.Equal((6, 4, 4, 2), (preview.NodeCount, preview.IndicatorCount, preview.AnnualOnlyCount, preview.ParentOnlyCount));
        await SaveAsync(preview);

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Indicators.Where(i => i.Code == "T2.P1.I1").SingleAsync();
            Assert.Equal((120m, (decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null),
                (stored.AnnualTarget, stored.TargetTw1, stored.TargetTw2, stored.TargetTw3, stored.TargetTw4));
        }
        var snapshot = (await _app.Plans.LoadAsync(2026))!;
        var plan = snapshot.Plan;
        Assert.Equal(["Program 5.01.01", "Kegiatan 5.01.01.2.01"], new[] { "T1.S1.P1", "T1.S1.P1.K1" }.Select(c => plan.FindNode(c)!.Label));
        var status = _app.Services.GetRequiredService<StatusEvaluator>()
            .Evaluate(plan.FindIndicator("T2.P1.I1")!, 2026, 3, new Dashboard.Domain.Realisations.QuarterRealisation(90m, true));
        Assert.Equal((StatusKind.NoTarget, 75m), (status.Kind, status.AnnualProgress));
        Assert.False(status.HasTarget);
    }
}
