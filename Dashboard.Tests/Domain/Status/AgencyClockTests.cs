using Dashboard.Domain.Status;
using static Dashboard.Tests.Domain.Status.TestPlans;

namespace Dashboard.Tests.Domain.Status;

public class AgencyClockTests
{
    private static readonly DateTimeOffset LastEveningOfTw1Utc = new(2025, 3, 31, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DefaultZone_IsWibUtcPlus7()
    {
        Assert.Equal(TimeSpan.FromHours(7), AgencyClock.DefaultZone.GetUtcOffset(LastEveningOfTw1Utc));
    }

    [Fact]
    public void Today_At18Utc31March_IsAlready1AprilInJakarta()
    {
        var clock = new AgencyClock(new FixedClock(LastEveningOfTw1Utc));

        Assert.Equal(new DateOnly(2025, 4, 1), clock.Today);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 1, 0, 0, TimeSpan.FromHours(7)), clock.Now);
        Assert.Equal(TimeSpan.FromHours(7), clock.Now.Offset);
    }

    [Theory]
    [InlineData(16, 59, 59, 3, 31)]
    [InlineData(17, 0, 0, 4, 1)]
    public void Today_ChangesAtJakartaMidnight(int hour, int minute, int second, int month, int day)
    {
        var clock = new AgencyClock(new FixedClock(new DateTimeOffset(2025, 3, 31, hour, minute, second, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, month, day), clock.Today);
    }

    [Fact]
    public void Today_InUtcZone_IsStill31March()
    {
        var clock = new AgencyClock(new FixedClock(LastEveningOfTw1Utc), TimeZoneInfo.Utc);
        Assert.Equal(new DateOnly(2025, 3, 31), clock.Today);
    }

    [Fact]
    public void Evaluation_At18Utc31March_Jakarta_Tw2IsInProgress()
    {
        var indicator = Percent("I", 80, 20, 40, 60, 80);
        var evaluator = new StatusEvaluator(new AgencyClock(new FixedClock(LastEveningOfTw1Utc)));

        var statuses = evaluator.EvaluateYear(indicator, Year, [Entry("I", 1, D(3, 15), 20)]);

        Assert.Equal(StatusKind.Evaluated, statuses[0].Kind);
        Assert.Equal(100.00m, statuses[0].Capaian);
        Assert.Equal(StatusKind.InProgress, statuses[1].Kind);
        Assert.Equal(0.0110m, statuses[1].ProRataShare);      // 1/91
        Assert.Equal(20.2198m, statuses[1].ComparedTarget);   // 20 + 20/91
        Assert.Equal(StatusKind.NotDue, statuses[2].Kind);
    }

    [Fact]
    public void Evaluation_At18Utc31March_UtcZone_Tw1IsStillInProgressAndTw2NotDue()
    {
        var indicator = Percent("I", 80, 20, 40, 60, 80);
        var evaluator = new StatusEvaluator(new AgencyClock(new FixedClock(LastEveningOfTw1Utc), TimeZoneInfo.Utc));

        var statuses = evaluator.EvaluateYear(indicator, Year, [Entry("I", 1, D(3, 15), 20)]);

        Assert.Equal(StatusKind.InProgress, statuses[0].Kind);
        Assert.Equal(1m, statuses[0].ProRataShare);
        Assert.Equal("Sangat Tinggi (berjalan)", statuses[0].Tag.Label);
        Assert.Equal(StatusKind.NotDue, statuses[1].Kind);
    }

    public static TheoryData<DateOnly, StatusKind[]> KindsByDate => new()
    {
        { new DateOnly(2024, 12, 31), [StatusKind.NotDue, StatusKind.NotDue, StatusKind.NotDue, StatusKind.NotDue] },
        { new DateOnly(2025, 2, 15), [StatusKind.InProgress, StatusKind.NotDue, StatusKind.NotDue, StatusKind.NotDue] },
        { new DateOnly(2025, 4, 10), [StatusKind.Evaluated, StatusKind.InProgress, StatusKind.NotDue, StatusKind.NotDue] },
        { new DateOnly(2025, 8, 1), [StatusKind.Evaluated, StatusKind.Evaluated, StatusKind.InProgress, StatusKind.NotDue] },
        { new DateOnly(2026, 1, 5), [StatusKind.Evaluated, StatusKind.Evaluated, StatusKind.NotReported, StatusKind.NotReported] },
    };

    [Theory]
    [MemberData(nameof(KindsByDate))]
    public void SameData_AtDifferentDates_GivesDifferentStates(DateOnly today, StatusKind[] expected)
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var entries = new[] { Entry("I", 1, D(1, 20), 9), Entry("I", 2, D(5, 5), 10) };

        var statuses = FixedClock.Evaluator(today.Year, today.Month, today.Day).EvaluateYear(indicator, Year, entries);

        Assert.Equal(expected, statuses.Select(s => s.Kind).ToArray());
    }

    [Fact]
    public void Evaluator_ReadsClockOnEveryEvaluation()
    {
        var indicator = Count("I", 40, 10, 20, 30, 40);
        var entries = new[] { Entry("I", 1, D(1, 20), 9) };
        var time = FixedClock.AtJakartaNoon(2025, 2, 15);
        var evaluator = new StatusEvaluator(new AgencyClock(time));

        var before = evaluator.Evaluate(indicator, Year, 1, entries);
        time.UtcNow = new DateTimeOffset(2025, 4, 2, 5, 0, 0, TimeSpan.Zero);
        var after = evaluator.Evaluate(indicator, Year, 1, entries);

        Assert.Equal(StatusKind.InProgress, before.Kind);
        Assert.Equal(176.09m, before.Capaian);                // 9 / (10 x 46/90 = 5.1111)
        Assert.False(before.Warning);
        Assert.Equal(StatusKind.Evaluated, after.Kind);
        Assert.Equal(90.00m, after.Capaian);
        Assert.False(after.Warning);
    }
}
