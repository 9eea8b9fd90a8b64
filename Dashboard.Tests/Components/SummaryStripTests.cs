using Bunit;
using Dashboard.App.Components.Pages.Overview;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components;

public sealed class SummaryStripTests : BunitTestContext
{
    [Fact]
    public void Summary_CountsIndicatorsPerBand_AndReportedShare()
    {
        var evaluation = new PlanEvaluation(SamplePlans.Small(), SamplePlans.EvaluatorAt(2025, 11, 15),
        [
            SamplePlans.Entry("T1.S1.P1.K1.SK1.I1", 1, 20m),  // 80 % Tinggi
            SamplePlans.Entry("T1.S1.P1.K1.I1", 1, 10m),      // 40 % Sangat Rendah
            SamplePlans.Entry("T1.I1", 1, 2.5m),              // 100 % Sangat Tinggi
        ]);

        var strip = Render<SummaryStrip>(p => p.Add(c => c.Summary, evaluation.Summary(1)));

        int Count(string band) => int.Parse(strip.Find($"[data-band={band}] [data-testid=summary-count]").TextContent);
        Assert.Equal(1, Count("SangatTinggi"));
        Assert.Equal(1, Count("Tinggi"));
        Assert.Equal(0, Count("Sedang"));
        Assert.Equal(1, Count("SangatRendah"));
        Assert.Contains("3 / 5", strip.Find("[data-testid=summary-reported]").TextContent);
        Assert.Contains("60,0%", strip.Find("[data-testid=summary-reported]").TextContent);
        Assert.Contains("2", strip.Find("[data-testid=summary-notreported]").TextContent);
        Assert.Contains("73,33%", strip.Find("[data-testid=summary-average]").TextContent);
    }
}
