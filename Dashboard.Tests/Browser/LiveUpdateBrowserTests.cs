using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OfficerRecordsOnPhone_OtherBrowsersDashboardUpdatesWithin2s_WithoutReload()
    {
        // B: the head of agency's dashboard, on a projector-size screen.
        var dashboard = await fixture.OpenAsync("/?tw=4");
        await dashboard.EvaluateAsync("() => { window.__noReload = 'still-here'; }");
        var cell = dashboard.Locator("[data-testid=quarter-cell][data-indicator='T1.S1.P1.I1'][data-quarter='4']");
        await Assertions.Expect(cell).ToBeVisibleAsync();
        Assert.NotEqual("61,5", await cell.Locator("[data-testid=cell-realisation]").TextContentAsync());
        await Assertions.Expect(dashboard.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "connected");

        // A: a field officer on a phone.
        var phone = await fixture.OpenAsync("/input?indikator=T1.S1.P1.I1&tw=4", 360, 800, user: "petugas1");
        await Assertions.Expect(phone.GetByTestId("officer-name")).ToContainTextAsync("Sri Lestari");
        await phone.Locator("#value-input").FillAsync("61,5");
        await Assertions.Expect(phone.GetByTestId("preview-status")).ToContainTextAsync("61,5");
        await phone.GetByTestId("save").ClickAsync();

        // B shows the new value, capaian and colour within 2 s, highlighted, with who recorded what.
        var fast = new LocatorAssertionsToHaveTextOptions { Timeout = 2000 };
        await Assertions.Expect(cell.Locator("[data-testid=cell-realisation]")).ToHaveTextAsync("61,5", fast);
        // 61,5 against the target pro-rated to 15 Nov (45 + 17 x 46/92 = 53,5) is 114,95 %: Sangat Tinggi, still running.
        await Assertions.Expect(cell.Locator("[data-testid=cell-capaian]")).ToHaveTextAsync("114,95%");
        await Assertions.Expect(cell.Locator("[data-testid=status-badge]")).ToHaveAttributeAsync("data-status", "Sangat Tinggi (berjalan)");
        await Assertions.Expect(cell.Locator("[data-testid=status-badge]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("status-green"));
        await Assertions.Expect(dashboard.Locator("[data-testid=row-indicator][data-code='T1.S1.P1.I1']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("row-flash"));
        await Assertions.Expect(dashboard.GetByTestId("live-feed")).ToContainTextAsync("Sri Lestari mencatat Persentase SDM koperasi yang memiliki kompetensi bidang perkoperasian TW IV");
        Assert.Equal("still-here", await dashboard.EvaluateAsync<string>("() => window.__noReload"));

        // The officer sees the save confirmed and the entry in the history.
        await Assertions.Expect(phone.GetByTestId("history-entry").First).ToContainTextAsync("61,5");
        await Assertions.Expect(phone.GetByTestId("current-realisation")).ToHaveTextAsync("61,5");
    }

    [Fact]
    public async Task AmbiguousNumber_IsRefusedNextToTheField_AndNothingIsSaved()
    {
        var phone = await fixture.OpenAsync("/input?indikator=T1.S1.P1.I1&tw=4", 360, 800, user: "petugas1");
        // Count once the history is on the page (entries or the empty note), not while it is still being read.
        await Assertions.Expect(phone.Locator("[data-testid=history-entry], [data-testid=history-empty]").First).ToBeVisibleAsync();
        var before = await phone.GetByTestId("history-entry").CountAsync();

        await phone.Locator("#value-input").FillAsync("4.25");
        await phone.GetByTestId("save").ClickAsync();

        await Assertions.Expect(phone.Locator(".mud-input-helper-text.mud-input-error, .mud-input-error").First).ToContainTextAsync("koma");
        await Assertions.Expect(phone.GetByTestId("history-entry")).ToHaveCountAsync(before);
    }
}
