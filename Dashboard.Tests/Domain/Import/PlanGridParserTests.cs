using Dashboard.Domain.Checks;
using Dashboard.Domain.Import;
using Dashboard.Domain.Plans;

namespace Dashboard.Tests.Domain.Import;

public sealed class PlanGridParserTests
{
    internal static readonly string[] Header = ["No", "Uraian", "Indikator Kinerja", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Keterangan"];

    internal static SheetGrid Grid(params string[][] rows) => SheetGrid.FromRows("Renaksi", rows.Select(r => r.Select(c => (SheetCell)c).ToArray()));

    private static PlanParseResult Parse(params string[][] rows) => new PlanGridParser().Parse(Grid(rows), new PlanGridOptions(2026, "Dinas Uji"));

    private static string[] Row(string uraian, string indicator = "", string unit = "", string target = "", string tw1 = "", string tw2 = "", string tw3 = "", string tw4 = "", string remark = "") =>
        ["", uraian, indicator, unit, target, tw1, tw2, tw3, tw4, remark];

    private static string[] Ind(string name, string unit, string target, string tw1, string tw2, string tw3, string tw4, string remark = "") =>
        Row("", name, unit, target, tw1, tw2, tw3, tw4, remark);

    [Fact]
    public void StandardLayout_ReadsTheTree_WithPositionalCodesLikeTheSeed()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1 Meningkatnya daya saing", "Persentase koperasi berkualitas", "Persentase", "7,1", "0", "0", "3,9", "7,1", "Capaian pada akhir tahun"),
            Row("Sasaran 1 Meningkatnya Koperasi Sehat", "Persentase koperasi Sehat", "Persentase", "65,8", "0", "0", "33,8", "65,8"),
            Row("Program 1 Pendidikan dan latihan", "Persentase SDM kompeten", "Persentase", "62", "0", "15", "45", "62"),
            Row("Kegiatan1 Diklat perkoperasian", "Persentase kelulusan", "Persentase", "72,5", "0", "25", "62", "72,5"),
            Row("Sub Kegiatan 1 Peningkatan pemahaman", "Jumlah SDM", "Orang", "145", "35", "70", "105", "145"),
            Row("Program 2 Pemberdayaan", "Pertumbuhan volume usaha", "Persentase", "14", "4", "8", "12", "14"),
            Row("Sasaran 2 Meningkatnya wirausaha", "Jumlah wirausaha", "Orang", "100", "25", "50", "75", "100"),
            Row("Tujuan 2 Kelembagaan", "Nilai SAKIP", "Angka", "73,33", "0", "0", "73,25", "73,33"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var plan = result.Plan!;
        Assert.Equal(2026, plan.Year);
        Assert.Equal(["T1", "T1.S1", "T1.S1.P1", "T1.S1.P1.K1", "T1.S1.P1.K1.SK1", "T1.S1.P2", "T1.S2", "T2"], plan.AllNodes().Select(n => n.Code));
        var sub = plan.FindNode("T1.S1.P1.K1.SK1")!;
        Assert.Equal(NodeLevel.SubKegiatan, sub.Level);
        Assert.Equal("Sub Kegiatan 1", sub.Label);
        Assert.Equal("Peningkatan pemahaman", sub.Title);
        Assert.Equal("Kegiatan1", plan.FindNode("T1.S1.P1.K1")!.Label);
        var indicator = plan.FindIndicator("T1.I1")!;
        Assert.Equal("Persentase koperasi berkualitas", indicator.Name);
        Assert.Equal(7.1m, indicator.AnnualTarget);
        Assert.Equal([0m, 0m, 3.9m, 7.1m], indicator.QuarterTargets);
        Assert.Equal("Capaian pada akhir tahun", indicator.Remark);
        Assert.Equal(73.33m, plan.FindIndicator("T2.I1")!.AnnualTarget);
        Assert.Equal(8, result.Rows);
    }

    [Fact]
    public void MergedHeader_TargetAboveQuarters_OnRowFourWithTitleRowsAbove_IsFound()
    {
        var result = Parse(
            ["RENCANA AKSI TAHUN 2026"],
            ["DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA"],
            [],
            ["NO", "URAIAN", "INDIKATOR\nKINERJA", "SATUAN", "TARGET", "", "", "", "", "KETERANGAN"],
            ["", "", "", "", "2026", "TW.I", "TW.II", "TW.III", "TW.IV", ""],
            Row("Tujuan 1 Meningkatnya daya saing", "Persentase koperasi", "Persentase", "10", "1", "2", "3", "10"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal("RENCANA AKSI TAHUN 2026", result.Plan!.Title);
        Assert.Equal("DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA", result.Plan.Agency);
        Assert.Equal([1m, 2m, 3m, 10m], result.Plan.FindIndicator("T1.I1")!.QuarterTargets);
    }

    [Theory]
    [InlineData("Target Tahunan", "TW I", "TW II", "TW III", "TW IV")]
    [InlineData("target", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")]
    [InlineData("TARGET 2026", "tw 1", "TW-2", "TW.III", "TRIWULAN 4")]
    [InlineData("Target", "Target TW I", "Target TW II", "Target TW III", "Target TW IV")]
    public void HeaderNames_AreMatchedIgnoringCaseSpacesAndDots(string target, string tw1, string tw2, string tw3, string tw4)
    {
        var result = Parse(
            ["no.", " uraian ", "Indikator  Kinerja", "SATUAN", target, tw1, tw2, tw3, tw4, "Ket."],
            Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4", "catatan"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var indicator = result.Plan!.FindIndicator("T1.I1")!;
        Assert.Equal(4m, indicator.AnnualTarget);
        Assert.Equal([1m, 2m, 3m, 4m], indicator.QuarterTargets);
        Assert.Equal("catatan", indicator.Remark);
    }

    [Fact]
    public void TwoRowHeader_WithTahunanUnderTarget_AndRealisationGroupAfter_ReadsTargetsNotRealisation()
    {
        var result = Parse(
            ["No", "Uraian", "Indikator Kinerja", "Satuan", "Target", "", "", "", "", "Keterangan", "Realisasi", "", "", ""],
            ["", "", "", "", "Tahunan", "TW I", "TW II", "TW III", "TW IV", "", "TW I", "TW II", "TW III", "TW IV"],
            ["", "Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4", "", "9", "9", "9", "9"]);

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal([1m, 2m, 3m, 4m], result.Plan!.FindIndicator("T1.I1")!.QuarterTargets);
    }

    [Theory]
    [InlineData("Tujuan 1 Meningkatnya X", NodeLevel.Tujuan, "Tujuan 1", "Meningkatnya X")]
    [InlineData("Tujuan  2 : Meningkatnya X", NodeLevel.Tujuan, "Tujuan  2", "Meningkatnya X")]
    [InlineData("Sasaran 3 Meningkatnya SAKIP", NodeLevel.Sasaran, "Sasaran 3", "Meningkatnya SAKIP")]
    [InlineData("PROGRAM 1 PEMBERDAYAAN USAHA", NodeLevel.Program, "PROGRAM 1", "PEMBERDAYAAN USAHA")]
    [InlineData("Program pengembangan UMKM", NodeLevel.Program, "Program", "pengembangan UMKM")]
    [InlineData("Program 1.02.17 Penunjang", NodeLevel.Program, "Program 1.02.17", "Penunjang")]
    [InlineData("Kegiatan1 Pendidikan", NodeLevel.Kegiatan, "Kegiatan1", "Pendidikan")]
    [InlineData("Kegiatan 5. Penyediaan Jasa", NodeLevel.Kegiatan, "Kegiatan 5.", "Penyediaan Jasa")]
    [InlineData("kegiatan Pengembangan", NodeLevel.Kegiatan, "kegiatan", "Pengembangan")]
    [InlineData("Sub Kegiatan 1 Peningkatan", NodeLevel.SubKegiatan, "Sub Kegiatan 1", "Peningkatan")]
    [InlineData("sub kegiatan 1 Penyediaan Gaji", NodeLevel.SubKegiatan, "sub kegiatan 1", "Penyediaan Gaji")]
    [InlineData("Sub. Kegiatan 1 Fasilitasi", NodeLevel.SubKegiatan, "Sub. Kegiatan 1", "Fasilitasi")]
    [InlineData("Su kegiatan 6 Penyelenggaraan Rapat", NodeLevel.SubKegiatan, "Su kegiatan 6", "Penyelenggaraan Rapat")]
    [InlineData("SubKegiatan 2 Evaluasi", NodeLevel.SubKegiatan, "SubKegiatan 2", "Evaluasi")]
    [InlineData("Sub kegiatan Pengembangan Usaha Mikro", NodeLevel.SubKegiatan, "Sub kegiatan", "Pengembangan Usaha Mikro")]
    public void LevelWord_IsRecognised_AsDocumentsWriteIt(string uraian, NodeLevel level, string label, string title)
    {
        Assert.True(NodeLabel.TryParse(uraian, out var l, out var lab, out var t));
        Assert.Equal(level, l);
        Assert.Equal(label, lab);
        Assert.Equal(title, t);
    }

    [Theory]
    [InlineData("Meningkatnya koperasi")]
    [InlineData("Programmer muda")]
    [InlineData("Indikator Tujuan 2")]
    public void TextWithoutLevelWord_IsNotANode(string uraian) => Assert.False(NodeLabel.TryParse(uraian, out _, out _, out _));

    [Fact]
    public void FollowingRowsWithEmptyUraian_AreMoreIndicatorsOfTheSameNode_AndWrappedTextIsJoined()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1\nMeningkatnya\nkualitas", "1. Persentase\nketersediaan", "Persentase", "100", "25", "50", "75", "100", "DIBAGI\nKEMASING"),
            Ind("2.Persentase temuan", "Persentase", "0", "0", "0", "0", "0"),
            Ind("3. Jumlah laporan", "Laporan", "12", "3", "6", "9", "12"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var node = result.Plan!.FindNode("T1")!;
        Assert.Equal("Meningkatnya kualitas", node.Title);
        Assert.Equal(["T1.I1", "T1.I2", "T1.I3"], node.Indicators.Select(i => i.Code));
        Assert.Equal(["Persentase ketersediaan", "Persentase temuan", "Jumlah laporan"], node.Indicators.Select(i => i.Name));
        Assert.Equal("DIBAGI KEMASING", node.Indicators[0].Remark);
        Assert.Null(node.Indicators[1].Remark);
    }

    [Fact]
    public void RealNumericCells_AreTakenAsNumbers()
    {
        var grid = new SheetGrid("Lembar1",
        [
            new SheetRow(1, Header.Select(h => (SheetCell)h).ToArray()),
            new SheetRow(2, ["", "Tujuan 1 X", "Persentase Y", "Persentase", SheetCell.Of(66.83m), SheetCell.Of(16.7m), SheetCell.Of(33.42m), SheetCell.Of(50.13m), SheetCell.Of(66.83m), ""]),
        ]);

        var result = new PlanGridParser().Parse(grid, new PlanGridOptions(2026, "Dinas"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal([16.7m, 33.42m, 50.13m, 66.83m], result.Plan!.FindIndicator("T1.I1")!.QuarterTargets);
    }

    [Fact]
    public void IdNumbers_WithThousandsAndDecimalComma_AndPercentSignAndDash_AreRead()
    {
        var result = Parse(Header, Row("Tujuan 1 X", "Jumlah modal", "Rupiah", "1.234,5", "-", "1.000", "7,1%", "1.234,5"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal(1234.5m, result.Plan!.FindIndicator("T1.I1")!.AnnualTarget);
        Assert.Equal([0m, 1000m, 7.1m, 1234.5m], result.Plan.FindIndicator("T1.I1")!.QuarterTargets);
        // 1.000 is valid id-ID but reads differently in English: a warning says how it was read.
        var warning = Assert.Single(result.Warnings, w => w.Column == "TW II (G)");
        Assert.Contains("1.000", warning.Message);
    }

    [Fact]
    public void EnglishNumber_IsAnErrorAtThatCell_WithTheIdFormItProbablyMeant()
    {
        var result = Parse(Header, Row("Tujuan 1 X", "Jumlah modal", "Rupiah", "1,234.5", "0", "0", "0", "1.234,5"));

        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("Target (E)", error.Column);
        Assert.Equal("Renaksi", error.Sheet);
        Assert.Contains("Format angka Inggris", error.Message);
        Assert.Contains("\"1.234,5\"", error.Message);
    }

    [Fact]
    public void TextInANumberCell_IsAnErrorAtThatCell()
    {
        var result = Parse(Header, Row("Tujuan 1 X", "Jumlah Y", "Unit", "12", "3", "enam", "9", "12"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "TW II (G)"), (error.Row, error.Column));
        Assert.Contains("\"enam\" bukan angka", error.Message);
        Assert.Empty(result.Plan!.FindNode("T1")!.Indicators);
    }

    [Fact]
    public void EmptyNumberCellOrNegative_IsAnError_SayingWhatToWrite()
    {
        var result = Parse(Header, Row("Tujuan 1 X", "Jumlah Y", "Unit", "", "3", "-6", "9", "12"));

        Assert.Equal(2, result.Errors.Count());
        Assert.Contains(result.Errors, e => e.Column == "Target (E)" && e.Message.Contains("Tulis 0", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Column == "TW II (G)" && e.Message.Contains("negatif", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingColumns_GiveOneErrorNamingThem()
    {
        var result = Parse(
            ["No", "Uraian", "Indikator Kinerja", "Target", "TW I", "TW II", "TW IV", "Keterangan"],
            ["", "Tujuan 1 X", "Jumlah Y", "4", "1", "2", "4", ""]);

        var error = Assert.Single(result.Issues);
        Assert.True(error.IsError);
        Assert.Contains("Kolom wajib tidak ditemukan: Satuan, TW III.", error.Message);
        Assert.Equal(1, error.Row);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void NoHeaderAtAll_IsOneClearError()
    {
        var result = Parse(["nama", "alamat"], ["Budi", "Purbalingga"]);

        var error = Assert.Single(result.Issues);
        Assert.Contains("Judul kolom tabel rencana tidak ditemukan", error.Message);
    }

    [Fact]
    public void HeaderBelowRowTen_IsNotSearchedFor()
    {
        var rows = Enumerable.Repeat(Array.Empty<string>(), 10).Append(Header).Append(Row("Tujuan 1 X", "Y", "Unit", "1", "0", "0", "0", "1")).ToArray();

        Assert.True(Parse(rows).HasErrors);
    }

    [Fact]
    public void EmptyRows_AreSkipped_AndMessagesKeepTheSheetsRowNumbers()
    {
        var result = Parse(
            Header,
            [],
            Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            ["", "", "", "", "", "", "", "", "", ""],
            [],
            Row("Sasaran 1 Z", "Jumlah W", "Unit", "4", "1", "dua", "3", "4"));

        Assert.Equal(2, result.Rows);
        Assert.Equal(6, Assert.Single(result.Errors).Row);
    }

    [Fact]
    public void ExactDuplicateRows_AreWarnedAndLeftOut_ButTheSameIndicatorUnderAnotherNodeIsKept()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            Ind("Jumlah laporan", "Laporan", "4", "1", "2", "3", "4"),
            Ind("Jumlah laporan", "Laporan", "4", "1", "2", "3", "4"),
            Row("Sasaran 1 Z", "Jumlah W", "Unit", "4", "1", "2", "3", "4"),
            Ind("Jumlah laporan", "Laporan", "4", "1", "2", "3", "4"),
            Row("Sasaran 1 Z", "Jumlah W", "Unit", "4", "1", "2", "3", "4"));

        Assert.False(result.HasErrors);
        var plan = result.Plan!;
        Assert.Equal(2, plan.FindNode("T1")!.Indicators.Count);
        Assert.Single(plan.FindNode("T1")!.Children);
        Assert.Equal(2, plan.FindNode("T1.S1")!.Indicators.Count);
        Assert.Equal([4, 7], result.Warnings.Where(w => w.Message.Contains("sama persis", StringComparison.Ordinal)).Select(w => w.Row!.Value));
        Assert.Contains("baris 3", result.Warnings.First().Message);
    }

    [Fact]
    public void LeafNodeWithoutIndicator_IsReportedAtItsRow_ButAParentOnlyNodeIsNot()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            Row("Sasaran 1 Hanya induk"),
            Row("Program 1 Z", "Jumlah W", "Unit", "4", "1", "2", "3", "4"),
            Row("Program 2 Tanpa indikator"),
            Row("Program 3 V", "Jumlah V", "Unit", "4", "1", "2", "3", "4"));

        Assert.False(result.HasErrors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((5, "Uraian (B)"), (warning.Row, warning.Column));
        Assert.Contains("Program 2 \"Tanpa indikator\" tidak memiliki indikator kinerja", warning.Message);
        Assert.Equal(["T1.S1.P1", "T1.S1.P2", "T1.S1.P3"], result.Plan!.FindNode("T1.S1")!.Children.Select(c => c.Code));
        Assert.Empty(result.Plan.FindNode("T1.S1")!.Indicators);
    }

    [Fact]
    public void IndicatorBeforeAnyNode_AndUnknownUraian_AreErrors()
    {
        var result = Parse(
            Header,
            Ind("Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            Row("Meningkatnya koperasi", "Jumlah Z", "Unit", "4", "1", "2", "3", "4"),
            Ind("Jumlah W", "Unit", "4", "1", "2", "3", "4"));

        Assert.Equal([2, 4], result.Errors.Select(e => e.Row!.Value));
        Assert.Contains("Uraian harus diawali Tujuan", result.Errors.Last().Message);
    }

    [Fact]
    public void SasaranWithoutTujuan_IsAnError()
    {
        var result = Parse(Header, Row("Sasaran 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"));

        Assert.Contains("tidak berada di bawah Tujuan", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void MissingUnitOrName_AreErrorsAtTheirColumns()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1 X", "Jumlah Y", "", "4", "1", "2", "3", "4"),
            Ind("", "Unit", "4", "1", "2", "3", "4"));

        Assert.Equal(["Satuan (D)", "Indikator Kinerja (C)"], result.Errors.Select(e => e.Column));
    }

    [Fact]
    public void RepeatedTujuanHeader_ContinuesTheFirstTujuan()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1 Meningkatnya X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            Row("Sasaran 1 A", "Jumlah A", "Unit", "4", "1", "2", "3", "4"),
            Row("Tujuan 1 Meningkatnya X"),
            Row("Sasaran 2 B", "Jumlah B", "Unit", "4", "1", "2", "3", "4"));

        Assert.False(result.HasErrors);
        var plan = result.Plan!;
        Assert.Single(plan.Roots);
        Assert.Equal(["T1.S1", "T1.S2"], plan.Roots[0].Children.Select(c => c.Code));
        Assert.Contains(result.Warnings, w => w.Row == 4 && w.Message.Contains("sudah ada di baris 2", StringComparison.Ordinal));
    }

    [Fact]
    public void SkippedLevel_GetsAPositionalCode_AndThePlanCheckReportsIt()
    {
        var result = Parse(
            Header,
            Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"),
            Row("Sasaran 1 A", "Jumlah A", "Unit", "4", "1", "2", "3", "4"),
            Row("Kegiatan 1 B", "Jumlah B", "Unit", "4", "1", "2", "3", "4"));

        Assert.Equal("T1.S1.K1", result.Plan!.FindNode("T1.S1")!.Children.Single().Code);
        Assert.Contains(new PlanChecker().Check(result.Plan), f => f.RuleCode == PlanRules.SkippedLevel && f.NodeCode == "T1.S1.K1");
    }

    [Fact]
    public void ColumnNumberingRowUnderTheHeader_IsSkipped()
    {
        var result = Parse(Header, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void TitleNamingAnotherYear_IsRewrittenToTheImportYear_WithAWarning()
    {
        var result = Parse(["Rencana Aksi Tahun 2025"], ["Dinas Koperasi"], Header, Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"));

        Assert.Equal("Rencana Aksi Tahun 2026", result.Plan!.Title);
        Assert.Equal("Dinas Koperasi", result.Plan.Agency);
        Assert.Contains(result.Warnings, w => w.Row == 1 && w.Message.Contains("2025", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTitleRows_TheDefaultTitleAndTheGivenAgencyAreUsed()
    {
        var result = Parse(Header, Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"));

        Assert.Equal("Rencana Aksi Tahun 2026", result.Plan!.Title);
        Assert.Equal("Dinas Uji", result.Plan.Agency);
    }

    [Fact]
    public void OptionalPolarityAndAggregationColumns_AreRead()
    {
        var result = Parse(
            [.. Header, "Polaritas", "Agregasi"],
            ["", "Tujuan 1 X", "Angka kemiskinan", "Persentase", "10", "12", "11", "10,5", "10", "", "Negatif", "Nilai terakhir"],
            ["", "", "Jumlah Y", "Unit", "4", "1", "2", "3", "4", "", "Positif", "Kumulatif"]);

        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var indicators = result.Plan!.FindNode("T1")!.Indicators;
        Assert.Equal(Polarity.Negative, indicators[0].Polarity);
        Assert.Equal(Aggregation.Level, indicators[0].Aggregation);
        Assert.Equal(Polarity.Positive, indicators[1].Polarity);
    }

    [Fact]
    public void FirstSheetWithoutTable_IsPassedOver_ForTheSheetThatHasIt()
    {
        var notes = SheetGrid.FromRows("Catatan", [["Petunjuk pengisian"]]);
        var plan = Grid(Header, Row("Tujuan 1 X", "Jumlah Y", "Unit", "4", "1", "2", "3", "4"));

        var result = new PlanGridParser().Parse([notes, plan], new PlanGridOptions(2026, "Dinas"));

        Assert.False(result.HasErrors);
        Assert.Equal("Renaksi", result.Sheet);
    }

    [Fact]
    public void AllSheetsEmpty_IsOneClearError()
    {
        var result = new PlanGridParser().Parse([SheetGrid.FromRows("Lembar1", [])], new PlanGridOptions(2026, "Dinas"));

        Assert.Contains("kosong", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void TenThousandRows_Parse()
    {
        var rows = new List<string[]> { Header };
        var expectedIndicators = 0;
        for (var t = 1; rows.Count < 10_001; t++)
        {
            rows.Add(Row($"Tujuan {t} Tujuan nomor {t}", "Persentase A", "Persentase", "10", "2,5", "5", "7,5", "10"));
            expectedIndicators++;
            for (var s = 1; s <= 3; s++)
            {
                rows.Add(Row($"Sasaran {s} Sasaran {t}.{s}", "Jumlah B", "Orang", "100", "25", "50", "75", "100"));
                rows.Add(Ind("Jumlah C", "Unit", "4", "1", "2", "3", "4"));
                expectedIndicators += 2;
                for (var p = 1; p <= 2; p++)
                {
                    rows.Add(Row($"Program {p} Program {t}.{s}.{p}", "Jumlah D", "Dokumen", "1.200", "300", "600", "900", "1.200"));
                    expectedIndicators++;
                }
            }
        }

        var result = Parse([.. rows]);

        Assert.Equal(rows.Count - 1, result.Rows);
        Assert.Equal(expectedIndicators, result.Plan!.AllIndicators().Count());
        Assert.False(result.HasErrors);
    }
}
