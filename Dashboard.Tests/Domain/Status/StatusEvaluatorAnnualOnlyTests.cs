using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;
using static Dashboard.Tests.Domain.Status.TestPlans;

namespace Dashboard.Tests.Domain.Status;

/// <summary>Blank quarter targets (a Renstra/IKU matrix with annual targets only) are no targets, not targets of 0.</summary>
public class StatusEvaluatorAnnualOnlyTests
{
    private static Indicator AnnualOnly(decimal annual = 40) => new("I", "Indikator I", "Orang", annual, new decimal?[] { null, null, null, null });

    [Fact]
    public void BlankQuarter_WithRealisation_HasNoQuarterBand_ButTheAnnualComparisonStands()
    {
        var status = FixedClock.Evaluator(2025, 4, 10).Evaluate(AnnualOnly(), Year, 1, [Entry("I", 1, D(2, 1), 10)]);

        Assert.Equal(StatusKind.NoTarget, status.Kind);
        Assert.False(status.HasTarget);
        Assert.Null(status.Capaian);
        Assert.Equal(10m, status.Realisation);
        Assert.Equal(25m, status.AnnualProgress);
        Assert.False(status.Warning);
    }

    [Fact]
    public void ZeroQuarterTarget_WithRealisation_IsExceeded_WhileABlankOneIsNot()
    {
        var zero = Count("I", 40, 0, 0, 0, 40);
        var evaluator = FixedClock.Evaluator(2025, 4, 10);

        Assert.Equal(StatusKind.Exceeded, evaluator.Evaluate(zero, Year, 1, [Entry("I", 1, D(2, 1), 10)]).Kind);
        Assert.Equal(StatusKind.NoTarget, evaluator.Evaluate(AnnualOnly(), Year, 1, [Entry("I", 1, D(2, 1), 10)]).Kind);
    }

    [Fact]
    public void BlankTwIV_IsJudgedAgainstTheAnnualTarget()
    {
        var status = FixedClock.Evaluator(2026, 1, 10).Evaluate(AnnualOnly(), Year, 4, [Entry("I", 1, D(2, 1), 10), Entry("I", 4, D(11, 1), 26)]);

        Assert.True(status.HasTarget);
        Assert.Equal(StatusKind.Evaluated, status.Kind);
        Assert.Equal(40m, status.Target);
        Assert.Equal(90m, status.Capaian);
        Assert.Equal(Band.Tinggi, status.Band);
    }

    [Fact]
    public void BlankTwIV_InProgress_IsProRatedOverTheWholeYear_WhenNoEarlierQuarterHasATarget()
    {
        // 2 October: day 275 of 365 since 1 January; 40 × 275 / 365 = 30,137.
        var status = FixedClock.Evaluator(2025, 10, 2).Evaluate(AnnualOnly(), Year, 4, [Entry("I", 1, D(2, 1), 30)]);

        Assert.Equal(StatusKind.InProgress, status.Kind);
        Assert.Equal(Math.Round(40m * 275 / 365, 4), status.ComparedTarget);
        Assert.Equal(Band.SangatTinggi, status.Band);
    }

    [Fact]
    public void BlankQuarter_BeforeItsStart_IsNotDue()
    {
        var status = FixedClock.Evaluator(2025, 2, 15).Evaluate(AnnualOnly(), Year, 2, []);

        Assert.Equal(StatusKind.NotDue, status.Kind);
        Assert.False(status.HasTarget);
    }

    [Fact]
    public void Indicator_TellsBlankFromZero()
    {
        var indicator = new Indicator("I", "Indikator I", "Orang", 40, new decimal?[] { 0, null, 20, null });

        Assert.Equal(0m, indicator.TargetFor(1));
        Assert.Null(indicator.TargetFor(2));
        Assert.True(indicator.HasQuarterTarget(1));
        Assert.False(indicator.HasQuarterTarget(2));
        Assert.False(indicator.IsAnnualOnly);
        Assert.True(AnnualOnly().IsAnnualOnly);
    }
}
