using Dashboard.Domain.Access;

namespace Dashboard.Tests.Domain.Access;

public class QuarterPhaseTests
{
    private static QuarterPhase Tw3(int month, int day, QuarterLock planner = QuarterLock.None) =>
        QuarterPhases.Of(2025, 3, new DateOnly(2025, month, day), 10, planner);

    [Fact]
    public void WithoutPlanner_FollowsTheWindow()
    {
        Assert.Equal(QuarterPhase.NotStarted, Tw3(6, 30));
        Assert.Equal(QuarterPhase.Open, Tw3(7, 1));
        Assert.Equal(QuarterPhase.Open, Tw3(10, 10));
        Assert.Equal(QuarterPhase.Closed, Tw3(10, 11));
    }

    [Fact]
    public void PlannerDecision_OverridesTheWindow()
    {
        Assert.Equal(QuarterPhase.Locked, Tw3(8, 1, QuarterLock.Locked));
        Assert.Equal(QuarterPhase.Reopened, Tw3(11, 15, QuarterLock.Reopened));
        Assert.False(QuarterPhase.Locked.OpenForOfficers());
        Assert.True(QuarterPhase.Reopened.OpenForOfficers());
    }

    [Fact]
    public void Phase_AgreesWithTheEntryWindowDecision_ForAnOfficerWithoutException()
    {
        foreach (var planner in Enum.GetValues<QuarterLock>())
        {
            for (var day = new DateOnly(2025, 6, 25); day <= new DateOnly(2025, 10, 20); day = day.AddDays(1))
            {
                var decision = EntryWindow.Decide(2025, 3, day, 10, planner, null, boundByWindow: true);
                Assert.Equal(decision.Open, QuarterPhases.Of(2025, 3, day, 10, planner).OpenForOfficers());
            }
        }
    }
}

public sealed class CaptureTimeJudgementTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 14, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void NoCaptureTime_IsJudgedNow() => Assert.Equal(Now, Dashboard.Domain.Access.EntryWindow.JudgedAt(Now, null, 7));

    [Fact]
    public void CaptureTimeWithinTheBound_IsJudgedThen() =>
        Assert.Equal(Now.AddDays(-3), Dashboard.Domain.Access.EntryWindow.JudgedAt(Now, Now.AddDays(-3), 7));

    [Fact]
    public void CaptureTimeBeyondTheBound_IsJudgedAtTheBound() =>
        Assert.Equal(Now.AddDays(-7), Dashboard.Domain.Access.EntryWindow.JudgedAt(Now, Now.AddDays(-30), 7));

    [Fact]
    public void CaptureTimeInTheFuture_IsJudgedNow() =>
        Assert.Equal(Now, Dashboard.Domain.Access.EntryWindow.JudgedAt(Now, Now.AddHours(5), 7));
}
