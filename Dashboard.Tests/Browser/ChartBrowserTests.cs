using Dashboard.App.Components.Pages.Overview;
using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ChartBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CapaianChart_DrawsOneBarPerQuarter_WithIdNumbers_AndIndonesianLocale()
    {
        var page = await fixture.OpenAsync("/");
        var chart = page.Locator("[data-testid=capaian-card] [data-testid=apex-chart]");

        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(chart.Locator(".apexcharts-canvas svg.apexcharts-svg")).ToHaveCountAsync(1);
        await Assertions.Expect(chart.Locator(".apexcharts-series")).ToHaveCountAsync(1);
        // Demo data on 15 November 2025: every quarter has an average capaian, so four bars.
        await Assertions.Expect(chart.Locator(".apexcharts-series .apexcharts-bar-area")).ToHaveCountAsync(4);
        await Assertions.Expect(chart.Locator(".apexcharts-yaxis-annotations line")).ToHaveCountAsync(1);

        // The labels on the bars are the numbers of the hidden data table, both written the id-ID way (77,4%).
        var tableValues = await chart.Locator("[data-testid=apex-chart-data] tbody td").AllTextContentsAsync();
        var barLabels = await chart.Locator(".apexcharts-datalabels text").AllTextContentsAsync();
        Assert.Equal(tableValues, barLabels);
        Assert.All(tableValues, v => Assert.Matches(@"^\d{1,3}(\.\d{3})*(,\d)?%$", v));
        Assert.Contains("100%", await chart.Locator(".apexcharts-yaxis-label tspan").AllTextContentsAsync());

        var locale = await page.EvaluateAsync<string[]>(
            $"() => [window.Apex.chart.defaultLocale, ...window.Apex.chart.locales.map(l => l.name), ApexCharts.getChartByID('{QuarterCapaianCard.ChartId}').w.globals.locale.months[0]]");
        Assert.Equal("id", locale[0]);
        Assert.Contains("id", locale[1..^1]);
        Assert.Equal("Januari", locale[^1]);
    }

    [Fact]
    public async Task CapaianChart_IsNotRedrawnFromScratch_WhenTheQuarterFocusChanges()
    {
        var page = await fixture.OpenAsync("/");
        var chart = page.Locator("[data-testid=capaian-card] [data-testid=apex-chart]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await chart.Locator("svg.apexcharts-svg").EvaluateAsync("svg => svg.dataset.marked = 'yes'");

        await page.GetByTestId("focus-tw2").ClickAsync();

        await Assertions.Expect(page.GetByTestId("summary-strip")).ToHaveAttributeAsync("data-quarter", "2");
        await Assertions.Expect(chart.Locator("svg.apexcharts-svg[data-marked=yes]")).ToHaveCountAsync(1);
        await Assertions.Expect(chart.Locator(".apexcharts-bar-area")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task CapaianChart_FitsAPhone()
    {
        var page = await fixture.OpenAsync("/", 360, 800);
        var chart = page.Locator("[data-testid=capaian-card] [data-testid=apex-chart]");

        await Assertions.Expect(chart.Locator(".apexcharts-bar-area")).ToHaveCountAsync(4);
        var right = await chart.Locator("svg.apexcharts-svg").EvaluateAsync<double>("svg => svg.getBoundingClientRect().right");
        Assert.True(right <= 360, $"chart ends at {right}px");
    }
}
