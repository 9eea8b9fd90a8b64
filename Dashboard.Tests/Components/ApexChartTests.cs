using System.Text.Json.Nodes;
using Bunit;
using Dashboard.App.Components.Pages.Overview;
using Dashboard.App.Components.Shared.Charts;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components;

public sealed class ApexChartTests : BunitTestContext
{
    private const string ModulePath = "./Components/Shared/Charts/ApexChart.razor.js";

    private static readonly string[] Quarters = ["TW I", "TW II", "TW III", "TW IV"];

    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        _module = JSInterop.SetupModule(ModulePath);
        // create returns the chart handle that update and destroy take.
        _module.SetupModule(invocation => invocation.Identifier == "create");
    }

    private IRenderedComponent<ApexChart> RenderBar(IReadOnlyList<decimal?> values, object? options = null) =>
        Render<ApexChart>(p => p
            .Add(c => c.Type, ApexChartType.Bar)
            .Add(c => c.Title, "Rata-rata capaian per triwulan")
            .Add(c => c.Series, [new ApexChartSeries("Rata-rata capaian", values)])
            .Add(c => c.Categories, Quarters)
            .Add(c => c.Height, 220)
            .Add(c => c.ValueFormat, ApexNumberFormat.Percent)
            .Add(c => c.Options, options));

    private static JsonNode Json(object? argument) => JsonNode.Parse(Assert.IsAssignableFrom<JsonNode>(argument).ToJsonString())!;

    [Fact]
    public void FirstRender_CreatesChart_WithSeriesCategoriesAndIndonesianLocale()
    {
        RenderBar([80.5m, 95m, null, null], new { yaxis = new { max = 120 }, chart = new { toolbar = new { show = true } } });

        var create = Assert.Single(_module.Invocations["create"]);
        var options = Json(create.Arguments[1]);
        Assert.Equal("bar", (string?)options["chart"]!["type"]);
        Assert.Equal(220, (int)options["chart"]!["height"]!);
        Assert.Equal("id", (string?)options["chart"]!["defaultLocale"]);
        Assert.Equal("Rata-rata capaian", (string?)options["series"]![0]!["name"]);
        Assert.Equal("[80.5,95,null,null]", options["series"]![0]!["data"]!.ToJsonString());
        Assert.Equal("""["TW I","TW II","TW III","TW IV"]""", options["xaxis"]!["categories"]!.ToJsonString());
        Assert.Equal("id-ID", (string?)options["numberFormat"]!["locale"]);
        Assert.Equal("%", (string?)options["numberFormat"]!["suffix"]);
        // The Options escape hatch is deep-merged: new keys added, nested keys overridden, siblings kept.
        Assert.Equal(120, (int)options["yaxis"]!["max"]!);
        Assert.True((bool)options["chart"]!["toolbar"]!["show"]!);
        Assert.Equal("bar", (string?)options["chart"]!["type"]);
    }

    [Fact]
    public void SeriesChange_CallsUpdateWithTheNewSeriesOnly_AndNeverCreatesAgain()
    {
        var cut = RenderBar([80.5m, 95m, null, null]);

        cut.Render(p => p.Add(c => c.Series, [new ApexChartSeries("Rata-rata capaian", [80.5m, 97.25m, 60m, null])]));

        Assert.Single(_module.Invocations["create"]);
        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal("[80.5,97.25,60,null]", Json(update.Arguments[1])[0]!["data"]!.ToJsonString());
        Assert.Null(update.Arguments[2]);
    }

    [Fact]
    public void SameDataAgain_SendsNothing()
    {
        var cut = RenderBar([80.5m, 95m, null, null]);

        // New list instances with the same numbers, as a parent's re-render produces them.
        cut.Render(p => p.Add(c => c.Series, [new ApexChartSeries("Rata-rata capaian", [80.5m, 95m, null, null])]));
        cut.Render(p => p.Add(c => c.Categories, Quarters.ToArray()));

        Assert.Single(_module.Invocations["create"]);
        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public void OptionsChange_CallsUpdateWithTheNewOptions()
    {
        var cut = RenderBar([80.5m, 95m, null, null], new { yaxis = new { max = 120 } });

        cut.Render(p => p.Add(c => c.Options, new { yaxis = new { max = 220 } }));

        Assert.Single(_module.Invocations["create"]);
        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Null(update.Arguments[1]);
        var options = Json(update.Arguments[2]);
        Assert.Equal(220, (int)options["yaxis"]!["max"]!);
        Assert.Null(options["series"]);
    }

    [Fact]
    public async Task Dispose_DestroysTheChart()
    {
        RenderBar([80.5m, 95m, null, null]);

        await DisposeComponentsAsync();

        var destroy = Assert.Single(_module.Invocations["destroy"]);
        Assert.IsAssignableFrom<Microsoft.JSInterop.IJSObjectReference>(destroy.Arguments[0]);
    }

    [Fact]
    public void DataTable_HasEveryValueInIdFormat_AndAPlaceholderOfTheFinalHeight()
    {
        var cut = RenderBar([80.5m, 1234.25m, null, null]);

        Assert.Equal("Rata-rata capaian per triwulan", cut.Find("[data-testid=apex-chart]").GetAttribute("aria-label"));
        Assert.Contains("min-height: 220px", cut.Find(".apex-chart-canvas").GetAttribute("style"));
        var rows = cut.FindAll("[data-testid=apex-chart-data] tbody tr").Select(r => r.TextContent.Trim()).ToArray();
        Assert.Equal(["TW I80,5%", "TW II1.234,3%", "TW III–", "TW IV–"], rows);
    }

    [Fact]
    public void Donut_SendsPlainValuesAndLabels()
    {
        Render<ApexChart>(p => p
            .Add(c => c.Type, ApexChartType.Donut)
            .Add(c => c.Title, "Indikator per kriteria")
            .Add(c => c.Series, [new ApexChartSeries("Indikator", [3m, 1m, null])])
            .Add(c => c.Categories, ["Sangat Tinggi", "Tinggi", "Sedang"]));

        var options = Json(Assert.Single(_module.Invocations["create"]).Arguments[1]);
        Assert.Equal("donut", (string?)options["chart"]!["type"]);
        Assert.Equal("[3,1,0]", options["series"]!.ToJsonString());
        Assert.Equal("""["Sangat Tinggi","Tinggi","Sedang"]""", options["labels"]!.ToJsonString());
    }

    [Fact]
    public void CapaianCard_ChartsThePlansAverageCapaianPerQuarter_InBandColours()
    {
        var evaluation = new PlanEvaluation(SamplePlans.Small(), SamplePlans.EvaluatorAt(2025, 11, 15),
        [
            SamplePlans.Entry("T1.S1.P1.K1.SK1.I1", 1, 20m),  // TW I: 80 %
            SamplePlans.Entry("T1.I1", 1, 2.5m),              // TW I: 100 %  -> average 90 (Tinggi, green)
            SamplePlans.Entry("T1.I1", 2, 2.5m),              // TW II: 50 % (Sangat Rendah, red)
        ]);

        Render<QuarterCapaianCard>(p => p.Add(c => c.Evaluation, evaluation));

        var options = Json(Assert.Single(_module.Invocations["create"]).Arguments[1]);
        var data = options["series"]![0]!["data"]!.AsArray();
        Assert.Equal(4, data.Count);
        Assert.Equal(90m, (decimal)data[0]!);
        Assert.Equal(50m, (decimal)data[1]!);
        Assert.Equal("#1b5e20", (string?)options["colors"]![0]);
        Assert.Equal("#b71c1c", (string?)options["colors"]![1]);
        Assert.Equal(100, (int)options["annotations"]!["yaxis"]![0]!["y"]!);
    }
}
