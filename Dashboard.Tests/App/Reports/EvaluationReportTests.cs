using Dashboard.App.Reports;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;

namespace Dashboard.Tests.App.Reports;

/// <summary>The report model on the real 2025 plan with a few recorded realisations (see <see cref="ReportApp"/>).</summary>
[Collection(ReportAppCollection.Name)]
public sealed class EvaluationReportTests(ReportApp app)
{
    private async Task<EvaluationReport> ReportAsync(int quarter = 3) => (await app.Reports.BuildAsync(2025, quarter))!;

    private static IndicatorRow Row(EvaluationReport report, string code) => report.IndicatorRows.Single(r => r.Code == code);

    private static NodeRow Node(EvaluationReport report, string code) => report.NodeRows.Single(r => r.Code == code);

    [Fact]
    public async Task Rows_FollowThePlan_EachNodeThenItsIndicatorsThenItsChildren()
    {
        var report = await ReportAsync();
        var plan = (await app.App.Plans.LoadAsync(2025))!.Plan;

        Assert.Equal(63, report.IndicatorRows.Count());
        Assert.Equal(plan.AllIndicators().Select(i => i.Code), report.IndicatorRows.Select(r => r.Code));
        Assert.Equal(plan.AllNodes().Select(n => n.Code), report.NodeRows.Select(r => r.Code));
        Assert.Equal(["T1", "T1.I1", "T1.I2", "T1.S1", "T1.S1.I1", "T1.S1.P1"], report.Rows.Take(6).Select(r => r.Code));
        // Numbered by position, so the document's restarting "Program 1" cannot repeat.
        Assert.Equal("1.1.2", Node(report, "T1.S1.P2").Number);
        Assert.Equal("2.1", Node(report, "T2.S1").Number);
        Assert.Equal("Sub Kegiatan", Node(report, "T1.S1.P1.K1.SK1").LevelLabel);
        Assert.Equal(4, Node(report, "T1.S1.P1.K1.SK1").Depth);
    }

    [Fact]
    public async Task RecordedIndicators_HaveCapaianOfTheQuarterAndOfTheYear_AndTheBandAsPredikat()
    {
        var report = await ReportAsync();

        var sehat = Row(report, ReportApp.Sehat);
        Assert.Equal(90.00m, sehat.Capaian);
        Assert.Equal("Tinggi", sehat.Predikat);
        Assert.Equal(46.23m, sehat.AnnualCapaian);

        var sdm = Row(report, ReportApp.Sdm);
        Assert.Equal([35m, 70m, 110m, null], sdm.Realisations);
        Assert.Equal([35m, 70m, 105m, 145m], sdm.Targets);
        Assert.Equal(145m, sdm.AnnualTarget);
        Assert.Equal("Orang", sdm.Unit);
        Assert.Equal(104.76m, sdm.Capaian);
        Assert.Equal(75.86m, sdm.AnnualCapaian);
        Assert.Equal("Sangat Tinggi", sdm.Predikat);

        var volume = Row(report, ReportApp.Volume);
        Assert.Equal(50.00m, volume.Capaian);
        Assert.Equal("Sangat Rendah", volume.Predikat);
        Assert.Equal(TrafficLight.Red, volume.Tag.Light);
        Assert.Equal(ReviewState.Submitted, volume.Verification);
        Assert.Contains("Belum diverifikasi", volume.Note);
    }

    [Fact]
    public async Task IndicatorsWithoutCapaian_ShowTheirStateAsPredikat()
    {
        var report = await ReportAsync();

        Assert.Equal("Belum dilaporkan", Row(report, "T1.I2").Predikat);
        Assert.Null(Row(report, "T1.I2").Capaian);
        // Persentase Pengadaan Barang Milik Daerah: every quarterly target 0.
        Assert.Equal("Tanpa target", Row(report, "T2.S1.P1.I5").Predikat);
        Assert.Equal(60, report.IndicatorRows.Count(r => r.Capaian is null));
    }

    [Fact]
    public async Task NodesAndFooter_AverageTheCapaianBelowThem_WithItsPredikat()
    {
        var report = await ReportAsync();

        // (90 + 104,76 + 50) / 3
        Assert.Equal(81.59m, Node(report, "T1.S1").AverageCapaian);
        Assert.Equal("Tinggi", Node(report, "T1.S1").Predikat);
        Assert.Equal(3, Node(report, "T1.S1").WithCapaian);
        Assert.Equal(104.76m, Node(report, "T1.S1.P1").AverageCapaian);
        Assert.Equal("Sangat Tinggi", Node(report, "T1.S1.P1").Predikat);
        Assert.Equal(50m, Node(report, "T1.S1.P2").AverageCapaian);
        Assert.Equal("Sangat Rendah", Node(report, "T1.S1.P2").Predikat);
        Assert.Null(Node(report, "T2").AverageCapaian);
        Assert.Equal(EvaluationReport.NoPredikat, Node(report, "T2").Predikat);

        Assert.Equal(81.59m, report.Footer.AverageCapaian);
        Assert.Equal("Tinggi", report.Footer.Predikat);
        Assert.Equal(3, report.Footer.WithCapaian);
        Assert.Equal(63, report.Footer.IndicatorCount);
    }

    [Fact]
    public async Task Narratives_AndMeetingDecisions_AreOnTheirIndicator()
    {
        var report = await ReportAsync();

        Assert.Equal(ReportApp.SehatDrivers, Row(report, ReportApp.Sehat).Drivers);
        var volume = Row(report, ReportApp.Volume);
        Assert.Equal(ReportApp.VolumeObstacles, volume.Obstacles);
        Assert.Equal(ReportApp.VolumeFollowUp, volume.FollowUp);
        Assert.StartsWith(ReportApp.VolumeFollowUp + "\n", volume.FollowUpText);
        Assert.Contains($"Keputusan rapat: {ReportApp.Decision} (penanggung jawab: Bidang Koperasi, tenggat 15 Desember 2025)", volume.FollowUpText);
        Assert.Null(Row(report, ReportApp.Sdm).Drivers);
        Assert.Null(Row(report, ReportApp.Sdm).FollowUpText);
    }

    [Fact]
    public async Task EarlierQuarter_LeavesLaterRealisationOut_AndHasItsOwnNarratives()
    {
        var report = await ReportAsync(quarter: 2);

        var sdm = Row(report, ReportApp.Sdm);
        Assert.Equal([35m, 70m, null, null], sdm.Realisations);
        Assert.Equal(100m, sdm.Capaian);
        Assert.Null(Row(report, ReportApp.Volume).Obstacles);
        Assert.Equal("TW II", report.Header.QuarterShort);
        Assert.False(report.Header.InProgress);
    }

    [Fact]
    public async Task Header_SaysWhoseReport_WhichQuarter_AndWhenTheDataWasRead()
    {
        var report = await ReportAsync();
        var h = report.Header;

        Assert.Equal("Dinas Koperasi dan UKM Kabupaten Purbalingga", h.Agency);
        Assert.Equal("Rencana Aksi Tahun 2025", h.PlanTitle);
        Assert.Equal((2025, 3), (h.Year, h.Quarter));
        Assert.Equal("Triwulan III", h.QuarterLabel);
        Assert.Equal("1 Juli 2025 – 30 September 2025", h.Period);
        Assert.Matches(@"^15 November 2025 pukul \d{2}\.\d{2} WIB$", h.DataTimeText);
        Assert.Equal(TimeSpan.FromHours(7), h.DataTime.Offset);
        Assert.Contains(h.Notes, n => n.StartsWith("3 indikator memiliki realisasi TW III yang belum diverifikasi", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Notes, n => n.Contains("berjalan", StringComparison.Ordinal));
        Assert.Equal("Evaluasi-Renaksi-2025-TW3.xlsx", report.FileName);
    }

    [Fact]
    public async Task RunningQuarter_IsSaidToBeRunning()
    {
        var report = await ReportAsync(quarter: 4);

        Assert.True(report.Header.InProgress);
        Assert.Contains(report.Header.Notes, n => n.Contains("Triwulan IV masih berjalan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signatures_CarryTitlesAndPlaceDate_NeverNamesOrNip()
    {
        var report = await ReportAsync();

        Assert.Equal("Purbalingga, 15 November 2025", report.Signer.PlaceDate);
        Assert.Equal("Kepala Dinas Koperasi dan UKM Kabupaten Purbalingga", report.Signer.Title);
        Assert.Equal("Mengetahui,", report.Acknowledger.Caption);
        Assert.Equal("Kepala Bappeda Kabupaten Purbalingga", report.Acknowledger.Title);
        foreach (var block in new[] { report.Signer, report.Acknowledger })
        {
            var lines = EvaluationWorkbook.Lines(block);
            Assert.Contains("(………………………)", lines);
            Assert.Equal("NIP.", lines[^1]);
            Assert.DoesNotContain(lines, l => l.StartsWith("NIP", StringComparison.Ordinal) && l.Any(char.IsDigit));
        }
    }

    [Fact]
    public async Task YearWithoutPlan_HasNoReport() => Assert.Null(await app.Reports.BuildAsync(2019, 3));

    [Theory]
    [InlineData(2025, "2025-11-15", 3)]
    [InlineData(2025, "2025-02-01", 1)]
    [InlineData(2025, "2025-04-01", 1)]
    [InlineData(2025, "2025-12-31", 3)]
    [InlineData(2024, "2025-11-15", 4)]
    [InlineData(2026, "2025-11-15", 1)]
    public void DefaultQuarter_IsTheLastEndedQuarter(int year, string today, int expected) =>
        Assert.Equal(expected, EvaluationReport.DefaultQuarter(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
