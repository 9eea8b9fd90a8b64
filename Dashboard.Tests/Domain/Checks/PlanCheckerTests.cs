using Dashboard.Domain.Checks;
using Dashboard.Domain.Plans;

namespace Dashboard.Tests.Domain.Checks;

public class PlanCheckerTests
{
    private readonly PlanChecker _checker = new();

    // ---- whole plans ----------------------------------------------------------------------------------------------

    [Fact]
    public void CleanPlan_HasNoFindings()
    {
        var plan = CleanTree();

        Assert.Empty(_checker.Check(plan));
    }

    [Fact]
    public void RuleCatalogue_CodesAreUniqueAndFindingsUseTheirSeverity()
    {
        Assert.Equal(PlanRules.All.Count, PlanRules.All.Select(r => r.Code).Distinct().Count());

        var findings = _checker.Check(SeedPlan.Load2025());

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(PlanRules.Get(f.RuleCode).Severity, f.Severity));
    }

    [Fact]
    public void Findings_AreInDocumentOrder()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan");
        root.AddIndicator(Ind("T1.I1", "Orang", 10m, [0m, 5m, 2.5m, 0m]));
        var empty = root.AddChild(new PlanNode("T1.S1", NodeLevel.Sasaran, "Sasaran tanpa indikator"));
        var program = empty.AddChild(new PlanNode("T1.S1.P1", NodeLevel.Program, "Program"));
        program.AddIndicator(Ind("T1.S1.P1.I1", "Persentase", 100m, [0m, 0m, 0m, 0m]));
        var plan = new Plan(2025, "Dinas Uji", "", [root]);

        var findings = _checker.Check(plan);

        Assert.Equal(
            [
                ("RK01", "T1.I1"), ("RK02", "T1.I1"), ("RK05", "T1.I1"),
                ("RK03", "T1.S1.P1.I1"),
            ],
            findings.Select(f => (f.RuleCode, f.IndicatorCode)));
        // T1.S1 only groups a program: a parent node, not a node missing its indicator.
        Assert.Equal(["T1", "T1", "T1", "T1.S1.P1"], findings.Select(f => f.NodeCode));
    }

    // ---- RK01 decreasing cumulative targets -----------------------------------------------------------------------

    [Fact]
    public void DecreasingTargets_AreReported()
    {
        var finding = Single(PlanRules.DecreasingTargets, Ind("T1.I1", "Angka", 73.33m, [0m, 0m, 73.25m, 0m]));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("T1", finding.NodeCode);
        Assert.Equal("T1.I1", finding.IndicatorCode);
        Assert.Equal("Target kumulatif turun dari TW III (73,25) ke TW IV (0).", finding.Message);
    }

    [Fact]
    public void DecreasingTargets_SeveralSteps_AreOneFindingNamingEachStep()
    {
        var finding = Single(PlanRules.DecreasingTargets, Ind("T1.I1", "Dokumen", 4m, [5m, 3m, 6m, 4m]));

        Assert.Equal("Target kumulatif turun dari TW I (5) ke TW II (3) dan dari TW III (6) ke TW IV (4).", finding.Message);
    }

    [Fact]
    public void IncreasingOrFlatTargets_AreNotDecreasing()
    {
        Assert.Empty(Findings(PlanRules.DecreasingTargets, Ind("T1.I1", "Dokumen", 4m, [1m, 1m, 4m, 4m])));
    }

    [Fact]
    public void DecreasingTargets_OnNegativeLevelIndicator_AreNotReported()
    {
        var poverty = Ind("T1.I1", "Persentase", 9m, [12m, 11m, 10m, 9m], polarity: Polarity.Negative);

        Assert.Empty(_checker.Check(PlanOf(poverty)));
    }

    [Fact]
    public void DecreasingTargets_OnNegativeCumulativeIndicator_AreReported()
    {
        var incidents = Ind("T1.I1", "Kali", 2m, [3m, 2m, 2m, 2m], polarity: Polarity.Negative);

        Assert.Single(Findings(PlanRules.DecreasingTargets, incidents));
    }

    // ---- RK02 TW IV differs from annual ---------------------------------------------------------------------------

    [Fact]
    public void TwIvDifferentFromAnnual_IsReported()
    {
        var finding = Single(PlanRules.YearEndMismatch, Ind("T1.I1", "Angka", 73.33m, [0m, 0m, 73.25m, 0m]));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("TW IV (0) berbeda dengan target tahunan (73,33).", finding.Message);
    }

    [Fact]
    public void TwIvDifferentFromAnnual_FormatsNumbersAsIndonesian()
    {
        var finding = Single(PlanRules.YearEndMismatch, Ind("T1.I1", "Angka", 2000m, [500m, 1000m, 1500m, 1234.5m]));

        Assert.Equal("TW IV (1.234,5) berbeda dengan target tahunan (2.000).", finding.Message);
    }

    [Fact]
    public void TwIvEqualToAnnual_IsNotReported()
    {
        Assert.Empty(Findings(PlanRules.YearEndMismatch, Ind("T1.I1", "Angka", 7.1m, [0m, 0m, 3.9m, 7.10m])));
    }

    // ---- RK03 annual target without quarterly targets -------------------------------------------------------------

    [Fact]
    public void AnnualTargetWithAllQuartersZero_IsAnErrorAndNotAlsoYearEndMismatch()
    {
        var findings = _checker.Check(PlanOf(Ind("T1.I1", "Persentase", 100m, [0m, 0m, 0m, 0m])));

        var finding = Assert.Single(findings);
        Assert.Equal(PlanRules.NoQuarterTargets, finding.RuleCode);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("Target tahunan (100) ada, tetapi target TW I sampai TW IV semuanya 0.", finding.Message);
    }

    [Fact]
    public void AnnualTargetWithSomeQuarterTarget_IsNotNoQuarterTargets()
    {
        Assert.Empty(Findings(PlanRules.NoQuarterTargets, Ind("T1.I1", "Persentase", 100m, [0m, 0m, 0m, 100m])));
    }

    [Fact]
    public void AnnualTargetWithBlankQuarters_IsAnAnnualOnlyPlan_NotAFinding()
    {
        var annualOnly = new Indicator("T1.I1", "Jumlah koperasi sehat", "Unit", 12m, new decimal?[] { null, null, null, null });

        Assert.Empty(_checker.Check(PlanOf(annualOnly)));
    }

    [Fact]
    public void BlankQuarters_AreNotComparedAsZero()
    {
        // TW III blank between 6 and 12: no "decreasing" step, and a blank TW IV is no year-end mismatch.
        var indicator = new Indicator("T1.I1", "Jumlah koperasi sehat", "Unit", 12m, new decimal?[] { 3m, 6m, null, null });

        Assert.Empty(_checker.Check(PlanOf(indicator)));
    }

    // ---- RK04 all targets zero ------------------------------------------------------------------------------------

    [Fact]
    public void AllTargetsZero_IsReportedAsInfoOnly()
    {
        var findings = _checker.Check(PlanOf(Ind("T1.I1", "Paket", 0m, [0m, 0m, 0m, 0m])));

        var finding = Assert.Single(findings);
        Assert.Equal(PlanRules.AllTargetsZero, finding.RuleCode);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void SomeTargetNotZero_IsNotAllTargetsZero(int annual, int twIv)
    {
        Assert.Empty(Findings(PlanRules.AllTargetsZero, Ind("T1.I1", "Paket", annual, [0m, 0m, 0m, twIv])));
    }

    // ---- RK05 fractional counts -----------------------------------------------------------------------------------

    [Fact]
    public void FractionalTargetsOnCountUnit_AreReportedWithTheirValues()
    {
        var finding = Single(PlanRules.FractionalCount, Ind("T1.I1", "Orang", 38m, [0m, 12.7m, 25.3m, 38m]));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("Target pecahan pada satuan hitungan Orang: TW II (12,7), TW III (25,3).", finding.Message);
    }

    [Fact]
    public void FractionalAnnualTargetOnLowerCaseCountUnit_IsReported()
    {
        var finding = Single(PlanRules.FractionalCount, Ind("T1.I1", "unit", 2.5m, [1m, 2m, 2m, 2.5m]));

        Assert.Equal("Target pecahan pada satuan hitungan unit: target tahunan (2,5), TW IV (2,5).", finding.Message);
    }

    [Theory]
    [InlineData("Persentase")]
    [InlineData("Angka")]
    public void FractionalTargetsOnNonCountUnit_AreNotReported(string unit)
    {
        Assert.Empty(Findings(PlanRules.FractionalCount, Ind("T1.I1", unit, 2.5m, [0.625m, 1.25m, 1.875m, 2.5m])));
    }

    [Fact]
    public void WholeTargetsOnCountUnit_WrittenWithDecimalZeros_AreNotFractional()
    {
        Assert.Empty(Findings(PlanRules.FractionalCount, Ind("T1.I1", "Orang", 4.0m, [1.00m, 2m, 3m, 4m])));
    }

    // ---- RK06 one name, several units -----------------------------------------------------------------------------

    [Fact]
    public void SameNameWithTwoUnits_IsReportedOnEachIndicator()
    {
        var plan = PlanOf(
            Ind("T1.I1", "Dokumen", 5m, [1m, 2m, 3m, 5m], "Jumlah Laporan Evaluasi Kinerja"),
            Ind("T1.I2", "Orang", 5m, [1m, 2m, 3m, 5m], "Indikator lain"),
            Ind("T1.I3", "Persentase", 100m, [25m, 50m, 75m, 100m], "jumlah  laporan evaluasiKinerja "));

        var findings = _checker.Check(plan).Where(f => f.RuleCode == PlanRules.NameWithSeveralUnits).ToList();

        Assert.Equal(["T1.I1", "T1.I3"], findings.Select(f => f.IndicatorCode));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Equal("Nama indikator yang sama juga dipakai dengan satuan Persentase (T1.I3); di sini satuannya Dokumen.", findings[0].Message);
        Assert.Equal("Nama indikator yang sama juga dipakai dengan satuan Dokumen (T1.I1); di sini satuannya Persentase.", findings[1].Message);
    }

    [Fact]
    public void SameNameWithSameUnitInOtherCase_IsNotSeveralUnits()
    {
        var plan = PlanOf(
            Ind("T1.I1", "Laporan", 12m, [3m, 6m, 9m, 12m], "Jumlah laporan"),
            Ind("T1.I2", "laporan", 12m, [3m, 6m, 9m, 12m], "Jumlah laporan"));

        Assert.DoesNotContain(_checker.Check(plan), f => f.RuleCode == PlanRules.NameWithSeveralUnits);
    }

    [Fact]
    public void DifferentNamesWithDifferentUnits_AreNotSeveralUnits()
    {
        var plan = PlanOf(
            Ind("T1.I1", "Dokumen", 5m, [1m, 2m, 3m, 5m], "Jumlah laporan A"),
            Ind("T1.I2", "Persentase", 100m, [25m, 50m, 75m, 100m], "Persentase laporan A"));

        Assert.Empty(_checker.Check(plan));
    }

    // ---- RK07 percentage above 100 --------------------------------------------------------------------------------

    [Fact]
    public void PercentageTargetAbove100_IsReported()
    {
        var finding = Single(PlanRules.PercentageAbove100, Ind("T1.I1", "Persentase", 114m, [40m, 80m, 100.5m, 114m]));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("Target persentase di atas 100: target tahunan (114), TW III (100,5), TW IV (114).", finding.Message);
    }

    [Theory]
    [InlineData("Persentase", 100)]
    [InlineData("Angka", 120)]
    [InlineData("Orang", 120)]
    public void PercentageRule_IgnoresHundredAndOtherUnits(string unit, int target)
    {
        Assert.Empty(Findings(PlanRules.PercentageAbove100, Ind("T1.I1", unit, target, [0m, 0m, 0m, target])));
    }

    // ---- RK08 quarter above annual --------------------------------------------------------------------------------

    [Fact]
    public void QuarterTargetAboveAnnual_IsReported()
    {
        var finding = Single(PlanRules.QuarterAboveAnnual, Ind("T1.I1", "Orang", 10m, [5m, 12m, 14m, 10m]));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("TW II (12), TW III (14) melebihi target tahunan (10).", finding.Message);
    }

    [Fact]
    public void QuarterTargetAboveAnnual_OnNegativePolarity_IsNotReported()
    {
        Assert.Empty(Findings(PlanRules.QuarterAboveAnnual, Ind("T1.I1", "Angka", 10m, [14m, 12m, 11m, 10m], polarity: Polarity.Negative)));
    }

    [Fact]
    public void TwIvAboveAnnual_IsLeftToYearEndMismatch()
    {
        var findings = _checker.Check(PlanOf(Ind("T1.I1", "Orang", 10m, [3m, 6m, 9m, 12m])));

        Assert.Equal([PlanRules.YearEndMismatch], findings.Select(f => f.RuleCode));
    }

    // ---- RK09 unit spelling ---------------------------------------------------------------------------------------

    [Fact]
    public void UnitWithOtherCapitalisation_IsReportedOnTheOddOneOut()
    {
        var plan = PlanOf(
            Ind("T1.I1", "Unit", 4m, [1m, 2m, 3m, 4m]),
            Ind("T1.I2", "unit", 4m, [1m, 2m, 3m, 4m]),
            Ind("T1.I3", "Unit", 4m, [1m, 2m, 3m, 4m]));

        var finding = Assert.Single(_checker.Check(plan));

        Assert.Equal(PlanRules.UnitSpelling, finding.RuleCode);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("T1.I2", finding.IndicatorCode);
        Assert.Equal("Satuan \"unit\" ditulis berbeda dengan \"Unit\" yang dipakai 2 kali di rencana ini.", finding.Message);
    }

    [Fact]
    public void UnitSpellingTie_ReportsTheSpellingSeenLater()
    {
        var plan = PlanOf(Ind("T1.I1", "paket", 4m, [1m, 2m, 3m, 4m]), Ind("T1.I2", "Paket", 4m, [1m, 2m, 3m, 4m]));

        var finding = Assert.Single(_checker.Check(plan));

        Assert.Equal("T1.I2", finding.IndicatorCode);
    }

    [Fact]
    public void UnitsWrittenConsistently_AreNotReported()
    {
        var plan = PlanOf(Ind("T1.I1", "Unit", 4m, [1m, 2m, 3m, 4m]), Ind("T1.I2", "Unit", 4m, [1m, 2m, 3m, 4m]));

        Assert.Empty(_checker.Check(plan));
    }

    // ---- RK10 node without indicator ------------------------------------------------------------------------------

    [Fact]
    public void NodeWithoutIndicator_IsReportedOnTheNode()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan");
        root.AddIndicator(Ind("T1.I1", "Persentase", 60m, [15m, 30m, 45m, 60m]));
        root.AddChild(new PlanNode("T1.S1", NodeLevel.Sasaran, "Sasaran"));

        var finding = Assert.Single(_checker.Check(new Plan(2025, "Dinas Uji", "", [root])));

        Assert.Equal(PlanRules.NodeWithoutIndicator, finding.RuleCode);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("T1.S1", finding.NodeCode);
        Assert.Null(finding.IndicatorCode);
        Assert.Equal("Sasaran ini tidak memiliki indikator kinerja.", finding.Message);
    }

    // ---- RK11 name and unit disagree ------------------------------------------------------------------------------

    [Theory]
    [InlineData("Jumlah koperasi yang diperiksa", "Jumlah")]
    [InlineData("jumlah koperasi yang diperiksa", "jumlah")]
    [InlineData("Jml. koperasi", "Jml")]
    [InlineData("Jmlh koperasi", "Jmlh")]
    [InlineData("jmh koperasi", "jmh")]
    public void CountNameWithPercentageUnit_IsReported(string name, string word)
    {
        var finding = Single(PlanRules.NameUnitMismatch, Ind("T1.I1", "Persentase", 75.6m, [0m, 25.2m, 50.4m, 75.6m], name));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal($"Nama diawali \"{word}\" (sebuah hitungan) tetapi satuannya Persentase.", finding.Message);
    }

    [Fact]
    public void PercentageNameWithCountUnit_IsReported()
    {
        var finding = Single(PlanRules.NameUnitMismatch, Ind("T1.I1", "Orang", 10m, [1m, 2m, 3m, 10m], "Persentase pelaku usaha"));

        Assert.Equal("Nama diawali \"Persentase\" tetapi satuannya Orang, bukan persentase.", finding.Message);
    }

    [Theory]
    [InlineData("Jumlah SDM terlatih", "Orang")]
    [InlineData("Penambahan jumlah unit koperasi", "Persentase")]
    [InlineData("Jumlahan koperasi", "Persentase")]
    [InlineData("Persentase koperasi sehat", "Persentase")]
    [InlineData("Persentase koperasi sehat", "Angka")]
    public void NameMatchingUnit_IsNotReported(string name, string unit)
    {
        Assert.Empty(Findings(PlanRules.NameUnitMismatch, Ind("T1.I1", unit, 10m, [1m, 2m, 3m, 10m], name)));
    }

    // ---- RK12 "Presentase" ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Presentase Tersedianya barang milik daerah", "Presentase")]
    [InlineData("Tingkat prosentase koperasi aktif", "prosentase")]
    public void MisspelledPersentase_IsReported(string name, string word)
    {
        var finding = Single(PlanRules.MisspelledPersentase, Ind("T1.I1", "Persentase", 100m, [25m, 50m, 75m, 100m], name));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal($"Nama memuat \"{word}\"; ejaan baku: \"Persentase\".", finding.Message);
    }

    [Fact]
    public void CorrectlySpelledPersentase_IsNotReported()
    {
        Assert.Empty(Findings(PlanRules.MisspelledPersentase, Ind("T1.I1", "Persentase", 100m, [25m, 50m, 75m, 100m], "Persentase koperasi")));
    }

    // ---- RK13 skipped level ---------------------------------------------------------------------------------------

    [Fact]
    public void NodeSkippingALevel_IsReported()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan");
        root.AddIndicator(Ind("T1.I1", "Persentase", 60m, [15m, 30m, 45m, 60m]));
        var sasaran = root.AddChild(new PlanNode("T1.S1", NodeLevel.Sasaran, "Sasaran"));
        sasaran.AddIndicator(Ind("T1.S1.I1", "Persentase", 60m, [15m, 30m, 45m, 60m]));
        var sub = sasaran.AddChild(new PlanNode("T1.S1.SK1", NodeLevel.SubKegiatan, "Sub Kegiatan"));
        sub.AddIndicator(Ind("T1.S1.SK1.I1", "Orang", 4m, [1m, 2m, 3m, 4m]));

        var finding = Assert.Single(_checker.Check(new Plan(2025, "Dinas Uji", "", [root])));

        Assert.Equal(PlanRules.SkippedLevel, finding.RuleCode);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("T1.S1.SK1", finding.NodeCode);
        Assert.Null(finding.IndicatorCode);
        Assert.Equal("Sub Kegiatan langsung di bawah Sasaran T1.S1; tingkat Program, Kegiatan terlewati.", finding.Message);
    }

    // ---- the real 2025 plan ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("RK01", "T2.S1.I1", "Target kumulatif turun dari TW III (73,25) ke TW IV (0).")] // Nilai SAKIP
    [InlineData("RK02", "T2.S1.I1", "TW IV (0) berbeda dengan target tahunan (73,33).")]
    [InlineData("RK01", "T2.S1.P1.K1.SK2.I1", "Target kumulatif turun dari TW III (5) ke TW IV (0).")] // Laporan Evaluasi 5 2 4 5 0
    [InlineData("RK02", "T2.S1.P1.K1.SK2.I1", "TW IV (0) berbeda dengan target tahunan (5).")]
    [InlineData("RK03", "T2.S1.P1.I5", "Target tahunan (100) ada, tetapi target TW I sampai TW IV semuanya 0.")] // Pengadaan BMD
    [InlineData("RK03", "T2.S1.P1.K4.I1", "Target tahunan (100) ada, tetapi target TW I sampai TW IV semuanya 0.")]
    [InlineData("RK03", "T2.S1.P1.K5.SK1.I1", "Target tahunan (2) ada, tetapi target TW I sampai TW IV semuanya 0.")]
    [InlineData("RK04", "T2.S1.P1.K3.SK3.I1", "Semua target (tahunan dan TW I sampai TW IV) bernilai 0.")] // Paket
    [InlineData("RK04", "T2.S1.P1.K3.SK5.I1", "Semua target (tahunan dan TW I sampai TW IV) bernilai 0.")] // Paket
    [InlineData("RK04", "T2.S1.P1.K4.SK1.I1", "Semua target (tahunan dan TW I sampai TW IV) bernilai 0.")] // Unit
    [InlineData("RK05", "T1.S2.I1", "Target pecahan pada satuan hitungan Orang: TW II (12,7), TW III (25,3).")] // Jumlah Wirausaha Baru
    [InlineData("RK05", "T1.S2.P1.K1.SK1.I1", "Target pecahan pada satuan hitungan Orang: TW II (8,33), TW III (16,67).")]
    [InlineData("RK05", "T1.S2.P2.K1.I1", "Target pecahan pada satuan hitungan Orang: TW II (1,67), TW III (3,34).")]
    [InlineData("RK06", "T2.S1.P1.K1.SK2.I1", "Nama indikator yang sama juga dipakai dengan satuan Persentase (T2.S1.P1.K2.I1); di sini satuannya Dokumen.")]
    [InlineData("RK06", "T2.S1.P1.K2.I1", "Nama indikator yang sama juga dipakai dengan satuan Dokumen (T2.S1.P1.K1.SK2.I1); di sini satuannya Persentase.")]
    [InlineData("RK09", "T1.S1.P3.K1.SK1.I1", "Satuan \"unit\" ditulis berbeda dengan \"Unit\" yang dipakai 10 kali di rencana ini.")]
    [InlineData("RK11", "T2.S1.P1.K2.I1", "Nama diawali \"Jumlah\" (sebuah hitungan) tetapi satuannya Persentase.")]
    [InlineData("RK11", "T1.S1.P4.K1.SK1.I1", "Nama diawali \"jumlah\" (sebuah hitungan) tetapi satuannya Persentase.")]
    [InlineData("RK12", "T2.S1.P1.K4.I1", "Nama memuat \"Presentase\"; ejaan baku: \"Persentase\".")]
    public void RealPlan2025_HasKnownFinding(string rule, string indicator, string message)
    {
        var findings = _checker.Check(SeedPlan.Load2025());

        Assert.Contains(findings, f => f.RuleCode == rule && f.IndicatorCode == indicator && f.Message == message);
    }

    [Fact]
    public void RealPlan2025_FindingsPerRule()
    {
        var findings = _checker.Check(SeedPlan.Load2025());

        var perRule = findings.GroupBy(f => f.RuleCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["RK01"] = 2, ["RK02"] = 2, ["RK03"] = 3, ["RK04"] = 3, ["RK05"] = 8, ["RK06"] = 2, ["RK09"] = 4, ["RK11"] = 2, ["RK12"] = 1,
            },
            perRule);
    }

    [Theory]
    [InlineData("T1.S1.P1.K1.SK1.I1")] // Jumlah SDM ... Orang 145: 35 70 105 145
    [InlineData("T1.I1")] // Persentase 7,1: 0 0 3,9 7,1
    [InlineData("T2.S1.P1.I1")] // Persentase 100: 25 50 75 100
    public void RealPlan2025_CleanIndicator_HasNoFinding(string indicator)
    {
        var findings = _checker.Check(SeedPlan.Load2025());

        Assert.DoesNotContain(findings, f => f.IndicatorCode == indicator);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /// <summary>An indicator; without a name it gets one of its own, so unrelated indicators never share a name (RK06).</summary>
    private static Indicator Ind(string code, string unit, decimal annual, decimal[] tw, string? name = null,
        Polarity polarity = Polarity.Positive) =>
        new(code, name ?? $"Indikator uji {code}", unit, annual, tw, polarity);

    /// <summary>A plan with one Tujuan carrying the given indicators.</summary>
    private static Plan PlanOf(params Indicator[] indicators)
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan uji");
        foreach (var indicator in indicators) root.AddIndicator(indicator);
        return new Plan(2025, "Dinas Uji", "", [root]);
    }

    /// <summary>All five levels, two sub-activities, a mix of units and polarities, nothing wrong.</summary>
    private static Plan CleanTree()
    {
        var tujuan = new PlanNode("T1", NodeLevel.Tujuan, "Meningkatnya daya saing UMKM", "Tujuan 1");
        tujuan.AddIndicator(Ind("T1.I1", "Persentase", 7.1m, [0m, 0m, 3.9m, 7.1m], "Persentase koperasi berkualitas"));
        tujuan.AddIndicator(Ind("T1.I2", "Persentase", 9m, [12m, 11m, 10m, 9m], "Persentase usaha mikro merugi", Polarity.Negative));
        var sasaran = tujuan.AddChild(new PlanNode("T1.S1", NodeLevel.Sasaran, "Meningkatnya koperasi sehat"));
        sasaran.AddIndicator(Ind("T1.S1.I1", "Angka", 73.33m, [0m, 0m, 73.33m, 73.33m], "Nilai kesehatan koperasi"));
        var program = sasaran.AddChild(new PlanNode("T1.S1.P1", NodeLevel.Program, "Pendidikan perkoperasian"));
        program.AddIndicator(Ind("T1.S1.P1.I1", "Persentase", 100m, [25m, 50m, 75m, 100m], "Persentase SDM kompeten"));
        var kegiatan = program.AddChild(new PlanNode("T1.S1.P1.K1", NodeLevel.Kegiatan, "Diklat perkoperasian"));
        kegiatan.AddIndicator(Ind("T1.S1.P1.K1.I1", "Orang", 145m, [35m, 70m, 105m, 145m], "Jumlah SDM terlatih"));
        var sub1 = kegiatan.AddChild(new PlanNode("T1.S1.P1.K1.SK1", NodeLevel.SubKegiatan, "Pelatihan"));
        sub1.AddIndicator(Ind("T1.S1.P1.K1.SK1.I1", "Laporan", 12m, [3m, 6m, 9m, 12m], "Jumlah laporan pelatihan"));
        var sub2 = kegiatan.AddChild(new PlanNode("T1.S1.P1.K1.SK2", NodeLevel.SubKegiatan, "Pendampingan"));
        sub2.AddIndicator(Ind("T1.S1.P1.K1.SK2.I1", "Dokumen", 1m, [1m, 1m, 1m, 1m], "Jml dokumen pendampingan"));
        sub2.AddIndicator(Ind("T1.S1.P1.K1.SK2.I2", "Bulan", 12m, [3m, 6m, 9m, 12m], "Jumlah bulan layanan"));
        return new Plan(2025, "Dinas Uji", "", [tujuan]);
    }

    private IReadOnlyList<PlanFinding> Findings(string rule, Indicator indicator) =>
        _checker.Check(PlanOf(indicator)).Where(f => f.RuleCode == rule).ToList();

    private PlanFinding Single(string rule, Indicator indicator) => Assert.Single(Findings(rule, indicator));
}
