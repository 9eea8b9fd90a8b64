using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.Tests.Domain.Status;

public class CapaianFormulaTests
{
    [Theory]
    [InlineData("100", "75", "75.00")]
    [InlineData("10", "9", "90.00")]
    [InlineData("3", "1", "33.33")]
    [InlineData("3", "2", "66.67")]
    [InlineData("7.1", "7.1", "100.00")]
    [InlineData("40", "0", "0.00")]
    [InlineData("10", "25", "250.00")]
    public void Capaian_PositivePolarity_IsRealisationOverTargetTimes100(string target, string realisation, string expected)
    {
        Assert.Equal(decimal.Parse(expected), StatusEvaluator.Capaian(Polarity.Positive, decimal.Parse(target), decimal.Parse(realisation)));
    }

    [Theory]
    [InlineData("10", "8", "120.00")]
    [InlineData("10", "10", "100.00")]
    [InlineData("10", "15", "50.00")]
    [InlineData("10", "0", "200.00")]
    [InlineData("3", "2", "133.33")]
    [InlineData("7.1", "7.5", "94.37")]
    public void Capaian_NegativePolarity_IsTwiceTargetMinusRealisationOverTarget(string target, string realisation, string expected)
    {
        Assert.Equal(decimal.Parse(expected), StatusEvaluator.Capaian(Polarity.Negative, decimal.Parse(target), decimal.Parse(realisation)));
    }

    [Fact]
    public void Capaian_NegativePolarity_AtExactlyTwiceTarget_IsZero()
    {
        Assert.Equal(0m, StatusEvaluator.Capaian(Polarity.Negative, 10m, 20m));
    }

    [Theory]
    [InlineData("20.01")]
    [InlineData("25")]
    [InlineData("1000")]
    public void Capaian_NegativePolarity_RealisationOverTwiceTarget_IsFlooredAtZero(string realisation)
    {
        Assert.Equal(0m, StatusEvaluator.Capaian(Polarity.Negative, 10m, decimal.Parse(realisation)));
    }

    [Theory]
    [InlineData(Polarity.Positive)]
    [InlineData(Polarity.Negative)]
    public void Capaian_TargetZero_IsNull(Polarity polarity)
    {
        Assert.Null(StatusEvaluator.Capaian(polarity, 0m, 5m));
    }

    [Theory]
    // 1.0004 / 8 * 100 = 12.505: a true midpoint, rounded away from zero (banker's rounding would give 12.50).
    [InlineData("8", "1.0004", "12.51")]
    // 0.01 / 200 * 100 = 0.005.
    [InlineData("200", "0.01", "0.01")]
    [InlineData("3", "2.0003", "66.68")]
    [InlineData("7", "1", "14.29")]
    public void Capaian_IsRoundedToTwoDecimalsAwayFromZero(string target, string realisation, string expected)
    {
        var capaian = StatusEvaluator.Capaian(Polarity.Positive, decimal.Parse(target), decimal.Parse(realisation));
        Assert.Equal(decimal.Parse(expected), capaian);
    }

    [Fact]
    public void Capaian_NegativePolarity_IsRoundedToTwoDecimals()
    {
        // (2 x 7 - 6) / 7 x 100 = 114.2857...
        Assert.Equal(114.29m, StatusEvaluator.Capaian(Polarity.Negative, 7m, 6m));
    }

    [Fact]
    public void Evaluate_ShowsTheFormulaOfThePolarity()
    {
        var evaluator = FixedClock.Evaluator(2025, 4, 10);
        var positive = TestPlans.Count("P", 40, 10, 20, 30, 40);
        var negative = TestPlans.Count("N", 40, 10, 20, 30, 40, Polarity.Negative);

        Assert.Equal(StatusEvaluator.PositiveFormula, evaluator.Evaluate(positive, 2025, 1, []).Formula);
        Assert.Equal(StatusEvaluator.NegativeFormula, evaluator.Evaluate(negative, 2025, 1, []).Formula);
        Assert.Equal("Capaian = Realisasi ÷ Target × 100", StatusEvaluator.PositiveFormula);
        Assert.Contains("2 × Target − Realisasi", StatusEvaluator.NegativeFormula);
        Assert.Contains("minimal 0", StatusEvaluator.NegativeFormula);
    }
}
