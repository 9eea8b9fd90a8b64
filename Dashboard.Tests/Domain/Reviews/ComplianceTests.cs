using Dashboard.Domain.Reviews;

namespace Dashboard.Tests.Domain.Reviews;

/// <summary>The compliance rule: TW III 2025 runs 1 Jul – 30 Sep; with a 10-day window officers record until 10 Oct.</summary>
public class ComplianceTests
{
    private const int Year = 2025;
    private const int Window = 10;

    private static DateOnly D(int month, int day, int year = Year) => new(year, month, day);

    private static ComplianceState Tw3(DateOnly today, DateOnly? firstRecorded, ReviewState review = ReviewState.None) =>
        Compliance.Classify(Year, 3, today, Window, firstRecorded, review);

    [Fact]
    public void NothingRecorded_BeforeTheQuarterStarts_IsNotDue() => Assert.Equal(ComplianceState.NotDue, Tw3(D(6, 30), null));

    [Fact]
    public void NothingRecorded_WhileTheQuarterRuns_IsNotDue()
    {
        Assert.Equal(ComplianceState.NotDue, Tw3(D(7, 1), null));
        Assert.Equal(ComplianceState.NotDue, Tw3(D(9, 30), null));
    }

    [Fact]
    public void NothingRecorded_TheDayAfterTheQuarterEnds_IsMissing_EvenThoughTheWindowIsStillOpen() =>
        Assert.Equal(ComplianceState.Missing, Tw3(D(10, 1), null));

    [Fact]
    public void NothingRecorded_AfterTheWindowClosed_IsMissing() => Assert.Equal(ComplianceState.Missing, Tw3(D(11, 15), null));

    [Fact]
    public void FirstEntry_DuringTheQuarter_IsReported() => Assert.Equal(ComplianceState.Reported, Tw3(D(11, 15), D(8, 20), ReviewState.Submitted));

    [Fact]
    public void FirstEntry_OnTheLastDayOfTheWindow_IsReported() => Assert.Equal(ComplianceState.Reported, Tw3(D(11, 15), D(10, 10), ReviewState.Submitted));

    [Fact]
    public void FirstEntry_TheDayAfterTheWindowClosed_IsLate() => Assert.Equal(ComplianceState.Late, Tw3(D(11, 15), D(10, 11), ReviewState.Submitted));

    [Fact]
    public void FirstEntry_WithoutAnyReviewRow_IsJudgedByItsDate()
    {
        // Sample data and rows written before verification existed have no review state.
        Assert.Equal(ComplianceState.Reported, Tw3(D(11, 15), D(9, 1)));
        Assert.Equal(ComplianceState.Late, Tw3(D(11, 15), D(11, 1)));
    }

    [Fact]
    public void Verified_WinsOverLate() => Assert.Equal(ComplianceState.Verified, Tw3(D(11, 15), D(11, 1), ReviewState.Verified));

    [Fact]
    public void Returned_WinsOverOnTime() => Assert.Equal(ComplianceState.Returned, Tw3(D(11, 15), D(8, 1), ReviewState.Returned));

    [Fact]
    public void FourthQuarter_WindowRunsIntoTheNextYear()
    {
        Assert.Equal(ComplianceState.Reported, Compliance.Classify(Year, 4, D(2, 1, 2026), Window, D(1, 10, 2026), ReviewState.Submitted));
        Assert.Equal(ComplianceState.Late, Compliance.Classify(Year, 4, D(2, 1, 2026), Window, D(1, 11, 2026), ReviewState.Submitted));
        Assert.Equal(ComplianceState.NotDue, Compliance.Classify(Year, 4, D(12, 31), Window, null, ReviewState.None));
        Assert.Equal(ComplianceState.Missing, Compliance.Classify(Year, 4, D(1, 1, 2026), Window, null, ReviewState.None));
    }

    [Fact]
    public void ZeroDayWindow_MakesAnyEntryAfterTheQuarterLate()
    {
        Assert.Equal(ComplianceState.Reported, Compliance.Classify(Year, 3, D(11, 15), 0, D(9, 30), ReviewState.Submitted));
        Assert.Equal(ComplianceState.Late, Compliance.Classify(Year, 3, D(11, 15), 0, D(10, 1), ReviewState.Submitted));
    }

    [Fact]
    public void OnlyMissingAndReturned_NeedAction()
    {
        Assert.Equal([ComplianceState.Missing, ComplianceState.Returned], Compliance.All.Where(s => s.NeedsAction()).Order().ToArray());
    }

    [Fact]
    public void EveryState_HasItsOwnIndonesianLabel_AndAnExplanation()
    {
        Assert.Equal(Enum.GetValues<ComplianceState>().Length, Compliance.All.Count);
        Assert.Equal(Compliance.All.Count, Compliance.All.Select(s => s.Label()).Distinct().Count());
        Assert.Equal(["Tidak ada laporan", "Dikembalikan", "Terlambat", "Dilaporkan", "Diverifikasi", "Belum waktunya"], Compliance.All.Select(s => s.Label()).ToArray());
        Assert.All(Compliance.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Explain())));
    }
}
