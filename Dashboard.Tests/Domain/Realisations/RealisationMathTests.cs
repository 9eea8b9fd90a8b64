using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using static Dashboard.Tests.Domain.Status.TestPlans;

namespace Dashboard.Tests.Domain.Realisations;

public class RealisationMathTests
{
    private static DateTimeOffset At(int month, int day, int hour) => new(2025, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    // ---- cumulative ----

    [Fact]
    public void Cumulative_NoEntries_IsNone()
    {
        var result = RealisationMath.ForQuarter(Aggregation.Cumulative, [], 1);
        Assert.Equal(QuarterRealisation.None, result);
        Assert.Null(result.Value);
        Assert.False(result.ReportedInQuarter);
    }

    [Fact]
    public void Cumulative_SumsIncrementsOfTheQuarter()
    {
        RealisationEntry[] entries = [Entry("I", 1, D(1, 5), 3), Entry("I", 1, D(2, 5), 4.5m), Entry("I", 1, D(3, 5), 2)];
        Assert.Equal(new QuarterRealisation(9.5m, true), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 1));
    }

    [Fact]
    public void Cumulative_SumsAcrossQuartersUpToTheQuarterEnd_IgnoringLaterQuarters()
    {
        RealisationEntry[] entries =
        [
            Entry("I", 3, D(8, 1), 1),
            Entry("I", 1, D(1, 5), 5),
            Entry("I", 2, D(5, 5), 4),
        ];

        var year = RealisationMath.ForYear(Aggregation.Cumulative, entries);

        Assert.Equal(
            [new QuarterRealisation(5m, true), new QuarterRealisation(9m, true), new QuarterRealisation(10m, true), new QuarterRealisation(10m, false)],
            year);
    }

    [Fact]
    public void Cumulative_EntriesInEarlierQuarterOnly_CarryTheTotalButAreNotReportedInQuarter()
    {
        RealisationEntry[] entries = [Entry("I", 1, D(2, 1), 4), Entry("I", 1, D(3, 1), 5)];
        Assert.Equal(new QuarterRealisation(9m, false), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 2));
    }

    [Fact]
    public void Cumulative_CorrectionIsANegativeIncrement()
    {
        RealisationEntry[] entries =
        [
            Entry("I", 1, D(2, 1), 5, id: 1),
            Entry("I", 1, D(2, 10), 3, id: 2),
            Entry("I", 1, D(2, 11), -2, id: 3, correctsId: 2),
        ];
        Assert.Equal(new QuarterRealisation(6m, true), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 1));
    }

    [Fact]
    public void Cumulative_CorrectionOfEarlierQuarter_ChangesLaterQuarterTotals()
    {
        RealisationEntry[] entries =
        [
            Entry("I", 1, D(3, 1), 10, id: 1),
            Entry("I", 2, D(5, 1), 4, id: 2),
            Entry("I", 1, D(3, 1), -3, recordedAt: At(4, 20, 9), id: 3, correctsId: 1),
        ];

        Assert.Equal(new QuarterRealisation(7m, true), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 1));
        Assert.Equal(new QuarterRealisation(11m, true), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 2));
    }

    [Fact]
    public void Cumulative_IncrementAndFullCorrection_IsZeroButReported()
    {
        RealisationEntry[] entries = [Entry("I", 2, D(5, 1), 3, id: 1), Entry("I", 2, D(5, 2), -3, id: 2, correctsId: 1)];
        Assert.Equal(new QuarterRealisation(0m, true), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 2));
    }

    [Fact]
    public void Cumulative_AcceptsALazyEnumerable()
    {
        var entries = Enumerable.Range(1, 3).Select(i => Entry("I", i, D(i * 3, 1), i));
        Assert.Equal(new QuarterRealisation(6m, true), RealisationMath.ForQuarter(Aggregation.Cumulative, entries, 3));
    }

    // ---- level ----

    [Fact]
    public void Level_NoEntriesForQuarter_IsNone_EvenWithEarlierValues()
    {
        RealisationEntry[] entries = [Entry("I", 1, D(3, 1), 70)];
        Assert.Equal(QuarterRealisation.None, RealisationMath.ForQuarter(Aggregation.Level, entries, 2));
    }

    [Fact]
    public void Level_TakesLatestByDate_NotByRecordingTime()
    {
        RealisationEntry[] entries =
        [
            Entry("I", 2, D(6, 20), 35, recordedAt: At(6, 21, 9)),
            Entry("I", 2, D(5, 1), 30, recordedAt: At(6, 30, 9)),
            Entry("I", 2, D(6, 10), 33, recordedAt: At(6, 25, 9)),
        ];
        Assert.Equal(new QuarterRealisation(35m, true), RealisationMath.ForQuarter(Aggregation.Level, entries, 2));
    }

    [Fact]
    public void Level_SameDate_TakesLatestRecordingTime()
    {
        RealisationEntry[] entries =
        [
            // No ids (not yet saved), so only the recording time can decide; the later one comes first on purpose.
            Entry("I", 2, D(6, 30), 36, recordedAt: At(6, 30, 9)),
            Entry("I", 2, D(6, 30), 38, recordedAt: At(6, 30, 8)),
        ];
        Assert.Equal(new QuarterRealisation(36m, true), RealisationMath.ForQuarter(Aggregation.Level, entries, 2));
    }

    [Fact]
    public void Level_CorrectionRecordedLaterForSameDate_Replaces()
    {
        RealisationEntry[] entries =
        [
            Entry("I", 1, D(3, 31), 77.5m, recordedAt: At(3, 31, 10), id: 1),
            Entry("I", 1, D(3, 31), 72.5m, recordedAt: At(4, 3, 10), id: 2, correctsId: 1),
        ];
        Assert.Equal(new QuarterRealisation(72.5m, true), RealisationMath.ForQuarter(Aggregation.Level, entries, 1));
    }

    [Fact]
    public void Level_SameDateAndRecordingTime_TakesHighestId()
    {
        RealisationEntry[] entries =
        [
            Entry("I", 1, D(3, 31), 61, recordedAt: At(3, 31, 10), id: 8),
            Entry("I", 1, D(3, 31), 60, recordedAt: At(3, 31, 10), id: 7),
        ];
        Assert.Equal(new QuarterRealisation(61m, true), RealisationMath.ForQuarter(Aggregation.Level, entries, 1));
    }

    [Fact]
    public void Level_IgnoresOtherQuartersAndDoesNotSum()
    {
        RealisationEntry[] entries = [Entry("I", 1, D(3, 1), 40), Entry("I", 2, D(4, 10), 45), Entry("I", 2, D(5, 10), 50), Entry("I", 3, D(7, 10), 90)];

        var year = RealisationMath.ForYear(Aggregation.Level, entries);

        Assert.Equal(
            [new QuarterRealisation(40m, true), new QuarterRealisation(50m, true), new QuarterRealisation(90m, true), QuarterRealisation.None],
            year);
    }

    // ---- guard ----

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void ForQuarter_OutOfRange_Throws(int quarter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RealisationMath.ForQuarter(Aggregation.Cumulative, [], quarter));
    }

    [Theory]
    [InlineData("Orang", Aggregation.Cumulative)]
    [InlineData("Dokumen", Aggregation.Cumulative)]
    [InlineData("Persentase", Aggregation.Level)]
    [InlineData("Angka", Aggregation.Level)]
    public void Indicator_DefaultAggregation_FollowsUnit(string unit, Aggregation expected)
    {
        Assert.Equal(expected, new Indicator("I", "Indikator", unit, 10, [1, 2, 3, 4]).Aggregation);
    }
}
