using Dashboard.Domain.Checks;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Domain.Plans;

public sealed class PlanEditingRulesTests
{
    [Fact]
    public void NextNodeCode_FollowsTheHighestCodeEverUsedUnderTheParent()
    {
        string[] used = ["T1", "T1.S1", "T1.S1.P1", "T1.S1.P2", "T1.S1.P7", "T1.S1.P1.K1", "T1.S2.P9", "T1.S1.PX"];

        Assert.Equal("T1.S1.P8", PlanCodes.NextNode("T1.S1", NodeLevel.Program, used));
        Assert.Equal("T1.S1.K1", PlanCodes.NextNode("T1.S1", NodeLevel.Kegiatan, used));
        Assert.Equal("T1.S1.P1.K1.SK1", PlanCodes.NextNode("T1.S1.P1.K1", NodeLevel.SubKegiatan, used));
        Assert.Equal("T2", PlanCodes.NextNode(null, NodeLevel.Tujuan, used));
        Assert.Equal("T1.S1.I1", PlanCodes.NextIndicator("T1.S1", used));
        Assert.Equal("T1.S1.I3", PlanCodes.NextIndicator("T1.S1", ["T1.S1.I2"]));
        Assert.Equal(8, PlanCodes.Number("T1.S1.P8"));
    }

    [Fact]
    public void IndicatorDraft_ReadsTargetsStrictlyAsIndonesianNumbers()
    {
        var check = new IndicatorDraft("Nilai koperasi sehat", " Angka ", "1.234,5", ["0", "12,7", "4.25", "-3"]).Check();

        Assert.False(check.Ok);
        Assert.Equal(1234.5m, check.AnnualTarget);
        Assert.Equal(12.7m, check.QuarterTargets[1]);
        Assert.Equal(IdNumber.Ambiguous, check.For("Tw3"));
        Assert.Equal(IndicatorDraft.NegativeTarget, check.For("Tw4"));
        Assert.Null(check.For(PlanFields.AnnualTarget));
        Assert.Equal("Angka", check.Unit);
    }

    [Fact]
    public void IndicatorDraft_FromAnIndicator_RoundTripsExactly_AndNoticesAmbiguousThousands()
    {
        var indicator = new Indicator("T1.I1", "Nilai SAKIP", "Angka", 73.33m, [0m, 0m, 73.25m, 1234m]);

        var draft = IndicatorDraft.From(indicator);
        var check = draft.Check();

        Assert.Equal(["0", "0", "73,25", "1.234"], draft.QuarterTargets);
        Assert.True(check.Ok);
        Assert.Equal(indicator.QuarterTargets, check.QuarterTargets);
        Assert.Equal(73.33m, check.AnnualTarget);
        Assert.Contains("Dibaca sebagai 1.234", check.Notices["Tw4"]);
    }

    [Fact]
    public void IndicatorDraft_BlankQuarter_IsNoQuarterTarget_NotZero_AndRoundTrips()
    {
        var check = new IndicatorDraft("Jumlah koperasi sehat", "Unit", "12", ["", " ", "0", "12"]).Check();

        Assert.True(check.Ok);
        Assert.Equal(new decimal?[] { null, null, 0m, 12m }, check.QuarterTargets);
        var indicator = check.ToIndicator("T1.I1");
        Assert.Equal(new string?[] { "", "", "0", "12" }, IndicatorDraft.From(indicator).QuarterTargets);
    }

    [Fact]
    public void PlanPreview_ReplacesOneIndicator_SoTheChecksSeeTheTypedValues()
    {
        var plan = SamplePlans.Small();
        var before = new PlanChecker().Check(plan);
        var typed = new IndicatorDraft("Jumlah koperasi diperiksa", "Unit", "100", ["25", "50", "40", "100"]).Check().ToIndicator("T1.S1.P1.K1.SK1.I1");

        var preview = PlanPreview.WithIndicator(plan, typed);
        var after = new PlanChecker().Check(preview);

        Assert.DoesNotContain(before, f => f.RuleCode == PlanRules.DecreasingTargets);
        Assert.Contains(after, f => f.RuleCode == PlanRules.DecreasingTargets && f.IndicatorCode == "T1.S1.P1.K1.SK1.I1");
        Assert.Equal(plan.AllIndicators().Select(i => i.Code), preview.AllIndicators().Select(i => i.Code));
    }
}
