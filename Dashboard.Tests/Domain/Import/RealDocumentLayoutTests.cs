using System.Globalization;
using Dashboard.Domain.Checks;
using Dashboard.Domain.Import;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Domain.Import;

/// <summary>The parser on layouts as agencies keep them (the corpus in <see cref="PlanFiles"/>).</summary>
public sealed class RealDocumentLayoutTests
{
    private static readonly string[] Header = PlanGridParserTests.Header;

    /// <summary>Rows as a reader delivers them: strings as text, numbers as numeric cells, null as empty.</summary>
    private static SheetGrid Grid(object?[][] rows, string name = "Renaksi") => SheetGrid.FromRows(name, rows.Select(r => r.Select(v => v switch
    {
        null => SheetCell.Empty,
        string text => new SheetCell(text),
        var number => SheetCell.Of(Convert.ToDecimal(number, CultureInfo.InvariantCulture)),
    }).ToArray()));

    private static PlanParseResult Parse(params SheetGrid[] sheets) => new PlanGridParser().Parse(sheets, new PlanGridOptions(2026, "Dinas Uji"));

    private static PlanParseResult Parse(object?[][] rows) => Parse(Grid(rows));

    [Fact]
    public void GovernmentRenaksi_WithSignatureBlockAndFooter_ImportsTheTable_AndReportsTheRestAsSkipped()
    {
        var result = Parse(PlanFiles.GovernmentRenaksiWithSignature());

        Assert.Empty(result.Issues);
        var plan = result.Plan!;
        Assert.Equal(6, plan.AllNodes().Count());
        Assert.Equal(9, plan.AllIndicators().Count());
        Assert.Equal(9, result.Rows);
        Assert.Equal(4, result.HeaderRow);
        Assert.Equal([16, 17, 18, 20, 21, 22], result.Skipped.Select(s => s.Row));
        Assert.All(result.Skipped, s => Assert.Equal(SkippedRow.BelowTable, s.Reason));
        Assert.Equal("Mengetahui, · Halaman 1 dari 1", result.Skipped[^1].Text);
        Assert.Equal("NIP. 19700101 199503 1 002", result.Skipped[^2].Text);
        Assert.Equal(["T1", "T1.S1", "T1.S1.P1", "T1.S1.P1.K1", "T1.S1.P1.K1.SK1", "T1.S2"], plan.AllNodes().Select(n => n.Code));
        Assert.Equal(new decimal?[] { 0m, 5m, 7.5m, 10m }, plan.FindIndicator("T1.S2.I2")!.QuarterTargets);
        Assert.Equal(("PROGRAM 1", "PENGAWASAN KOPERASI"), (plan.FindNode("T1.S1.P1")!.Label, plan.FindNode("T1.S1.P1")!.Title));
        Assert.Equal("Sub. Kegiatan 1", plan.FindNode("T1.S1.P1.K1.SK1")!.Label);
    }

    [Fact]
    public void ABrokenRow_InsideTheTable_IsStillAnError_NotSkipped()
    {
        var rows = PlanFiles.GovernmentRenaksiWithSignature();
        rows[9][1] = "Kegiaatan 1 Pemeriksaan koperasi"; // row 10, a plan row follows on row 11

        var result = Parse(rows);

        var error = Assert.Single(result.Errors);
        Assert.Equal((10, "Uraian (B)"), (error.Row, error.Column));
        Assert.DoesNotContain(result.Skipped, s => s.Row == 10);
    }

    [Fact]
    public void AnIndicatorRow_UnderTheTable_IsNotMistakenForTheSignature()
    {
        var rows = PlanFiles.GovernmentRenaksiWithSignature();
        rows[21] = [null, null, "Jumlah pelatihan", null, 4, 1, 2, 3, 4, null]; // the last row: a name and numbers, no unit

        var result = Parse(rows);

        // The table now runs to row 22: the signature cells above it are read as (broken) rows, never dropped silently.
        Assert.Contains(result.Errors, e => (e.Row, e.Column) == (22, "Satuan (D)"));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void RenstraMatrix_AnnualTargetsOnly_ParentOnlyNodes_AndLabelsWithOfficialCodes()
    {
        var result = Parse(PlanFiles.RenstraAnnualOnly());

        Assert.Empty(result.Issues);
        var plan = result.Plan!;
        Assert.Equal(
            ["T1|Tujuan 1|Meningkatnya daya saing UMKM|1", "T1.S1|SASARAN 1|Meningkatnya UMKM naik kelas|1",
             "T1.S1.P1|Program 5.01.01|Penunjang urusan pemerintahan|5.01.01",
             "T1.S1.P1.K1|Kegiatan 5.01.01.2.01|Perencanaan, penganggaran, dan evaluasi kinerja|5.01.01.2.01",
             "T2|Tujuan 2|Meningkatnya kelembagaan koperasi|2", "T2.P1|PROGRAM|Pemberdayaan koperasi|"],
            plan.AllNodes().Select(n => $"{n.Code}|{n.Label}|{n.Title}|{n.OfficialCode}"));
        Assert.Empty(plan.FindNode("T1")!.Indicators);
        Assert.Empty(plan.FindNode("T1.S1")!.Indicators);
        Assert.Equal(4, plan.AllIndicators().Count());
        Assert.All(plan.AllIndicators(), i => Assert.True(i.IsAnnualOnly));
        Assert.Equal([73.33m, 3m, 65.8m, 120m], plan.AllIndicators().Select(i => i.AnnualTarget));
        Assert.Equal("IKU", plan.FindIndicator("T1.S1.P1.I1")!.Remark);
        Assert.DoesNotContain(new PlanChecker().Check(plan), f => f.RuleCode is PlanRules.NoQuarterTargets or PlanRules.NodeWithoutIndicator or PlanRules.YearEndMismatch);
    }

    [Fact]
    public void SomeQuartersBlank_AreNoTargets_WithAWarning_AndZeroStaysZero()
    {
        var result = Parse(Grid([Header, ["", "Tujuan 1 X", "Jumlah Y", "Unit", "12", "0", "", "", "12"]]));

        Assert.False(result.HasErrors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(2, warning.Row);
        Assert.StartsWith("TW II, TW III kosong: dibaca sebagai tanpa target triwulan (bukan 0).", warning.Message);
        Assert.Equal(new decimal?[] { 0m, null, null, 12m }, result.Plan!.FindIndicator("T1.I1")!.QuarterTargets);
    }

    [Fact]
    public void BlankAnnualTarget_IsStillAnError_NamingTheCell()
    {
        var result = Parse(Grid([Header, ["", "Tujuan 1 X", "Jumlah Y", "Unit", "", "", "", "", ""]]));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "Target (E)"), (error.Row, error.Column));
        Assert.Equal("Target kosong. Tulis 0 bila tidak ada target.", error.Message);
    }

    [Fact]
    public void PercentText_NumbersAsText_AndTheRowsOwnUnitInsideTheCell_AreRead()
    {
        var result = Parse(Grid([
            Header,
            ["", "Tujuan 1 X", "Persentase koperasi sehat", "Persentase", "65,8%", "10 %", "20%", "30,5%", "65,8 %"],
            ["", "", "Jumlah laporan", "Laporan", "4 Laporan", "1 laporan", "2", "3", "4 Laporan"],
        ]));

        Assert.Empty(result.Issues);
        Assert.Equal(new decimal?[] { 10m, 20m, 30.5m, 65.8m }, result.Plan!.FindIndicator("T1.I1")!.QuarterTargets);
        Assert.Equal(65.8m, result.Plan.FindIndicator("T1.I1")!.AnnualTarget);
        Assert.Equal(new decimal?[] { 1m, 2m, 3m, 4m }, result.Plan.FindIndicator("T1.I2")!.QuarterTargets);
    }

    [Fact]
    public void AnotherUnitInsideTheCell_IsNotGuessed_ButRefusedAtTheCell()
    {
        var result = Parse(Grid([Header, ["", "Tujuan 1 X", "Jumlah laporan", "Laporan", "4 Dokumen", "1", "2", "3", "4"]]));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "Target (E)"), (error.Row, error.Column));
        Assert.Contains("\"4 Dokumen\" bukan angka yang sah", error.Message);
        Assert.Null(result.Plan!.FindIndicator("T1.I1"));
    }

    [Fact]
    public void SeveralSheets_TheOneWithThePlanTableIsRead_AndTheUserMayChooseAnother()
    {
        var cover = Grid([["Petunjuk pengisian"], ["Isi lembar Renaksi"]], "Petunjuk");
        var first = Grid(PlanFiles.GovernmentRenaksiWithSignature(), "Renaksi 2026");
        var second = Grid(PlanFiles.RenstraAnnualOnly(), "Matriks Renstra");

        var picked = Parse(cover, first, second);
        Assert.Equal("Renaksi 2026", picked.Sheet);
        Assert.Equal(["Petunjuk", "Renaksi 2026", "Matriks Renstra"], picked.SheetNames);
        Assert.Equal(["Renaksi 2026", "Matriks Renstra"], picked.PlanSheets);
        Assert.Contains(picked.Warnings, w => w.Message.StartsWith("Lembar Matriks Renstra juga berisi tabel rencana", StringComparison.Ordinal));

        var chosen = new PlanGridParser().Parse([cover, first, second], new PlanGridOptions(2026, "Dinas Uji", "matriks renstra"));
        Assert.Equal("Matriks Renstra", chosen.Sheet);
        Assert.Equal(4, chosen.Plan!.AllIndicators().Count());

        var missing = new PlanGridParser().Parse([cover, first], new PlanGridOptions(2026, "Dinas Uji", "Lampiran"));
        Assert.Equal("Lembar \"Lampiran\" tidak ada di berkas ini. Lembar yang ada: Petunjuk, Renaksi 2026.", Assert.Single(missing.Errors).Message);
        Assert.Null(missing.Plan);

        var noTable = new PlanGridParser().Parse([cover, first], new PlanGridOptions(2026, "Dinas Uji", "Petunjuk"));
        Assert.Contains("Judul kolom tabel rencana tidak ditemukan", Assert.Single(noTable.Errors).Message);
    }

    [Fact]
    public void TheExportsFlatCsvLayout_IsReadAsTheSamePlan_WithBlankAndZeroKept()
    {
        string[] columns = ["level", "node", "indicator", "unit", "target_annual", "target_tw1", "target_tw2", "target_tw3", "target_tw4",
            "realisation_tw1", "capaian_tw1", "status_tw1", "node_code", "node_label", "indicator_code", "polarity", "aggregation", "remark"];
        var grid = Grid([
            columns,
            ["Tujuan", "Induk saja", "", "", "", "", "", "", "", "", "", "", "T1", "Tujuan 1", "", "", "", ""],
            ["Sasaran", "Koperasi sehat", "Persentase koperasi sehat", "Persentase", "65.8", "0", "", "33.8", "65.8", "10", "", "in_progress", "T1.S1", "Sasaran 1", "T1.S1.I1", "Positive", "Level", "Catatan, dengan koma"],
            ["Sasaran", "Koperasi sehat", "Jumlah koperasi", "Unit", "1250", "", "", "", "", "", "", "", "T1.S1", "Sasaran 1", "T1.S1.I2", "Negative", "Cumulative", ""],
        ]);

        var result = Parse(grid);

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal(3, Assert.Single(result.Warnings).Row); // TW II alone blank: said so, read as no target
        var plan = result.Plan!;
        Assert.Equal(["T1|Tujuan 1|Induk saja", "T1.S1|Sasaran 1|Koperasi sehat"], plan.AllNodes().Select(n => $"{n.Code}|{n.Label}|{n.Title}"));
        var level = plan.FindIndicator("T1.S1.I1")!;
        Assert.Equal((65.8m, Aggregation.Level, "Catatan, dengan koma"), (level.AnnualTarget, level.Aggregation, level.Remark));
        Assert.Equal(new decimal?[] { 0m, null, 33.8m, 65.8m }, level.QuarterTargets);
        var count = plan.FindIndicator("T1.S1.I2")!;
        Assert.Equal((1250m, Polarity.Negative, true), (count.AnnualTarget, count.Polarity, count.IsAnnualOnly));
    }
}
