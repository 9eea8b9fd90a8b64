using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Dashboard_ShowsTheWhole2025PlanTree_WithStatusCells()
    {
        var page = await fixture.OpenAsync("/");

        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("Rencana Aksi Tahun 2025");
        await Assertions.Expect(page.GetByTestId("sample-data")).ToBeVisibleAsync();
        await page.GetByTestId("expand-all").ClickAsync();

        await Assertions.Expect(page.GetByTestId("row-node")).ToHaveCountAsync(57);
        await Assertions.Expect(page.GetByTestId("row-indicator")).ToHaveCountAsync(63);
        // Every indicator row has four quarter cells, each with a status badge that has an icon and a label.
        await Assertions.Expect(page.Locator("[data-testid=quarter-cell] [data-testid=status-badge]")).ToHaveCountAsync(63 * 4);
        var firstBadge = page.Locator("[data-indicator='T1.I2'][data-quarter='1'] [data-testid=status-badge]");
        await Assertions.Expect(firstBadge.Locator("svg")).ToHaveCountAsync(1);
        Assert.False(string.IsNullOrWhiteSpace(await firstBadge.GetAttributeAsync("data-status")));
        // id-ID number format: the annual target 7,1 of the first indicator.
        await Assertions.Expect(page.Locator("[data-testid=row-indicator][data-code='T1.I1'] td.col-num")).ToHaveTextAsync("7,1");
        await Assertions.Expect(page.GetByTestId("summary-strip")).ToContainTextAsync("TW IV");
    }

    [Fact]
    public async Task Filter_KeepsAncestors_AndIsKeptInTheAddress()
    {
        var page = await fixture.OpenAsync("/");

        await page.Locator("input#tree-filter").FillAsync("SAKIP");

        await Assertions.Expect(page.GetByTestId("row-indicator")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=row-indicator]")).ToHaveAttributeAsync("data-code", "T2.S1.I1");
        var nodes = await page.GetByTestId("row-node").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        Assert.Equal(["T2", "T2.S1"], nodes);
        await page.WaitForURLAsync(url => url.Contains("cari=SAKIP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collapse_And_QuarterFocus_WorkByClicking()
    {
        var page = await fixture.OpenAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=row-node][data-code='T1.S1']")).ToHaveCountAsync(1);

        await page.Locator("[data-testid=row-node][data-code='T1'] [data-testid=toggle]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=row-node][data-code^='T1.']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=row-node][data-code='T1']")).ToHaveAttributeAsync("data-expanded", "false");
        await Assertions.Expect(page.Locator("[data-testid=row-node][data-code='T2.S1']")).ToHaveCountAsync(1);
        await page.GetByTestId("focus-tw2").ClickAsync();

        await Assertions.Expect(page.GetByTestId("plan-tree")).ToHaveAttributeAsync("data-focus", "2");
        await Assertions.Expect(page.GetByTestId("summary-strip")).ToHaveAttributeAsync("data-quarter", "2");
    }

    [Fact]
    public async Task Phone360_ShowsOnlyTheFocusedQuarter_WithoutSidewaysScrolling()
    {
        var page = await fixture.OpenAsync("/?tw=3", 360, 800);

        await Assertions.Expect(page.GetByTestId("plan-tree")).ToBeVisibleAsync();
        var visibleQuarterHeaders = await page.Locator("th.col-quarter").EvaluateAllAsync<string[]>(
            "hs => hs.filter(h => getComputedStyle(h).display !== 'none').map(h => h.textContent.trim())");
        Assert.Equal(["TW III"], visibleQuarterHeaders);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the phone");
        var cellRight = await page.EvaluateAsync<double>(
            "() => document.querySelector('[data-testid=quarter-cell]').getBoundingClientRect().right");
        Assert.True(cellRight <= 360, $"quarter cell ends at {cellRight}px");
    }

    [Fact]
    public async Task Projector1920_ShowsAllFourQuarters()
    {
        var page = await fixture.OpenAsync("/");

        var visibleQuarterHeaders = await page.Locator("th.col-quarter").EvaluateAllAsync<string[]>(
            "hs => hs.filter(h => getComputedStyle(h).display !== 'none').map(h => h.textContent.trim())");
        Assert.Equal(["TW I", "TW II", "TW III", "TW IV"], visibleQuarterHeaders);
        var fontSize = await page.Locator("table.plan-tree").EvaluateAsync<string>("t => getComputedStyle(t).fontSize");
        Assert.Equal("16px", fontSize);
    }

    [Fact]
    public async Task EnglishNumberFormat_CanBeChosen_AndIndonesianIsTheDefault()
    {
        var page = await fixture.OpenAsync("/");
        var target = page.Locator("[data-testid=row-indicator][data-code='T1.I1'] td.col-num");
        await Assertions.Expect(target).ToHaveTextAsync("7,1");

        await page.GotoAsync(fixture.BaseUrl + "/budaya/en-US?kembali=%2F");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(target).ToHaveTextAsync("7.1");

        await page.GotoAsync(fixture.BaseUrl + "/budaya/id-ID?kembali=https%3A%2F%2Fcontoh.invalid%2F");
        Assert.StartsWith(fixture.BaseUrl + "/", page.Url);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(target).ToHaveTextAsync("7,1");
    }
}
