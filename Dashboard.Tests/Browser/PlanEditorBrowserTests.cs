using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PlanEditorBrowserTests(BrowserFixture fixture)
{
    // Persentase SDM koperasi yang memiliki kompetensi bidang perkoperasian: TW 0 15 45 62.
    private const string Kompetensi = "T1.S1.P1.I1";

    [Fact]
    public async Task AdminCopies2025To2026_EditsATwIITarget_ChecksRunWhileTyping_AndTheOpen2026DashboardShowsIt()
    {
        // The fixture's app is shared: 2026 is this test's own year (another test imports 2031).
        var editor = await fixture.OpenAsync("/rencana", user: "admin");
        await Expect(editor.GetByTestId("year-switcher")).ToHaveAttributeAsync("data-year", "2025");
        await Expect(editor.Locator($"[data-testid=outline-indicator][data-code='{Kompetensi}']")).ToBeVisibleAsync();

        await editor.GetByTestId("copy-year").ClickAsync();
        var dialog = editor.GetByTestId("copy-year-dialog");
        await Expect(dialog).ToContainTextAsync("rencana 2026");
        await editor.GetByTestId("copy-carry").ClickAsync();
        await editor.GetByTestId("copy-confirm").ClickAsync();
        await editor.WaitForURLAsync(url => url.Contains("tahun=2026", StringComparison.Ordinal));
        await Expect(editor.GetByTestId("year-switcher")).ToHaveAttributeAsync("data-year", "2026");
        var row = editor.Locator($"[data-testid=outline-indicator][data-code='{Kompetensi}']");
        await Expect(row.GetByTestId("outline-quarters")).ToHaveTextAsync("0 · 15 · 45 · 62");

        // The head of agency watches the 2026 dashboard meanwhile.
        var dashboard = await fixture.OpenAsync("/?tahun=2026&tw=2");
        await dashboard.GetByTestId("expand-all").ClickAsync();
        var target = dashboard.Locator($"[data-testid=quarter-cell][data-indicator='{Kompetensi}'][data-quarter='2'] .cell-target");
        await Expect(target).ToHaveTextAsync("15");

        await row.GetByTestId("select-row").ClickAsync();
        await Expect(editor.GetByTestId("edit-panel")).ToHaveAttributeAsync("data-selected", Kompetensi);
        var findings = editor.GetByTestId("selected-findings");
        await Expect(findings).ToHaveAttributeAsync("data-count", "0");

        // A cumulative target above the next quarter's is found while typing, before anything is saved ...
        await editor.Locator("#indicator-tw2").FillAsync("50");
        await Expect(findings.Locator("[data-testid=selected-finding][data-rule=RK01]")).ToBeVisibleAsync();
        // ... and an English decimal is refused next to the field.
        await editor.Locator("#indicator-tw2").FillAsync("17.5");
        await Expect(editor.Locator("[data-testid=field-Tw2] .mud-input-helper-text.mud-input-error")).ToContainTextAsync("koma");
        await editor.Locator("#indicator-tw2").FillAsync("17,5");
        await Expect(findings).ToHaveAttributeAsync("data-count", "0");
        await editor.GetByTestId("indicator-save").ClickAsync();

        await Expect(row.GetByTestId("outline-quarters")).ToHaveTextAsync("0 · 17,5 · 45 · 62");
        // The open dashboard reloads by itself.
        await Expect(target).ToHaveTextAsync("17,5", new LocatorAssertionsToHaveTextOptions { Timeout = 5000 });

        // 2025 keeps its target.
        await dashboard.GotoAsync($"{fixture.BaseUrl}/?tahun=2025&tw=2");
        await BrowserFixture.WaitForInteractiveAsync(dashboard);
        await dashboard.GetByTestId("expand-all").ClickAsync();
        await Expect(target).ToHaveTextAsync("15");
    }
}
