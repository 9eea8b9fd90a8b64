using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using static Dashboard.Tests.Domain.Status.TestPlans;

namespace Dashboard.Tests.Domain.Status;

public class StatusEvaluatorStateTests
{
    // ---- not due ----

    [Fact]
    public void Quarter_BeforeItsStart_IsNotDue()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var status = FixedClock.Evaluator(2025, 2, 15).Evaluate(indicator, Year, 2, [Entry("I", 1, D(1, 20), 4)]);

        Assert.Equal(StatusKind.NotDue, status.Kind);
        Assert.Equal(new StatusTag(StatusKind.NotDue, null), status.Tag);
        Assert.Null(status.Capaian);
        Assert.Null(status.Band);
        Assert.Equal(TrafficLight.None, status.Light);
        Assert.Equal("Belum waktunya", status.Tag.Label);
        Assert.Equal(20m, status.Target);
        Assert.Equal(20m, status.ComparedTarget);
        Assert.Null(status.ProRataShare);
        Assert.False(status.Warning);
    }

    [Fact]
    public void PlanOfNextYear_FirstQuarter_IsNotDueOnNewYearsEve()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var status = FixedClock.Evaluator(2025, 12, 31).Evaluate(indicator, 2026, 1, []);
        Assert.Equal(StatusKind.NotDue, status.Kind);
    }

    [Fact]
    public void Quarter_OnItsFirstDay_IsNoLongerNotDue()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var status = FixedClock.Evaluator(2025, 4, 1).Evaluate(indicator, Year, 2, []);
        Assert.Equal(StatusKind.InProgress, status.Kind);
    }

    // ---- evaluated ----

    [Fact]
    public void EndedQuarter_WithIncrements_IsEvaluatedAgainstCumulativeTarget()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        RealisationEntry[] entries = [Entry("I", 1, D(2, 1), 4), Entry("I", 1, D(3, 10), 5)];

        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, entries);

        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(1, status.Quarter);
        Assert.Equal(10m, status.Target);
        Assert.Equal(10m, status.ComparedTarget);
        Assert.Equal(9m, status.Realisation);
        Assert.Equal(90.00m, status.Capaian);
        Assert.Equal(22.50m, status.AnnualProgress);
        Assert.Equal(Band.Tinggi, status.Band);
        Assert.Equal(TrafficLight.Green, status.Light);
        Assert.Equal("Tinggi", status.Tag.Label);
        Assert.False(status.Warning);
        Assert.Null(status.ProRataShare);
        Assert.Equal(StatusEvaluator.PositiveFormula, status.Formula);
    }

    [Theory]
    [InlineData("0", "0.00", Band.SangatRendah, TrafficLight.Red)]
    [InlineData("50", "50.00", Band.SangatRendah, TrafficLight.Red)]
    [InlineData("50.01", "50.01", Band.Rendah, TrafficLight.Yellow)]
    [InlineData("65", "65.00", Band.Rendah, TrafficLight.Yellow)]
    [InlineData("65.01", "65.01", Band.Sedang, TrafficLight.Yellow)]
    [InlineData("75", "75.00", Band.Sedang, TrafficLight.Yellow)]
    [InlineData("75.01", "75.01", Band.Tinggi, TrafficLight.Green)]
    [InlineData("90", "90.00", Band.Tinggi, TrafficLight.Green)]
    [InlineData("90.01", "90.01", Band.SangatTinggi, TrafficLight.Green)]
    [InlineData("100", "100.00", Band.SangatTinggi, TrafficLight.Green)]
    // 90.004 rounds to 90.00 before banding: still Tinggi.
    [InlineData("90.004", "90.00", Band.Tinggi, TrafficLight.Green)]
    [InlineData("90.005", "90.01", Band.SangatTinggi, TrafficLight.Green)]
    public void EndedQuarter_BandAndLightFollowRoundedCapaian(string realisation, string capaian, Band band, TrafficLight light)
    {
        var indicator = Percent("I", 100, 100, 100, 100, 100);
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(3, 31), decimal.Parse(realisation))]);

        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(decimal.Parse(capaian), status.Capaian);
        Assert.Equal(band, status.Band);
        Assert.Equal(light, status.Light);
        Assert.Equal(band.Label(), status.Tag.Label);
    }

    [Fact]
    public void NegativePolarity_EndedQuarter_UsesKondisiKhususFormula()
    {
        var indicator = Count("I", 8, 2, 4, 6, 8, Polarity.Negative, unit: "Kasus");
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 2), 3)]);

        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(50.00m, status.Capaian);              // (2x2 - 3) / 2
        Assert.Equal(162.50m, status.AnnualProgress);      // (2x8 - 3) / 8
        Assert.Equal(Band.SangatRendah, status.Band);
        Assert.Equal(StatusEvaluator.NegativeFormula, status.Formula);
    }

    [Fact]
    public void NegativePolarity_RealisationOverTwiceTarget_IsZeroAndRed()
    {
        var indicator = Count("I", 8, 2, 4, 6, 8, Polarity.Negative, unit: "Kasus");
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 2), 5)]);

        Assert.Equal(0m, status.Capaian);
        Assert.Equal(Band.SangatRendah, status.Band);
        Assert.Equal(TrafficLight.Red, status.Light);
        Assert.Equal(137.50m, status.AnnualProgress);      // (16 - 5) / 8
    }

    // ---- no target / exceeded ----

    [Fact]
    public void TargetZero_NothingRecorded_IsNoTarget()
    {
        var indicator = Count("I", 10, 0, 0, 5, 10);
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 1, []);

        Assert.Equal(StatusKind.NoTarget, status.Kind);
        Assert.Null(status.Capaian);
        Assert.Null(status.Band);
        Assert.Equal(TrafficLight.None, status.Light);
        Assert.Equal("Tanpa target", status.Tag.Label);
        Assert.False(status.Warning);
    }

    [Fact]
    public void TargetZero_ZeroRecorded_IsNoTarget()
    {
        var indicator = Count("I", 10, 0, 0, 5, 10);
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(3, 1), 0)]);
        Assert.Equal(StatusKind.NoTarget, status.Kind);
        Assert.Equal(0m, status.Realisation);
    }

    [Fact]
    public void TargetZero_InCurrentQuarter_IsNoTargetNotInProgress()
    {
        var indicator = Count("I", 10, 0, 0, 5, 10);
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 2, []);

        Assert.Equal(StatusKind.NoTarget, status.Kind);
        Assert.Equal(0m, status.ComparedTarget);
    }

    [Fact]
    public void TargetZero_RealisationAbove_PositivePolarity_IsExceeded()
    {
        var indicator = Count("I", 10, 0, 0, 5, 10);
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 3), 2)]);

        Assert.Equal(StatusKind.Exceeded, status.Kind);
        Assert.Equal(2m, status.Realisation);
        Assert.Null(status.Capaian);
        Assert.Null(status.Band);
        Assert.Equal(TrafficLight.Green, status.Light);
        Assert.Equal("Melampaui target 0", status.Tag.Label);
        Assert.Equal(20.00m, status.AnnualProgress);
        Assert.False(status.Warning);
    }

    [Fact]
    public void TargetZero_RealisationAbove_NegativePolarity_IsSangatRendahWithCapaianZero()
    {
        var indicator = Count("I", 0, 0, 0, 0, 0, Polarity.Negative, unit: "Koperasi");
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 3), 1)]);

        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(0m, status.Capaian);
        Assert.Equal(Band.SangatRendah, status.Band);
        Assert.Equal(TrafficLight.Red, status.Light);
        Assert.Equal("Sangat Rendah", status.Tag.Label);
        Assert.Null(status.AnnualProgress);
        Assert.False(status.Warning);
    }

    [Fact]
    public void TargetZero_RealisationAbove_NegativePolarity_InCurrentQuarter_IsSangatRendahBerjalan()
    {
        var indicator = Count("I", 0, 0, 0, 0, 0, Polarity.Negative, unit: "Koperasi");
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 2, [Entry("I", 2, D(5, 2), 1)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(0m, status.Capaian);
        Assert.Equal(Band.SangatRendah, status.Band);
        Assert.Equal("Sangat Rendah (berjalan)", status.Tag.Label);
    }

    [Fact]
    public void TargetZero_NothingRecorded_NegativePolarity_IsNoTarget()
    {
        var indicator = Count("I", 0, 0, 0, 0, 0, Polarity.Negative, unit: "Koperasi");
        var status = FixedClock.Evaluator(2025, 5, 10).Evaluate(indicator, Year, 1, []);
        Assert.Equal(StatusKind.NoTarget, status.Kind);
    }

    // ---- in progress ----

    [Fact]
    public void CurrentQuarter_On15February_ComparesAgainstTargetProRatedByElapsedDays()
    {
        // 1 Jan..15 Feb = 46 of TW I's 90 days; 90 x 46/90 = 46.
        var indicator = Count("I", 360, 90, 180, 270, 360);
        RealisationEntry[] entries = [Entry("I", 1, D(1, 20), 30), Entry("I", 1, D(2, 10), 16)];

        var status = FixedClock.Evaluator(2025, 2, 15).Evaluate(indicator, Year, 1, entries);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(90m, status.Target);
        Assert.Equal(46m, status.ComparedTarget);
        Assert.Equal(0.5111m, status.ProRataShare);
        Assert.Equal(46m, status.Realisation);
        Assert.Equal(100.00m, status.Capaian);
        Assert.Equal(12.78m, status.AnnualProgress);
        Assert.Equal(Band.SangatTinggi, status.Band);
        Assert.Equal(TrafficLight.Green, status.Light);
        Assert.Equal("Sangat Tinggi (berjalan)", status.Tag.Label);
        Assert.Contains("berjalan", status.Tag.Label);
        Assert.False(status.Warning);
    }

    [Fact]
    public void CurrentQuarter_HalfOfProRatedTarget_IsSangatRendahBerjalan()
    {
        var indicator = Count("I", 360, 90, 180, 270, 360);
        var status = FixedClock.Evaluator(2025, 2, 15).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 1), 23)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(50.00m, status.Capaian);
        Assert.Equal(Band.SangatRendah, status.Band);
        Assert.Equal(TrafficLight.Red, status.Light);
        Assert.Equal("Sangat Rendah (berjalan)", status.Tag.Label);
    }

    [Fact]
    public void CurrentQuarter_ProRatesFromPreviousQuarterCumulativeTarget()
    {
        // 1 Apr..22 May = 52 of TW II's 91 days (4/7); 10 + (24 - 10) x 4/7 = 18.
        var indicator = Count("I", 40, 10, 24, 30, 40);
        RealisationEntry[] entries = [Entry("I", 1, D(3, 1), 10), Entry("I", 2, D(5, 5), 8)];

        var status = FixedClock.Evaluator(2025, 5, 22).Evaluate(indicator, Year, 2, entries);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(24m, status.Target);
        Assert.Equal(18m, status.ComparedTarget);
        Assert.Equal(0.5714m, status.ProRataShare);
        Assert.Equal(18m, status.Realisation);
        Assert.Equal(100.00m, status.Capaian);
        Assert.Equal(45.00m, status.AnnualProgress);
    }

    [Fact]
    public void CurrentQuarter_LevelIndicator_ProRatedTargetIsRoundedToFourDecimals()
    {
        // 20 + 20 x 52/91 = 31.428571... -> 31.4286; 33 / 31.4286 = 105.00 %.
        var indicator = Percent("I", 80, 20, 40, 60, 80);
        RealisationEntry[] entries = [Entry("I", 1, D(3, 30), 20), Entry("I", 2, D(5, 20), 33)];

        var status = FixedClock.Evaluator(2025, 5, 22).Evaluate(indicator, Year, 2, entries);

        Assert.Equal(31.4286m, status.ComparedTarget);
        Assert.Equal(33m, status.Realisation);
        Assert.Equal(105.00m, status.Capaian);
        Assert.Equal(41.25m, status.AnnualProgress);
        Assert.Equal("Sangat Tinggi (berjalan)", status.Tag.Label);
    }

    [Fact]
    public void CurrentQuarter_OnFirstDay_ProRatedTargetIsExactNotBasedOnRoundedShare()
    {
        // 900 x 1/90 = 10 exactly, so 9 is 90.00 % (Tinggi). Pro-rating with the share rounded to 0.0111 would give
        // 9.99 and 90.09 % (Sangat Tinggi): a band flip caused by display rounding.
        var indicator = Count("I", 3600, 900, 1800, 2700, 3600);
        var status = FixedClock.Evaluator(2025, 1, 1).Evaluate(indicator, Year, 1, [Entry("I", 1, D(1, 1), 9)]);

        Assert.Equal(0.0111m, status.ProRataShare);
        Assert.Equal(10m, status.ComparedTarget);
        Assert.Equal(90.00m, status.Capaian);
        Assert.Equal(Band.Tinggi, status.Band);
    }

    [Fact]
    public void CurrentQuarter_OnLastDay_IsStillInProgressAgainstFullTarget()
    {
        var indicator = Count("I", 360, 90, 180, 270, 360);
        var status = FixedClock.Evaluator(2025, 3, 31).Evaluate(indicator, Year, 1, [Entry("I", 1, D(3, 31), 81)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(1m, status.ProRataShare);
        Assert.Equal(90m, status.ComparedTarget);
        Assert.Equal(90.00m, status.Capaian);
        Assert.Equal("Tinggi (berjalan)", status.Tag.Label);
    }

    [Fact]
    public void CurrentQuarter_NoDataYet_IsInProgressWithoutBand()
    {
        var indicator = Percent("I", 80, 20, 40, 60, 80);
        var status = FixedClock.Evaluator(2025, 5, 22).Evaluate(indicator, Year, 2, [Entry("I", 1, D(3, 30), 20)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Null(status.Realisation);
        Assert.Null(status.Capaian);
        Assert.Null(status.AnnualProgress);
        Assert.Null(status.Band);
        Assert.Equal(TrafficLight.None, status.Light);
        Assert.Equal("Berjalan, belum ada data", status.Tag.Label);
        Assert.Equal(31.4286m, status.ComparedTarget);
        Assert.Equal(0.5714m, status.ProRataShare);
        Assert.False(status.Warning);
    }

    [Fact]
    public void CurrentQuarter_CumulativeWithEarlierIncrementsOnly_ComparesCarriedTotal()
    {
        // 10 + 10 x 15/91 = 11.6484; 8 / 11.6484 = 68.68 %.
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var status = FixedClock.Evaluator(2025, 4, 15).Evaluate(indicator, Year, 2, [Entry("I", 1, D(3, 1), 8)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(8m, status.Realisation);
        Assert.Equal(11.6484m, status.ComparedTarget);
        Assert.Equal(0.1648m, status.ProRataShare);
        Assert.Equal(68.68m, status.Capaian);
        Assert.Equal(Band.Sedang, status.Band);
        Assert.Equal("Sedang (berjalan)", status.Tag.Label);
    }

    // ---- not reported ----

    [Fact]
    public void EndedQuarter_LevelIndicatorNothingRecorded_IsNotReported()
    {
        var indicator = Percent("I", 80, 20, 40, 60, 80);
        var statuses = FixedClock.Evaluator(2025, 7, 10).EvaluateYear(indicator, Year, [Entry("I", 1, D(3, 30), 20)]);

        Assert.Equal(StatusKind.Evaluated, statuses[0].Kind);
        Assert.Equal(100.00m, statuses[0].Capaian);
        var q2 = statuses[1];
        Assert.Equal(StatusKind.NotReported, q2.Kind);
        Assert.Null(q2.Realisation);
        Assert.Null(q2.Capaian);
        Assert.Null(q2.Band);
        Assert.Equal(TrafficLight.None, q2.Light);
        Assert.Equal("Belum dilaporkan", q2.Tag.Label);
        Assert.False(q2.Warning);
    }

    [Fact]
    public void EndedQuarter_CumulativeWithEntriesInEarlierQuarterOnly_IsNotReported()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var statuses = FixedClock.Evaluator(2025, 7, 10).EvaluateYear(indicator, Year, [Entry("I", 1, D(2, 1), 9)]);

        Assert.Equal(StatusKind.Evaluated, statuses[0].Kind);
        Assert.Equal(90.00m, statuses[0].Capaian);
        var q2 = statuses[1];
        Assert.Equal(StatusKind.NotReported, q2.Kind);
        Assert.Equal(9m, q2.Realisation);
        Assert.Null(q2.Capaian);
        Assert.Null(q2.Band);
        Assert.Equal(22.50m, q2.AnnualProgress);
        Assert.Equal(StatusKind.InProgress, statuses[2].Kind);
        Assert.Equal(StatusKind.NotDue, statuses[3].Kind);
    }

    [Fact]
    public void EndedQuarter_ExplicitZeroIncrement_CountsAsReported()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        RealisationEntry[] entries = [Entry("I", 1, D(2, 1), 9), Entry("I", 2, D(6, 30), 0)];

        var status = FixedClock.Evaluator(2025, 7, 10).Evaluate(indicator, Year, 2, entries);

        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(45.00m, status.Capaian);
        Assert.Equal(Band.SangatRendah, status.Band);
    }

    // ---- warning above 200 % ----

    [Theory]
    [InlineData("20", "200.00", false)]
    [InlineData("20.0004", "200.00", false)]
    [InlineData("20.0005", "200.01", true)]
    [InlineData("20.001", "200.01", true)]
    [InlineData("25", "250.00", true)]
    [InlineData("19.999", "199.99", false)]
    public void EndedQuarter_WarningOnlyAbove200(string realisation, string capaian, bool warning)
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(3, 3), decimal.Parse(realisation))]);

        Assert.Equal(decimal.Parse(capaian), status.Capaian);
        Assert.Equal(warning, status.Warning);
        Assert.Equal(Band.SangatTinggi, status.Band);
    }

    [Theory]
    [InlineData("180", "391.30", false)]     // 200 % of the full TW I target (90): no warning
    [InlineData("180.01", "391.33", true)]   // 200.01 % of it: warning
    public void CurrentQuarter_WarningUsesTheFullQuarterTarget_NotTheProRatedOne(string realisation, string capaian, bool warning)
    {
        var indicator = Count("I", 360, 90, 180, 270, 360);
        var status = FixedClock.Evaluator(2025, 2, 15).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 3), decimal.Parse(realisation))]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(decimal.Parse(capaian), status.Capaian);
        Assert.Equal(warning, status.Warning);
    }

    [Fact]
    public void NegativePolarity_ZeroRealisation_Is200WithoutWarning()
    {
        var indicator = Count("I", 8, 2, 4, 6, 8, Polarity.Negative, unit: "Kasus");
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 2), 0)]);

        Assert.Equal(200.00m, status.Capaian);
        Assert.False(status.Warning);
    }

    // ---- quarter target and annual target ----

    [Fact]
    public void Cumulative_CapaianUsesQuarterCumulativeTarget_AndAnnualProgressTheAnnualTarget()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        RealisationEntry[] entries = [Entry("I", 1, D(2, 1), 6), Entry("I", 2, D(5, 1), 9)];

        var statuses = FixedClock.Evaluator(2025, 7, 1).EvaluateYear(indicator, Year, entries);

        Assert.Equal(6m, statuses[0].Realisation);
        Assert.Equal(60.00m, statuses[0].Capaian);
        Assert.Equal(Band.Rendah, statuses[0].Band);
        Assert.Equal(15.00m, statuses[0].AnnualProgress);

        Assert.Equal(20m, statuses[1].Target);
        Assert.Equal(15m, statuses[1].Realisation);
        Assert.Equal(75.00m, statuses[1].Capaian);
        Assert.Equal(Band.Sedang, statuses[1].Band);
        Assert.Equal(37.50m, statuses[1].AnnualProgress);
    }

    [Fact]
    public void Level_CapaianUsesLatestValueByDateThenRecordingTime()
    {
        var indicator = Percent("I", 80, 20, 40, 60, 80);
        RealisationEntry[] entries =
        [
            Entry("I", 2, D(5, 1), 30),
            Entry("I", 2, D(6, 20), 35, recordedAt: new DateTimeOffset(2025, 6, 21, 9, 0, 0, FixedClock.Wib)),
            // Recorded later, but for an earlier date: not the latest value.
            Entry("I", 2, D(6, 10), 33, recordedAt: new DateTimeOffset(2025, 6, 25, 9, 0, 0, FixedClock.Wib)),
        ];

        var status = FixedClock.Evaluator(2025, 7, 1).Evaluate(indicator, Year, 2, entries);

        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(35m, status.Realisation);
        Assert.Equal(87.50m, status.Capaian);
        Assert.Equal(Band.Tinggi, status.Band);
        Assert.Equal(43.75m, status.AnnualProgress);
    }

    [Fact]
    public void AnnualTargetZero_AnnualProgressIsNull()
    {
        var indicator = Count("I", 0, 10, 20, 30, 40);
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(indicator, Year, 1, [Entry("I", 1, D(2, 2), 10)]);

        Assert.Equal(100.00m, status.Capaian);
        Assert.Null(status.AnnualProgress);
    }

    [Fact]
    public void EvaluateYear_ReturnsFourQuartersInOrder()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var statuses = FixedClock.Evaluator(2025, 4, 10).EvaluateYear(indicator, Year, []);

        Assert.Equal([1, 2, 3, 4], statuses.Select(s => s.Quarter));
        Assert.Equal([10m, 20m, 30m, 40m], statuses.Select(s => s.Target));
        Assert.Equal([StatusKind.NotReported, StatusKind.InProgress, StatusKind.NotDue, StatusKind.NotDue], statuses.Select(s => s.Kind));
    }
}

public sealed class StatusEvaluatorInProgressRulesTests
{
    private static StatusEvaluator At(int month, int day) => new(new AgencyClock(new Dashboard.Tests.TestSupport.FixedTime(
        new DateTimeOffset(2025, month, day, 10, 0, 0, TimeSpan.FromHours(7)))));

    private static RealisationEntry Entry(string code, int quarter, decimal value) =>
        new(code, quarter, Quarters.Start(2025, quarter).AddDays(3), value, DateTimeOffset.UnixEpoch);

    [Fact]
    public void NegativeLevelIndicator_InProgress_IsComparedWithTheFullQuarterTarget()
    {
        var ratio = new Indicator("NPL", "Rasio kredit macet", "Persentase", 10m, [10m, 10m, 10m, 10m], Polarity.Negative, Aggregation.Level);

        var status = At(2, 15).Evaluate(ratio, 2025, 1, [Entry("NPL", 1, 10m)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(10m, status.ComparedTarget);
        Assert.Equal(100m, status.Capaian);
        Assert.Equal(Band.SangatTinggi, status.Band);
    }

    [Fact]
    public void NegativeCumulativeIndicator_InProgress_IsStillProRated()
    {
        var complaints = new Indicator("C", "Jumlah pengaduan", "Laporan", 90m, [90m, 180m, 270m, 360m], Polarity.Negative, Aggregation.Cumulative);

        var status = At(2, 15).Evaluate(complaints, 2025, 1, [Entry("C", 1, 46m)]);

        Assert.Equal(46m, status.ComparedTarget);
        Assert.Equal(100m, status.Capaian);
    }

    [Fact]
    public void InProgress_EarlyInTheQuarter_WarnsOnlyAgainstTheFullQuarterTarget()
    {
        var members = new Indicator("M", "Jumlah anggota", "Orang", 400m, [100m, 200m, 300m, 400m]);

        var onTrack = At(1, 5).Evaluate(members, 2025, 1, [Entry("M", 1, 30m)]);
        var typo = At(1, 5).Evaluate(members, 2025, 1, [Entry("M", 1, 300m)]);

        Assert.True(onTrack.Capaian > 200m);
        Assert.False(onTrack.Warning);
        Assert.True(typo.Warning);
    }

    [Fact]
    public void Reported_IsTrueOnlyWhenSomethingWasRecordedForThatQuarter()
    {
        var members = new Indicator("M", "Jumlah anggota", "Orang", 400m, [100m, 200m, 300m, 400m]);
        var evaluator = At(11, 15);

        var statuses = evaluator.EvaluateYear(members, 2025, [Entry("M", 1, 100m), Entry("M", 3, 150m)]);

        Assert.Equal([true, false, true, false], statuses.Select(s => s.Reported).ToArray());
        Assert.Equal(StatusKind.NotReported, statuses[1].Kind);
        Assert.Equal(100m, statuses[1].Realisation);
    }
}
