using Dashboard.Domain.Import;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using Dashboard.Tests.Domain.Import;
using Dashboard.Tests.Domain.Realisations;
using static Dashboard.Tests.Domain.Status.TestPlans;

namespace Dashboard.Tests.Domain.Numbers;

/// <summary>One bound on every number before it is stored, and evaluation that never throws on what is stored.</summary>
public sealed class ValueBoundsTests
{
    private static readonly decimal Huge = 600_000_000_000_000_000_000_000_000m; // 6e26: fits a decimal, overflows roll-ups

    public static TheoryData<decimal, string, bool> Values => new()
    {
        { 0m, "Orang", true },
        { 1_000_000_000_000m, "Orang", true },
        { -1_000_000_000_000m, "Orang", true },
        { 1_000_000_000_001m, "Orang", false },
        { Huge, "Orang", false },
        { decimal.MaxValue, "Unit", false },
        { decimal.MinValue, "Unit", false },
        { 0.000001m, "Angka", true },
        { 0.0000001m, "Angka", true },
        { 1000m, "Persentase", true },
        { 1000.5m, "Persentase", false },
        { 5000m, "Persen", false },
        { 5000m, "Angka", true },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Check_AllowsOnlyValuesWithinTheUnitsBound(decimal value, string unit, bool allowed) =>
        Assert.Equal(allowed, ValueBounds.Check(value, unit) is null);

    // ---- realisation: the rule every entry point (page, API, hub) runs ----

    private static readonly StatusEvaluator July10 = RulesClock.Evaluator(2025, 7, 10);
    private static readonly Indicator People = new("K", "Jumlah peserta", "Orang", 40m, [8m, 20m, 30m, 40m]);
    private static readonly Indicator Share = new("P", "Persentase koperasi sehat", "Persentase", 80m, [20m, 40m, 60m, 80m]);

    public static TheoryData<string, EntryKind, decimal> PoisonDrafts => new()
    {
        { "K", EntryKind.Increment, Huge },
        { "K", EntryKind.Correction, -Huge },
        { "K", EntryKind.Increment, decimal.MaxValue },
        { "K", EntryKind.Increment, 1_000_000_000_001m },
        { "P", EntryKind.Level, 1001m },
        { "P", EntryKind.Level, Huge },
        { "P", EntryKind.Correction, decimal.MaxValue },
        { "P", EntryKind.Level, 0.0000001m },
    };

    [Theory]
    [MemberData(nameof(PoisonDrafts))]
    public void Rules_RefuseAValueBeyondTheBound_OnTheValueField_EvenWhenConfirmed(string code, EntryKind kind, decimal value)
    {
        var indicator = code == "K" ? People : Share;
        var draft = new RealisationDraft(indicator, 2025, 2, kind, value, new DateOnly(2025, 5, 10), null, null, "salah ketik angka", "Cuaca", Confirmed: true);

        var result = RealisationRules.Preview(draft, [], July10);

        Assert.False(result.CanSave);
        Assert.Contains(result.Issues, i => i.Field == RuleField.Value && !i.NeedsConfirmation);
        Assert.Null(result.After);
    }

    // ---- targets: plan editor, .xlsx/.csv import, plan JSON ----

    [Theory]
    [InlineData("Persentase", "1.500", false)]
    [InlineData("Persentase", "100", true)]
    [InlineData("Orang", "1.000.000.000.000", true)]
    [InlineData("Orang", "1.000.000.000.001", false)]
    public void EditorTargets_AreBoundedPerUnit(string unit, string target, bool ok)
    {
        var check = new IndicatorDraft("Indikator", unit, target, ["0", "0", "0", target]).Check();

        Assert.Equal(ok, check.Ok);
        if (!ok) Assert.NotNull(check.For(PlanFields.AnnualTarget));
    }

    [Fact]
    public void ImportedNumericCell_BeyondTheBound_IsAnErrorOnItsCell()
    {
        var grid = new SheetGrid("Lembar1",
        [
            new SheetRow(1, PlanGridParserTests.Header.Select(h => (SheetCell)h).ToArray()),
            new SheetRow(2, ["", "Tujuan 1 X", "Jumlah Y", "Orang", SheetCell.Of(Huge), SheetCell.Of(1m), SheetCell.Of(2m), SheetCell.Of(3m), SheetCell.Of(Huge), ""]),
        ]);

        var result = new PlanGridParser().Parse(grid, new PlanGridOptions(2026, "Dinas"));

        Assert.True(result.HasErrors);
        Assert.Contains(result.Issues, i => i.Severity == Dashboard.Domain.Checks.Severity.Error && i.Message.Contains("di luar batas"));
    }

    [Fact]
    public void PlanJson_TargetBeyondTheBound_IsRefused()
    {
        var json = """
            {"year":2026,"agency":"Dinas","title":"Renaksi","nodes":[{"code":"T1","level":"Tujuan","label":"Tujuan 1","title":"X",
             "indicators":[{"code":"T1.I1","name":"Y","unit":"Orang","target":6e26,"tw":[1,2,3,6e26]}],"children":[]}]}
            """;

        var e = Assert.Throws<PlanFormatException>(() => PlanJson.Read(json));
        Assert.Contains("di luar batas", e.Message);
    }

    // ---- evaluation never throws on stored data ----

    [Fact]
    public void StoredHugeValues_AreFlaggedCells_AndTheRestOfThePlanEvaluates()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan");
        var poisoned = Count("I-P", 40, 10, 20, 30, 40);
        var healthy = Count("I-H", 40, 10, 20, 30, 40);
        var maxed = Count("I-M", 40, 10, 20, 30, 40);
        var tinyTarget = new Indicator("I-T", "Target mikro", "Angka", 0.0000000000000000000001m, [0.0000000000000000000001m, 1m, 1m, 1m]);
        root.AddIndicator(poisoned);
        root.AddIndicator(healthy);
        root.AddIndicator(maxed);
        root.AddIndicator(tinyTarget);
        var plan = new Plan(Year, "Dinas", "", [root]);
        RealisationEntry[] entries =
        [
            Entry("I-P", 1, D(3, 1), Huge),
            Entry("I-P", 1, D(3, 2), Huge),
            Entry("I-H", 1, D(3, 1), 10m),
            Entry("I-M", 1, D(3, 1), decimal.MaxValue),
            Entry("I-M", 1, D(3, 2), decimal.MaxValue),
            Entry("I-T", 1, D(3, 1), 1_000_000m),
        ];

        var evaluation = new PlanEvaluation(plan, Dashboard.Tests.Domain.Status.FixedClock.Evaluator(2025, 11, 15), entries);

        Assert.Equal(StatusKind.Unevaluable, evaluation.For(poisoned, 1).Kind);
        Assert.Equal(StatusKind.Unevaluable, evaluation.For(poisoned, 4).Kind);
        Assert.Equal(StatusKind.Unevaluable, evaluation.For(maxed, 2).Kind);
        Assert.Equal(StatusKind.Unevaluable, evaluation.For(tinyTarget, 1).Kind);
        Assert.Equal("Nilai tidak wajar", evaluation.For(poisoned, 1).Tag.Label);
        Assert.Equal(100m, evaluation.For(healthy, 1).Capaian);
        var rollup = evaluation.For(root, 1);
        Assert.Equal(StatusKind.Unevaluable, rollup.Worst.Kind);
        Assert.Equal(100m, rollup.AverageCapaian);
        Assert.Equal(1, evaluation.Summary(1).PerBand[Band.SangatTinggi]);
    }

    [Fact]
    public void Rules_WithAPoisonedRowStored_StillCheckANewDraft()
    {
        var stored = new RealisationEntry("K", 1, new DateOnly(2025, 3, 1), decimal.MaxValue, DateTimeOffset.UnixEpoch, "x");
        var correction = new RealisationDraft(People, 2025, 1, EntryKind.Correction, -5m, new DateOnly(2025, 3, 2), null, null, "salah ketik", "Cuaca", true);

        var result = RealisationRules.Preview(correction, [stored, stored], July10);

        Assert.Equal(StatusKind.Unevaluable, result.After!.Kind);
    }
}
