using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using static Dashboard.Tests.Domain.Status.TestPlans;

namespace Dashboard.Tests.Domain.Status;

public class PlanEvaluationTests
{
    private readonly PlanNode _t1 = new("T1", NodeLevel.Tujuan, "Tujuan satu");
    private readonly PlanNode _s1 = new("T1.S1", NodeLevel.Sasaran, "Sasaran satu");
    private readonly PlanNode _p1 = new("T1.S1.P1", NodeLevel.Program, "Program satu");
    private readonly PlanNode _k1 = new("T1.S1.P1.K1", NodeLevel.Kegiatan, "Kegiatan satu");
    private readonly PlanNode _sk1 = new("T1.S1.P1.K1.SK1", NodeLevel.SubKegiatan, "Sub kegiatan satu");
    private readonly PlanNode _sk2 = new("T1.S1.P1.K1.SK2", NodeLevel.SubKegiatan, "Sub kegiatan dua");
    private readonly PlanNode _s2 = new("T1.S2", NodeLevel.Sasaran, "Sasaran dua");

    private readonly Indicator _iTujuan = Percent("I-T", 80, 50, 60, 70, 80);          // TW I: 47.5 -> 95 %
    private readonly Indicator _iSasaran = Count("I-S", 40, 10, 20, 30, 40);           // TW I: 8 -> 80 %
    private readonly Indicator _iRed = Count("I-RED", 10, 5, 5, 10, 10, unit: "Dokumen"); // TW I: 2 -> 40 %
    private readonly Indicator _iNotReported = Percent("I-NR", 40, 10, 20, 30, 40);   // nothing recorded
    private readonly Indicator _iOk = Count("I-OK", 16, 4, 8, 12, 16, unit: "Unit");   // TW I: 4 -> 100 %
    private readonly Indicator _iNoTarget = Count("I-NT", 0, 0, 0, 0, 0, unit: "Laporan");

    private readonly PlanEvaluation _evaluation;

    public PlanEvaluationTests()
    {
        _t1.AddIndicator(_iTujuan);
        _t1.AddChild(_s1).AddIndicator(_iSasaran);
        _s1.AddChild(_p1).AddChild(_k1);
        _k1.AddChild(_sk1).AddIndicator(_iRed);
        _k1.AddChild(_sk2).AddIndicator(_iNotReported);
        _t1.AddChild(_s2).AddIndicator(_iOk);
        _s2.AddIndicator(_iNoTarget);
        var plan = new Plan(Year, "Dinas Koperasi", "", [_t1]);

        RealisationEntry[] entries =
        [
            Entry("I-T", 1, D(3, 28), 47.5m),
            Entry("I-S", 1, D(2, 14), 8),
            Entry("I-RED", 1, D(3, 3), 2),
            Entry("I-OK", 1, D(1, 30), 4),
            Entry("UNKNOWN", 1, D(1, 30), 99),
        ];
        _evaluation = new PlanEvaluation(plan, FixedClock.Evaluator(2025, 4, 15), entries);
    }

    [Fact]
    public void Indicators_AreEvaluatedWithTheirOwnEntries()
    {
        Assert.Equal(95.00m, _evaluation.For(_iTujuan, 1).Capaian);
        Assert.Equal(80.00m, _evaluation.For(_iSasaran, 1).Capaian);
        Assert.Equal(40.00m, _evaluation.For(_iRed, 1).Capaian);
        Assert.Equal(StatusKind.NotReported, _evaluation.For(_iNotReported, 1).Kind);
        Assert.Equal(100.00m, _evaluation.For(_iOk, 1).Capaian);
        Assert.Equal(StatusKind.NoTarget, _evaluation.For(_iNoTarget, 1).Kind);
        Assert.Equal(4, _evaluation.For(_iOk).Count);
    }

    [Fact]
    public void Leaf_RedIndicator_RollsUpAsItself()
    {
        var rollup = _evaluation.For(_sk1, 1);

        Assert.Equal(1, rollup.Quarter);
        Assert.Equal(40.00m, rollup.AverageCapaian);
        Assert.Equal(Band.SangatRendah, rollup.AverageBand);
        Assert.Equal(new StatusTag(StatusKind.Evaluated, Band.SangatRendah), rollup.Worst);
        Assert.Equal(1, rollup.IndicatorCount);
        Assert.Equal(1, rollup.WithCapaian);
    }

    [Fact]
    public void Leaf_NotReported_HasNoAverageAndWorstNotReported()
    {
        var rollup = _evaluation.For(_sk2, 1);

        Assert.Null(rollup.AverageCapaian);
        Assert.Null(rollup.AverageBand);
        Assert.Equal(StatusKind.NotReported, rollup.Worst.Kind);
        Assert.Equal(1, rollup.IndicatorCount);
        Assert.Equal(0, rollup.WithCapaian);
    }

    [Fact]
    public void RedIndicatorDeepDown_MakesEveryAncestorsWorstRed()
    {
        foreach (var node in new[] { _k1, _p1, _s1, _t1 })
        {
            var rollup = _evaluation.For(node, 1);
            Assert.Equal(new StatusTag(StatusKind.Evaluated, Band.SangatRendah), rollup.Worst);
            Assert.Equal(TrafficLight.Red, rollup.Worst.Light);
        }
        Assert.Equal([_k1, _p1, _s1, _t1], _sk1.Ancestors());
    }

    [Fact]
    public void SiblingSubtree_IsNotAffectedByTheRedIndicator()
    {
        var rollup = _evaluation.For(_s2, 1);

        Assert.Equal(100.00m, rollup.AverageCapaian);
        Assert.Equal(new StatusTag(StatusKind.Evaluated, Band.SangatTinggi), rollup.Worst);
        Assert.Equal(TrafficLight.Green, rollup.Worst.Light);
        Assert.Equal(2, rollup.IndicatorCount);
        Assert.Equal(1, rollup.WithCapaian);
    }

    [Fact]
    public void Node_AveragesOnlyIndicatorsThatHaveACapaian()
    {
        var kegiatan = _evaluation.For(_k1, 1);
        Assert.Equal(40.00m, kegiatan.AverageCapaian);
        Assert.Equal(2, kegiatan.IndicatorCount);
        Assert.Equal(1, kegiatan.WithCapaian);

        var sasaran = _evaluation.For(_s1, 1);
        Assert.Equal(60.00m, sasaran.AverageCapaian);      // (80 + 40) / 2; the unreported one is left out
        Assert.Equal(Band.Rendah, sasaran.AverageBand);
        Assert.Equal(3, sasaran.IndicatorCount);
        Assert.Equal(2, sasaran.WithCapaian);
    }

    [Fact]
    public void Root_AveragesItsOwnAndAllDescendantIndicators()
    {
        var rollup = _evaluation.For(_t1, 1);

        Assert.Equal(78.75m, rollup.AverageCapaian);       // (95 + 80 + 40 + 100) / 4
        Assert.Equal(Band.Tinggi, rollup.AverageBand);
        Assert.Equal(6, rollup.IndicatorCount);
        Assert.Equal(4, rollup.WithCapaian);
    }

    [Fact]
    public void CurrentQuarter_RollupIncludesProRatedCapaianAndInProgressWorst()
    {
        // 15 Apr: I-S 8 / 11.6484 = 68.68; I-RED 2 / 5 = 40; I-OK 4 / 4.6593 = 85.85.
        var root = _evaluation.For(_t1, 2);
        Assert.Equal(64.84m, root.AverageCapaian);         // (68.68 + 40 + 85.85) / 3 = 64.8433
        Assert.Equal(new StatusTag(StatusKind.InProgress, Band.SangatRendah), root.Worst);
        Assert.Equal(3, root.WithCapaian);

        var s2 = _evaluation.For(_s2, 2);
        Assert.Equal(85.85m, s2.AverageCapaian);
        Assert.Equal(new StatusTag(StatusKind.InProgress, Band.Tinggi), s2.Worst);

        var sk2 = _evaluation.For(_sk2, 2);
        Assert.Equal(new StatusTag(StatusKind.InProgress, null), sk2.Worst);
        Assert.Null(sk2.AverageCapaian);
    }

    [Fact]
    public void FutureQuarter_RollupIsNotDueWithoutAverage()
    {
        var rollup = _evaluation.For(_t1, 3);

        Assert.Null(rollup.AverageCapaian);
        Assert.Equal(new StatusTag(StatusKind.NotDue, null), rollup.Worst);
        Assert.Equal(6, rollup.IndicatorCount);
        Assert.Equal(0, rollup.WithCapaian);
    }

    [Fact]
    public void Summary_EndedQuarter_CountsPerBandAndReportedShare()
    {
        var summary = _evaluation.Summary(1);

        Assert.Equal(1, summary.Quarter);
        Assert.Equal(2, summary.PerBand[Band.SangatTinggi]);
        Assert.Equal(1, summary.PerBand[Band.Tinggi]);
        Assert.Equal(0, summary.PerBand[Band.Sedang]);
        Assert.Equal(0, summary.PerBand[Band.Rendah]);
        Assert.Equal(1, summary.PerBand[Band.SangatRendah]);
        Assert.Equal(5, summary.PerBand.Count);
        Assert.Equal(6, summary.Total);
        Assert.Equal(5, summary.Due);
        Assert.Equal(4, summary.Reported);
        Assert.Equal(1, summary.NotReported);
        Assert.Equal(1, summary.NoTarget);
        Assert.Equal(0, summary.NotDue);
        Assert.Equal(0, summary.Warnings);
        Assert.Equal(78.75m, summary.AverageCapaian);
        Assert.Equal(80.0m, summary.ReportedShare);
    }

    [Fact]
    public void Summary_CurrentQuarter_CountsBandsOfProRatedCapaian_AndExcludesInProgressWithoutData()
    {
        var summary = _evaluation.Summary(2);

        Assert.Equal(0, summary.PerBand[Band.SangatTinggi]);
        Assert.Equal(1, summary.PerBand[Band.Tinggi]);
        Assert.Equal(1, summary.PerBand[Band.Sedang]);
        Assert.Equal(0, summary.PerBand[Band.Rendah]);
        Assert.Equal(1, summary.PerBand[Band.SangatRendah]);
        Assert.Equal(5, summary.Due);
        Assert.Equal(0, summary.NotReported);
        Assert.Equal(1, summary.NoTarget);
        Assert.Equal(64.84m, summary.AverageCapaian);
        // Nothing was recorded in TW II yet: carried TW I totals give capaian but do not count as reporting TW II.
        Assert.Equal(0, summary.Reported);
        Assert.Equal(0.0m, summary.ReportedShare);
    }

    [Fact]
    public void Summary_FutureQuarter_HasNothingDue()
    {
        var summary = _evaluation.Summary(4);

        Assert.Equal(6, summary.Total);
        Assert.Equal(6, summary.NotDue);
        Assert.Equal(0, summary.Due);
        Assert.Equal(0, summary.Reported);
        Assert.Null(summary.ReportedShare);
        Assert.Null(summary.AverageCapaian);
        Assert.All(summary.PerBand.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void Summarise_Subtree_UsesOnlyItsIndicators()
    {
        var summary = _evaluation.Summarise(1, _s1.SubtreeIndicators());

        Assert.Equal(3, summary.Total);
        Assert.Equal(3, summary.Due);
        Assert.Equal(2, summary.Reported);
        Assert.Equal(1, summary.NotReported);
        Assert.Equal(66.7m, summary.ReportedShare);        // 2 / 3, one decimal
        Assert.Equal(60.00m, summary.AverageCapaian);
        Assert.Equal(1, summary.PerBand[Band.Tinggi]);
        Assert.Equal(1, summary.PerBand[Band.SangatRendah]);
    }

    [Fact]
    public void Summary_CountsWarningsAndTreatsExceededAsReportedWithoutBand()
    {
        var root = new PlanNode("T9", NodeLevel.Tujuan, "Tujuan");
        var tooHigh = root.AddIndicator(Count("A", 40, 10, 20, 30, 40));
        var exceeded = root.AddIndicator(Count("B", 10, 0, 0, 5, 10));
        var missing = root.AddIndicator(Percent("C", 80, 20, 40, 60, 80));
        var plan = new Plan(Year, "Dinas", "Renaksi", [root]);
        var evaluation = new PlanEvaluation(plan, FixedClock.Evaluator(2025, 4, 10), [Entry("A", 1, D(3, 1), 25), Entry("B", 1, D(3, 1), 3)]);

        var summary = evaluation.Summary(1);

        Assert.True(evaluation.For(tooHigh, 1).Warning);
        Assert.Equal(StatusKind.Exceeded, evaluation.For(exceeded, 1).Kind);
        Assert.Equal(StatusKind.NotReported, evaluation.For(missing, 1).Kind);
        Assert.Equal(1, summary.Warnings);
        Assert.Equal(1, summary.PerBand[Band.SangatTinggi]);
        Assert.Equal(1, summary.PerBand.Values.Sum());
        Assert.Equal(3, summary.Due);
        Assert.Equal(2, summary.Reported);
        Assert.Equal(66.7m, summary.ReportedShare);
        Assert.Equal(250.00m, summary.AverageCapaian);

        var rollup = evaluation.For(root, 1);
        Assert.Equal(StatusKind.NotReported, rollup.Worst.Kind);
        Assert.Equal(250.00m, rollup.AverageCapaian);
        Assert.Equal(1, rollup.WithCapaian);
    }

    [Fact]
    public void Node_AverageIsRoundedToTwoDecimals()
    {
        var root = new PlanNode("T9", NodeLevel.Tujuan, "Tujuan");
        root.AddIndicator(Percent("A", 100, 100, 100, 100, 100));
        root.AddIndicator(Percent("B", 100, 100, 100, 100, 100));
        root.AddIndicator(Percent("C", 100, 100, 100, 100, 100));
        var plan = new Plan(Year, "Dinas", "Renaksi", [root]);
        RealisationEntry[] entries = [Entry("A", 1, D(3, 1), 100), Entry("B", 1, D(3, 1), 100), Entry("C", 1, D(3, 1), 50)];

        var evaluation = new PlanEvaluation(plan, FixedClock.Evaluator(2025, 4, 10), entries);

        Assert.Equal(83.33m, evaluation.For(root, 1).AverageCapaian);
        Assert.Equal(Band.Tinggi, evaluation.For(root, 1).AverageBand);
        Assert.Equal(83.33m, evaluation.Summary(1).AverageCapaian);
    }
}

public sealed class IndicatorAffectedCodesTests
{
    [Fact]
    public void AffectedCodes_AreTheIndicatorItsNodeAndEveryAncestor()
    {
        var plan = Dashboard.Tests.TestSupport.SamplePlans.Small();

        var codes = plan.FindIndicator("T1.S1.P1.K1.SK1.I1")!.AffectedCodes().ToArray();

        Assert.Equal(["T1.S1.P1.K1.SK1.I1", "T1.S1.P1.K1.SK1", "T1.S1.P1.K1", "T1.S1.P1", "T1.S1", "T1"], codes);
    }
}

public sealed class AgencyTimeTests
{
    [Fact]
    public void ToAgencyTime_ShowsAUtcMomentOnTheWibClock()
    {
        var wib = AgencyClock.ToAgencyTime(new DateTimeOffset(2025, 3, 31, 18, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2025, 4, 1, 1, 30, 0), wib.DateTime);
        Assert.Equal(TimeSpan.FromHours(7), wib.Offset);
    }
}
