using ClosedXML.Excel;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Plans;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Tests.App.Reviews;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Plans;

/// <summary>The import pipeline against the real app and database (2025 seeded).</summary>
public sealed class PlanImportServiceTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2025-11-15");
    private PlanImportService _import = default!;
    private readonly ActingUser _admin = ActingUser.Of("admin-uji", Roles.Admin);

    public Task InitializeAsync()
    {
        _import = _app.Services.GetRequiredService<PlanImportService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ImportPreview> PreviewAsync(int year, string name, byte[] bytes) => _import.PreviewAsync(year, name, new MemoryStream(bytes));

    private async Task<byte[]> Export2025Async() => (await _app.Services.GetRequiredService<PlanExportService>().XlsxAsync(2025))!;

    /// <summary>Row counts of everything an import could write.</summary>
    private async Task<(int Plans, int Nodes, int Indicators, int Audit)> CountsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return (await db.Plans.CountAsync(), await db.Nodes.CountAsync(), await db.Indicators.CountAsync(), await db.Audit.CountAsync());
    }

    [Fact]
    public async Task RoundTrip_Export2025ToXlsx_ImportAs2026_GivesTheSamePlan()
    {
        var bytes = await Export2025Async();

        var preview = await PreviewAsync(2026, "renaksi-2025.xlsx", bytes);
        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues));
        Assert.True(preview.IsNewYear);
        var outcome = await _import.ConfirmAsync(preview, _admin);
        Assert.True(outcome.Saved, outcome.Message);

        var original = (await _app.Plans.LoadAsync(2025))!.Plan;
        var imported = (await _app.Plans.LoadAsync(2026))!.Plan;
        Assert.Equal("Rencana Aksi Tahun 2026", imported.Title);
        Assert.Equal(original.Agency, imported.Agency);
        Assert.Equal(Shape(original), Shape(imported));
        Assert.Equal(57, imported.AllNodes().Count());
        Assert.Equal(63, imported.AllIndicators().Count());
        var audit = Assert.Single(await _app.AuditAsync(AuditActions.PlanChanged));
        Assert.Equal(("admin-uji", "Rencana", "2026"), (audit.Actor, audit.Entity, audit.EntityKey));
    }

    /// <summary>Everything the round trip must keep, node by node and indicator by indicator, in document order.</summary>
    private static List<string> Shape(Plan plan) =>
        plan.AllNodes().SelectMany(n => new[] { $"{n.Code}|{n.Level}|{n.Label}|{n.Title}|{n.Parent?.Code}" }
            .Concat(n.Indicators.Select(i => $"{i.Code}|{i.Name}|{i.Unit}|{i.AnnualTarget}|{string.Join('/', i.QuarterTargets)}|{i.Remark}|{i.Polarity}|{i.Aggregation}")))
            .ToList();

    public static TheoryData<string> BadFiles =>
    [
        "wrong-type", "zip-of-something-else", "random-bytes", "oversized", "empty-file", "missing-columns", "text-in-number",
        "english-number",
    ];

    private static (string Name, byte[] Bytes, string Message, int? Row) Bad(string kind)
    {
        object?[][] Plan(Func<object?[][], object?[][]> change) => change(PlanFiles.SmallPlan());
        return kind switch
        {
            "wrong-type" => ("rencana.pdf", "%PDF-1.7"u8.ToArray(), "Jenis berkas .pdf tidak didukung", null),
            "zip-of-something-else" => ("rencana.xlsx", PlanFiles.Zip(("data.txt", "halo")), "arsip ZIP biasa, bukan buku kerja Excel", null),
            "random-bytes" => ("rencana.xlsx", PlanFiles.RandomBytes(2048), "bukan .xlsx yang sah", null),
            "oversized" => ("rencana.csv", new byte[PlanImportOptions.DefaultMaxBytes + 1], "Berkas terlalu besar: batasnya 5 MB", null),
            "empty-file" => ("rencana.xlsx", [], "Berkas kosong", null),
            "missing-columns" => ("rencana.xlsx", PlanFiles.Xlsx(Plan(rows =>
                rows.Select(r => r.Length >= 10 ? r.Where((_, i) => i is not (3 or 7)).ToArray() : r).ToArray())), "Kolom wajib tidak ditemukan: Satuan, TW III.", 4),
            "text-in-number" => ("rencana.xlsx", PlanFiles.Xlsx(Plan(rows => { rows[5][6] = "seratus lima puluh"; return rows; })), "\"seratus lima puluh\" bukan angka", 6),
            "english-number" => ("rencana.csv", PlanFiles.Utf8(PlanFiles.Csv(Plan(rows => { rows[6][4] = "1,234.5"; return rows; }), ';'), bom: true),
                "Format angka Inggris tidak dipakai", 7),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_GivesAClearMessage_AndWritesNothing_NotEvenOnConfirm(string kind)
    {
        var (name, bytes, message, row) = Bad(kind);
        var before = await CountsAsync();

        var preview = await PreviewAsync(2031, name, bytes);

        Assert.True(preview.HasErrors);
        Assert.False(preview.CanConfirm);
        var error = preview.Issues.First(i => i.IsError);
        Assert.Contains(message, error.Message);
        Assert.Equal(row, error.Row);
        var outcome = await _import.ConfirmAsync(preview, _admin);
        Assert.False(outcome.Saved);
        Assert.Contains("kesalahan", outcome.Message);
        Assert.Equal(before, await CountsAsync());
        Assert.Null(await _app.Plans.LoadAsync(2031));
    }

    [Fact]
    public async Task EmptyAndDuplicateRows_AndANodeWithoutIndicator_AreWarnings_AndPreviewWritesNothing()
    {
        var rows = PlanFiles.SmallPlan().ToList();
        rows.Insert(7, []);                                    // empty row 8
        rows.Insert(8, rows[6]);                               // row 9 repeats the Sasaran row 7 exactly
        rows.Add([null, "Sub Kegiatan 2 Tanpa indikator", null, null, null, null, null, null, null, null]);
        var before = await CountsAsync();

        var preview = await PreviewAsync(2031, "rencana.xlsx", PlanFiles.Xlsx(rows));

        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues));
        Assert.Contains(preview.Issues, i => i.Row == 9 && i.Message.Contains("sama persis dengan baris 7", StringComparison.Ordinal));
        Assert.Contains(preview.Issues, i => i.Row == 13 && i.Message.Contains("tidak memiliki indikator kinerja", StringComparison.Ordinal));
        Assert.Contains(preview.Findings, f => f.RuleCode == "RK10");
        Assert.Equal(6, preview.NodeCount);
        Assert.Equal(6, preview.IndicatorCount);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TenThousandRows_InAnXlsx_AreParsed_AndNothingIsWritten()
    {
        var (rows, indicators) = PlanFiles.Generated(10_000);
        var before = await CountsAsync();

        var preview = await PreviewAsync(2031, "besar.xlsx", PlanFiles.Xlsx(rows));

        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues.Take(5)));
        Assert.Equal(rows.Count - 1, preview.Rows);
        Assert.Equal(indicators, preview.IndicatorCount);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task SameYear_UnchangedExport_ChangesNothing()
    {
        var before = await CountsAsync();

        var preview = await PreviewAsync(2025, "renaksi-2025.xlsx", await Export2025Async());
        var outcome = await _import.ConfirmAsync(preview, _admin);

        Assert.False(preview.IsNewYear);
        Assert.Empty(preview.Changes);
        Assert.True(outcome.Saved);
        Assert.Contains("Tidak ada perubahan", outcome.Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task SameYear_UpdatesTargetsInPlaceByCode_AddsNew_KeepsIndicatorsWithRealisation_AndAuditsBeforeAfter()
    {
        // T2.S1.P1.I6 (the last of six under Program 1 of Tujuan 2) has realisation; the file leaves it out.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var id = await db.Indicators.Where(i => i.Code == "T2.S1.P1.I6").Select(i => i.Id).SingleAsync();
            db.Realisations.Add(new RealisationRecord { IndicatorId = id, Quarter = 1, Date = new DateOnly(2025, 3, 20), Value = 50, RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "uji", Sequence = 1 });
            await db.SaveChangesAsync();
        }
        var original = (await _app.Plans.LoadAsync(2025))!.Plan;
        var lastNode = original.AllNodes().Last();
        byte[] bytes;
        using (var workbook = new XLWorkbook(new MemoryStream(await Export2025Async())))
        {
            var sheet = workbook.Worksheet(1);
            var row = sheet.RowsUsed().First(r => r.Cell(19).GetString() == "T1.I1");
            row.Cell(5).SetValue(8.0);   // Target 7,1 → 8
            row.Cell(9).SetValue(8.0);   // TW IV 7,1 → 8
            sheet.RowsUsed().First(r => r.Cell(19).GetString() == "T2.S1.P1.I6").Clear(XLClearOptions.Contents);
            var last = sheet.LastRowUsed().RowNumber() + 1;
            sheet.Cell(last, 3).SetValue("Jumlah pegawai mengikuti bimtek");
            sheet.Cell(last, 4).SetValue("Orang");
            foreach (var (column, value) in new[] { (5, 10.0), (6, 2.0), (7, 5.0), (8, 8.0), (9, 10.0) }) sheet.Cell(last, column).SetValue(value);
            using var output = new MemoryStream();
            workbook.SaveAs(output);
            bytes = output.ToArray();
        }
        var before = await CountsAsync();

        var preview = await PreviewAsync(2025, "renaksi-2025-revisi.xlsx", bytes);

        Assert.False(preview.HasErrors, string.Join("\n", preview.Issues));
        Assert.Equal(before, await CountsAsync());
        var changed = Assert.Single(preview.Changes, c => c.Kind == PlanChangeKind.Changed);
        Assert.Equal("T1.I1", changed.Code);
        Assert.Equal("Target: 7,1 → 8; TW IV: 7,1 → 8", changed.Description);
        var kept = Assert.Single(preview.Changes, c => c.Kind == PlanChangeKind.Kept);
        Assert.Equal("T2.S1.P1.I6", kept.Code);
        Assert.Contains("sudah memiliki realisasi", kept.Note);
        var added = Assert.Single(preview.Changes, c => c.Kind == PlanChangeKind.Added);
        Assert.Equal($"{lastNode.Code}.I2", added.Code);

        // A planner may not save; nothing changes.
        var refused = await _import.ConfirmAsync(preview, ActingUser.Of("rina", Roles.Planner));
        Assert.False(refused.Saved);
        Assert.Contains("Hanya Admin", refused.Message);
        Assert.Equal(before, await CountsAsync());

        var outcome = await _import.ConfirmAsync(preview, _admin);

        Assert.True(outcome.Saved, outcome.Message);
        var plan = (await _app.Plans.LoadAsync(2025))!.Plan;
        Assert.Equal(8m, plan.FindIndicator("T1.I1")!.AnnualTarget);
        Assert.Equal([0m, 0m, 3.9m, 8m], plan.FindIndicator("T1.I1")!.QuarterTargets);
        Assert.NotNull(plan.FindIndicator("T2.S1.P1.I6"));
        Assert.Equal("Jumlah pegawai mengikuti bimtek", plan.FindIndicator($"{lastNode.Code}.I2")!.Name);
        Assert.Equal(64, plan.AllIndicators().Count());
        var audit = await _app.AuditAsync(AuditActions.PlanChanged);
        var row1 = Assert.Single(audit, a => a.EntityKey == "2025:T1.I1");
        Assert.Contains("\"Target\":7.1", row1.Before);
        Assert.Contains("\"Target\":8", row1.After);
        Assert.Contains(audit, a => a.EntityKey == $"2025:{lastNode.Code}.I2" && a.Before is null);
        Assert.DoesNotContain(audit, a => a.EntityKey == "2025:T2.S1.P1.I6");
    }

    [Fact]
    public async Task SameYear_IndicatorWithoutRealisationLeftOut_IsRemoved()
    {
        var last = (await _app.Plans.LoadAsync(2025))!.Plan.AllIndicators().Last();
        byte[] bytes;
        using (var workbook = new XLWorkbook(new MemoryStream(await Export2025Async())))
        {
            var sheet = workbook.Worksheet(1);
            sheet.RowsUsed().First(r => r.Cell(19).GetString() == last.Code).Cell(3).Clear(XLClearOptions.Contents);
            sheet.RowsUsed().First(r => r.Cell(19).GetString() == last.Code).Cells(4, 9).Clear(XLClearOptions.Contents);
            using var output = new MemoryStream();
            workbook.SaveAs(output);
            bytes = output.ToArray();
        }

        var preview = await PreviewAsync(2025, "revisi.xlsx", bytes);
        var outcome = await _import.ConfirmAsync(preview, _admin);

        Assert.True(outcome.Saved, outcome.Message + string.Join("\n", preview.Issues));
        Assert.Contains(preview.Changes, c => c.Kind == PlanChangeKind.Removed && c.Code == last.Code);
        Assert.Null((await _app.Plans.LoadAsync(2025))!.Plan.FindIndicator(last.Code));
    }

    [Fact]
    public async Task Year_OutOfRange_IsAClearError()
    {
        var preview = await PreviewAsync(1999, "rencana.xlsx", PlanFiles.SmallPlanXlsx());

        Assert.Contains("antara 2000 dan 2100", Assert.Single(preview.Issues).Message);
    }
}
