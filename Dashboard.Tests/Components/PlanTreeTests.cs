using Bunit;
using Dashboard.App.Components.Pages.Overview;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components;

public sealed class PlanTreeTests : BunitTestContext
{
    // 2025-11-15: TW I-III have ended, TW IV is in progress.
    private readonly PlanEvaluation _evaluation = new(SamplePlans.Small(), SamplePlans.EvaluatorAt(2025, 11, 15),
    [
        SamplePlans.Entry("T1.S1.P1.K1.SK1.I1", 1, 20m),   // 20 / 25 = 80 % -> Tinggi
        SamplePlans.Entry("T1.S1.P1.K1.SK1.I1", 2, 10m),   // 30 / 50 = 60 % -> Rendah
        SamplePlans.Entry("T1.S1.P1.K1.I1", 1, 10m),       // 10 / 25 = 40 % -> Sangat Rendah
        SamplePlans.Entry("T1.I1", 1, 2.5m),               // 100 % -> Sangat Tinggi
    ]);

    private IRenderedComponent<PlanTree> Tree(int initialDepth = 3, int focus = 1, string? filter = null) =>
        Render<PlanTree>(p => p
            .Add(c => c.Evaluation, _evaluation)
            .Add(c => c.InitialDepth, initialDepth)
            .Add(c => c.FocusQuarter, focus)
            .Add(c => c.Filter, filter));

    private static string[] NodeCodes(IRenderedComponent<PlanTree> tree) =>
        tree.FindAll("[data-testid=row-node]").Select(r => r.GetAttribute("data-code")!).ToArray();

    private static string[] IndicatorCodes(IRenderedComponent<PlanTree> tree) =>
        tree.FindAll("[data-testid=row-indicator]").Select(r => r.GetAttribute("data-code")!).ToArray();

    [Fact]
    public void InitialDepth_ExpandsUpToProgram_KegiatanCollapsed()
    {
        var tree = Tree();

        Assert.Equal(["T1", "T1.S1", "T1.S1.P1", "T1.S1.P1.K1"], NodeCodes(tree));
        Assert.Equal(["T1.I1", "T1.S1.I1", "T1.S1.P1.I1"], IndicatorCodes(tree));
        Assert.Equal("false", tree.Find("[data-code='T1.S1.P1.K1']").GetAttribute("data-expanded"));
    }

    [Fact]
    public void Collapsed_ClickOnToggle_ShowsItsIndicatorsAndChildren()
    {
        var tree = Tree();

        tree.Find("[data-code='T1.S1.P1.K1'] [data-testid=toggle]").Click();

        Assert.Contains("T1.S1.P1.K1.SK1", NodeCodes(tree));
        Assert.Contains("T1.S1.P1.K1.I1", IndicatorCodes(tree));
        Assert.Equal("true", tree.Find("[data-code='T1.S1.P1.K1']").GetAttribute("data-expanded"));
    }

    [Fact]
    public void Expanded_ClickOnToggle_HidesTheWholeSubtree()
    {
        var tree = Tree();

        tree.Find("[data-code='T1.S1'] [data-testid=toggle]").Click();

        Assert.Equal(["T1", "T1.S1"], NodeCodes(tree));
        Assert.Equal(["T1.I1"], IndicatorCodes(tree));
    }

    [Fact]
    public void ExpandAll_ShowsEveryNodeAndIndicator_CollapseAll_LeavesOnlyTujuan()
    {
        var tree = Tree(initialDepth: 1);

        tree.Find("[data-testid=expand-all]").Click();
        Assert.Equal(5, NodeCodes(tree).Length);
        Assert.Equal(5, IndicatorCodes(tree).Length);

        tree.Find("[data-testid=collapse-all]").Click();
        Assert.Equal(["T1"], NodeCodes(tree));
        Assert.Empty(IndicatorCodes(tree));
    }

    [Fact]
    public void Filter_MatchingDeepIndicator_KeepsAllItsAncestorsVisible()
    {
        var tree = Tree(initialDepth: 1, filter: "diperiksa");

        Assert.Equal(["T1", "T1.S1", "T1.S1.P1", "T1.S1.P1.K1", "T1.S1.P1.K1.SK1"], NodeCodes(tree));
        Assert.Equal(["T1.S1.P1.K1.SK1.I1"], IndicatorCodes(tree));
    }

    [Fact]
    public void Filter_MatchingNodeTitle_ShowsNodeAndAncestorsOnly()
    {
        var tree = Tree(filter: "PENGAWASAN");

        Assert.Equal(["T1", "T1.S1", "T1.S1.P1"], NodeCodes(tree));
        Assert.Empty(IndicatorCodes(tree));
        Assert.Contains("row-match", tree.Find("[data-code='T1.S1.P1']").ClassName);
    }

    [Fact]
    public void Filter_TypedInTheField_RaisesFilterChanged_AndNoMatchSaysSo()
    {
        string? raised = null;
        var tree = Render<PlanTree>(p => p
            .Add(c => c.Evaluation, _evaluation)
            .Add(c => c.FilterChanged, (string? v) => raised = v));

        tree.Find("input#tree-filter").Input("tidak ada yang cocok");

        tree.WaitForAssertion(() => Assert.Equal("tidak ada yang cocok", raised));
        Assert.Empty(NodeCodes(tree));
        Assert.Contains("Tidak ada baris yang cocok", tree.Find("[data-testid=tree-empty]").TextContent);
    }

    [Fact]
    public void IndicatorCell_ShowsRealisationOverTarget_CapaianInIdFormat_AndBandLabel()
    {
        var tree = Tree(initialDepth: 5);

        var tw2 = tree.Find("[data-testid=quarter-cell][data-indicator='T1.S1.P1.K1.SK1.I1'][data-quarter='2']");
        Assert.Equal("30", tw2.QuerySelector("[data-testid=cell-realisation]")!.TextContent);
        Assert.Contains("30 / 50", string.Join(' ', tw2.QuerySelector(".cell-figures")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("60%", tw2.QuerySelector("[data-testid=cell-capaian]")!.TextContent.Trim());
        var badge = tw2.QuerySelector("[data-testid=status-badge]")!;
        Assert.Equal("Rendah", badge.GetAttribute("data-status"));
        Assert.Contains("status-yellow", badge.ClassName);
        Assert.NotNull(badge.QuerySelector("svg"));
        Assert.Contains("Rendah", badge.TextContent);
    }

    [Fact]
    public void IndicatorCell_DecimalValues_UseDecimalComma()
    {
        var tree = Tree();

        var cell = tree.Find("[data-testid=quarter-cell][data-indicator='T1.I1'][data-quarter='1']");
        Assert.Equal("2,5", cell.QuerySelector("[data-testid=cell-realisation]")!.TextContent);
        Assert.Equal("Sangat Tinggi", cell.QuerySelector("[data-testid=status-badge]")!.GetAttribute("data-status"));
    }

    [Fact]
    public void QuarterWithoutRecording_ShowsNotReported_FutureQuarterInProgress()
    {
        var tree = Tree();

        Assert.Equal("Belum dilaporkan", tree.Find("[data-indicator='T1.S1.I1'][data-quarter='3'] [data-testid=status-badge]").GetAttribute("data-status"));
        Assert.Equal("Berjalan, belum ada data", tree.Find("[data-indicator='T1.S1.I1'][data-quarter='4'] [data-testid=status-badge]").GetAttribute("data-status"));
    }

    [Fact]
    public void NodeRow_ShowsAverageCapaianAndRedYellowCountsOfItsSubtree()
    {
        var tree = Tree();

        // TW I below Program 1: 40 % (Kegiatan) and 80 % (Sub Kegiatan) have a capaian -> 60 %; the Program's own
        // indicator was not reported, the Kegiatan's is Sangat Rendah, which is worse.
        var cell = tree.Find("[data-testid=rollup-cell][data-node='T1.S1.P1'][data-quarter='1']");
        Assert.Contains("60%", cell.QuerySelector("[data-testid=rollup-average]")!.TextContent);
        var badges = cell.QuerySelectorAll("[data-testid=status-badge]").Select(b => b.GetAttribute("data-status")!).ToArray();
        Assert.Equal(["Rendah"], badges);
        // Instead of a "worst" label: the Kegiatan's 40 % is red, the Sub Kegiatan's 80 % green, the unreported one neither.
        var alerts = cell.QuerySelector("[data-testid=rollup-alerts]")!;
        Assert.Equal(("1", "0"), (alerts.GetAttribute("data-red"), alerts.GetAttribute("data-yellow")));
        Assert.Equal("1 merah 0 kuning", System.Text.RegularExpressions.Regex.Replace(alerts.TextContent.Trim(), @"\s+", " "));
    }

    [Fact]
    public void NodeRow_CountsYellowBelow_AndSaysWhenNothingIsRedOrYellow()
    {
        var tree = Tree(initialDepth: 5);

        // The Sub Kegiatan's one indicator: 80 % (green) in TW I, 60 % (Rendah, yellow) in TW II.
        var q1 = tree.Find("[data-testid=rollup-cell][data-node='T1.S1.P1.K1.SK1'][data-quarter='1'] [data-testid=rollup-alerts]");
        Assert.Equal(("0", "0"), (q1.GetAttribute("data-red"), q1.GetAttribute("data-yellow")));
        Assert.Contains("tidak ada merah/kuning", q1.TextContent);
        var q2 = tree.Find("[data-testid=rollup-cell][data-node='T1.S1.P1.K1.SK1'][data-quarter='2'] [data-testid=rollup-alerts]");
        Assert.Equal(("0", "1"), (q2.GetAttribute("data-red"), q2.GetAttribute("data-yellow")));
        Assert.Contains("1 kuning", q2.TextContent);
    }

    [Fact]
    public void FocusQuarter_MarksThatColumn()
    {
        var tree = Tree(focus: 3);

        var headers = tree.FindAll("th.col-quarter");
        Assert.Equal(["q-other", "q-other", "q-focus", "q-other"], headers.Select(h => h.ClassList.Single(c => c.StartsWith("q-"))).ToArray());
    }

    [Fact]
    public void ALiveUpdate_RerendersOnlyTheChangedIndicatorRowAndItsAncestors()
    {
        var tree = Tree();
        tree.Find("[data-testid=expand-all]").Click();
        var indicatorRows = tree.FindComponents<IndicatorRow>().ToDictionary(r => r.Instance.Row.Key);
        var nodeRows = tree.FindComponents<NodeRow>().ToDictionary(r => r.Instance.Row.Key);
        var before = indicatorRows.ToDictionary(r => r.Key, r => r.Value.RenderCount);
        var nodesBefore = nodeRows.ToDictionary(r => r.Key, r => r.Value.RenderCount);

        const string code = "T1.S1.P1.K1.I1";
        var indicator = _evaluation.Plan.FindIndicator(code)!;
        var updated = _evaluation.With(indicator, [SamplePlans.Entry(code, 1, 10m), SamplePlans.Entry(code, 1, 12m)], SamplePlans.EvaluatorAt(2025, 11, 15));
        tree.Render(p => p.Add(c => c.Evaluation, updated));

        var rerendered = indicatorRows.Where(r => r.Value.RenderCount > before[r.Key]).Select(r => r.Key).ToArray();
        Assert.Equal([code], rerendered);
        var nodesRerendered = nodeRows.Where(r => r.Value.RenderCount > nodesBefore[r.Key]).Select(r => r.Key).Order().ToArray();
        Assert.Equal(indicator.AffectedCodes().Skip(1).Order().ToArray(), nodesRerendered);
        Assert.Contains("22", tree.Find($"[data-testid=quarter-cell][data-indicator='{code}'][data-quarter='1'] [data-testid=cell-realisation]").TextContent);
    }

    [Fact]
    public void ALongExpandedList_IsVirtualized_AShortOneIsNot()
    {
        Assert.Empty(Tree().FindComponents<Microsoft.AspNetCore.Components.Web.Virtualization.Virtualize<TreeRow>>());

        var big = SamplePlans.Synthetic(indicators: 400);
        var tree = Render<PlanTree>(p => p.Add(c => c.Evaluation, new PlanEvaluation(big, SamplePlans.EvaluatorAt(2025, 11, 15), [])).Add(c => c.InitialDepth, 5));

        Assert.Single(tree.FindComponents<Microsoft.AspNetCore.Components.Web.Virtualization.Virtualize<TreeRow>>());
    }
}
