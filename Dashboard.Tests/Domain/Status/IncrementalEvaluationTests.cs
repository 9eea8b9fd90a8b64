using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Domain.Status;

/// <summary><see cref="PlanEvaluation.With"/> (one indicator re-evaluated, its ancestors re-rolled) against a full evaluation.</summary>
public sealed class IncrementalEvaluationTests
{
    [Theory]
    [InlineData(1, "2025-11-15")]
    [InlineData(7, "2025-05-20")]
    [InlineData(42, "2026-01-10")]
    public void RandomEntriesAppliedOneByOne_EqualAFullEvaluationAfterEachStep(int seed, string today)
    {
        var plan = SamplePlans.Synthetic(indicators: 120);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var evaluator = SamplePlans.EvaluatorAt(day.Year, day.Month, day.Day);
        var random = new Random(seed);
        var entries = new List<RealisationEntry>();
        var incremental = new PlanEvaluation(plan, evaluator, entries);
        var indicators = plan.AllIndicators().ToList();

        for (var step = 0; step < 200; step++)
        {
            var indicator = indicators[random.Next(indicators.Count)];
            var quarter = random.Next(1, 5);
            var value = indicator.Aggregation == Aggregation.Level ? random.Next(0, 120) : random.Next(-3, 15);
            entries.Add(new RealisationEntry(indicator.Code, quarter, Quarters.Start(2025, quarter).AddDays(random.Next(0, 80)), value,
                DateTimeOffset.UnixEpoch.AddMinutes(step), Id: step + 1));
            incremental = incremental.With(indicator, entries.Where(e => e.IndicatorCode == indicator.Code).ToList(), evaluator);

            if (step % 20 != 19) continue;
            var full = new PlanEvaluation(plan, evaluator, entries);
            foreach (var i in indicators) Assert.Equal(full.For(i), incremental.For(i));
            foreach (var n in plan.AllNodes())
            {
                foreach (var q in Quarters.All) Assert.Equal(full.For(n, q), incremental.For(n, q));
            }
            foreach (var q in Quarters.All)
            {
                Assert.Equal(full.Summary(q).Reported, incremental.Summary(q).Reported);
                Assert.Equal(full.Summary(q).AverageCapaian, incremental.Summary(q).AverageCapaian);
            }
        }
    }

    [Fact]
    public void With_SharesEveryIndicatorAndNodeOutsideTheChangedPath()
    {
        var plan = SamplePlans.Synthetic(indicators: 64);
        var evaluator = SamplePlans.EvaluatorAt(2025, 11, 15);
        var before = new PlanEvaluation(plan, evaluator, []);
        var changed = plan.AllIndicators().Skip(10).First();

        var after = before.With(changed, [new RealisationEntry(changed.Code, 4, new DateOnly(2025, 11, 1), 5m, DateTimeOffset.UnixEpoch)], evaluator);

        var path = changed.AffectedCodes().ToHashSet();
        Assert.All(plan.AllIndicators().Where(i => i != changed), i => Assert.Same(before.For(i), after.For(i)));
        Assert.All(plan.AllNodes(), n =>
        {
            if (path.Contains(n.Code)) Assert.NotSame(before.For(n), after.For(n));
            else Assert.Same(before.For(n), after.For(n));
        });
    }

    [Fact]
    public void NodeWithAnEmptyChild_KeepsItsOwnWorstTag()
    {
        // An empty Sub Kegiatan contributes nothing: the Kegiatan's worst stays its own indicator's "belum waktunya".
        var tujuan = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan");
        var kegiatan = tujuan.AddChild(new PlanNode("T1.S1", NodeLevel.Sasaran, "Sasaran"));
        kegiatan.AddIndicator(new Indicator("T1.S1.I1", "Jumlah", "Unit", 10m, [1m, 2m, 3m, 10m]));
        kegiatan.AddChild(new PlanNode("T1.S1.P1", NodeLevel.Program, "Program kosong"));
        var plan = new Plan(2025, "Dinas", "Rencana", [tujuan]);

        var evaluation = new PlanEvaluation(plan, SamplePlans.EvaluatorAt(2024, 12, 1), []);

        Assert.Equal(StatusKind.NotDue, evaluation.For(kegiatan, 1).Worst.Kind);
        Assert.Equal(StatusKind.NoTarget, evaluation.For(plan.FindNode("T1.S1.P1")!, 1).Worst.Kind);
    }
}
