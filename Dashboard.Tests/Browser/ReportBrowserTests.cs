using ClosedXML.Excel;
using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>The print-ready evaluation report (/laporan) in Chromium, on screen and in print media. Reads only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Report_ListsEveryIndicator_AndPrintMediaHidesTheControlsAndAppBar()
    {
        var page = await fixture.OpenAsync("/laporan?tahun=2025&tw=3", user: "kadis");

        await Expect(page.GetByTestId("report-quarter-title")).ToHaveTextAsync("TRIWULAN III TAHUN 2025");
        await Expect(page.GetByTestId("report-indicator-row")).ToHaveCountAsync(63);
        await Expect(page.GetByTestId("report-node-row")).ToHaveCountAsync(57);
        // id-ID numbers: the annual target 7,1 of the first indicator (6th column).
        await Expect(page.Locator("[data-testid=report-indicator-row][data-code='T1.I1'] td").Nth(5)).ToHaveTextAsync("7,1");
        await Expect(page.GetByTestId("report-print")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-xlsx")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.GetByTestId("report-print")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("report-xlsx")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("report-toolbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("report-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-signatures")).ToContainTextAsync("Kepala Bappeda");
        Assert.Equal("table-header-group", await page.Locator("[data-testid=report-table] thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("avoid", await page.GetByTestId("report-indicator-row").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));
        var pageSize = await page.EvaluateAsync<string>("""
            () => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch { return []; } })
                .filter(r => r instanceof CSSPageRule).map(r => r.style.getPropertyValue('size')).join('|')
            """);
        Assert.Equal("a4 landscape", pageSize, ignoreCase: true);
    }

    [Fact]
    public async Task Report_StatusIsTextAndIcon_AndTheSignatureHasNoNip()
    {
        var page = await fixture.OpenAsync("/laporan?tahun=2025&tw=3", user: "perencana");

        var badges = page.Locator("[data-testid=report-indicator-row] [data-testid=predikat] [data-testid=status-badge]");
        await Expect(badges).ToHaveCountAsync(63);
        await Expect(badges.First.Locator("svg")).ToHaveCountAsync(1);
        Assert.False(string.IsNullOrWhiteSpace(await badges.First.Locator(".status-label").TextContentAsync()));
        var right = page.GetByTestId("signature-right");
        await Expect(right).ToContainTextAsync("Kepala Dinas Koperasi dan UKM Kabupaten Purbalingga");
        await Expect(right).ToContainTextAsync("Purbalingga, 15 November 2025");
        await Expect(page.GetByTestId("signature-left")).ToContainTextAsync("Mengetahui,");
        var signatures = await page.GetByTestId("report-signatures").InnerTextAsync();
        Assert.DoesNotMatch(@"\d{6,}", signatures);
        Assert.Contains("NIP.", signatures);
    }

    [Fact]
    public async Task DownloadButton_GivesTheXlsxOfTheChosenQuarter()
    {
        var page = await fixture.OpenAsync("/laporan?tahun=2025&tw=2", user: "kadis");
        await Expect(page.GetByTestId("report-quarter-title")).ToHaveTextAsync("TRIWULAN II TAHUN 2025");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());

        Assert.Equal("Evaluasi-Renaksi-2025-TW2.xlsx", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var book = new XLWorkbook(file);
        Assert.Equal(["Evaluasi E.81", "Monitoring Renaksi"], book.Worksheets.Select(w => w.Name));
        Assert.Equal("TRIWULAN II TAHUN 2025", book.Worksheet(1).Cell("A3").GetString());
    }

    [Fact]
    public async Task QuarterSelector_KeepsTheChoiceInTheAddress()
    {
        var page = await fixture.OpenAsync("/laporan?tahun=2025&tw=3", user: "kadis");
        await Expect(page.GetByTestId("report-quarter-title")).ToHaveTextAsync("TRIWULAN III TAHUN 2025");

        await page.GetByTestId("report-quarter").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "TW I (Jan–Mar)" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("tw=1", StringComparison.Ordinal) && url.Contains("tahun=2025", StringComparison.Ordinal));
        await Expect(page.GetByTestId("report-quarter-title")).ToHaveTextAsync("TRIWULAN I TAHUN 2025");
        await Expect(page.GetByTestId("report-xlsx")).ToHaveAttributeAsync("href", "/laporan/evaluasi.xlsx?tahun=2025&tw=1");
    }
}
