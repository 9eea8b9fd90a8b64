using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// An admin uploads a small generated workbook as a new year, checks the preview and saves it; the dashboard then shows
/// that year. Shares the app with the other browser tests: it uses 2031, a year no other test touches.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanImportBrowserTests(BrowserFixture fixture)
{
    private const string Title = "Meningkatnya daya saing koperasi impor peramban";

    [Fact]
    public async Task Upload_Preview_Confirm_AsANewYear_ThenTheDashboardShowsIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"renaksi-2031-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, PlanFiles.SmallPlanXlsx(Title));
        try
        {
            var page = await fixture.OpenAsync("/rencana/impor", user: "admin");
            await Expect(page.GetByTestId("export-link-2025")).ToHaveAttributeAsync("href", "/rencana/2025/ekspor.xlsx");

            await page.Locator("#import-year").FillAsync("2031");
            await page.Locator("#import-year").PressAsync("Tab");
            // The year reached the server: the circuit (and the file input's script) is ready.
            await Expect(page.GetByTestId("import-form")).ToHaveAttributeAsync("data-year", "2031");
            await page.GetByTestId("import-file").SetInputFilesAsync(file);

            var preview = page.GetByTestId("import-preview");
            await Expect(preview).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(preview).ToHaveAttributeAsync("data-can-confirm", "true");
            await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Tahun 2031 · rencana baru");
            await Expect(page.GetByTestId("import-node-count")).ToHaveTextAsync("5");
            await Expect(page.GetByTestId("import-indicator-count")).ToHaveTextAsync("6");
            await Expect(page.Locator("[data-testid=level-count][data-level=SubKegiatan]")).ToContainTextAsync("1");
            await Expect(page.Locator("[data-testid=import-tree-node][data-code='T1.S1.P1.K1.SK1']")).ToContainTextAsync("Pelaksanaan pemeriksaan uji");

            await page.GetByTestId("import-confirm").ClickAsync();
            var outcome = page.GetByTestId("import-outcome");
            await Expect(outcome).ToHaveAttributeAsync("data-saved", "true");
            await Expect(outcome).ToContainTextAsync("Rencana 2031 disimpan: 5 node, 6 indikator.");
            await Expect(page.GetByTestId("import-confirm")).ToBeDisabledAsync();

            await page.GotoAsync($"{fixture.BaseUrl}/?tahun=2031");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("RENCANA AKSI TAHUN 2031");
            await Expect(page.GetByText(Title).First).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WorkbookWithTwoPlanSheets_ShowsSkippedRowsAndWhatWasDetected_AndTheOtherSheetCanBeChosen()
    {
        var file = Path.Combine(Path.GetTempPath(), $"renaksi-2032-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, PlanFiles.Xlsx(
            ("Renaksi", PlanFiles.GovernmentRenaksiWithSignature(), null),
            ("Matriks Renstra", PlanFiles.RenstraAnnualOnly(), null)));
        try
        {
            var page = await fixture.OpenAsync("/rencana/impor", user: "admin");
            await page.Locator("#import-year").FillAsync("2032");
            await page.Locator("#import-year").PressAsync("Tab");
            await Expect(page.GetByTestId("import-form")).ToHaveAttributeAsync("data-year", "2032");
            await page.GetByTestId("import-file").SetInputFilesAsync(file);

            await Expect(page.GetByTestId("import-preview")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(page.GetByTestId("import-indicator-count")).ToHaveTextAsync("9");
            await Expect(page.GetByTestId("import-skipped-row")).ToHaveCountAsync(6);
            await Expect(page.GetByTestId("import-skipped")).ToContainTextAsync("NIP. 19700101 199503 1 002");
            await Expect(page.GetByTestId("import-detected")).ToContainTextAsync("Tabel rencana dibaca dari lembar Renaksi (judul kolom di baris 4)");
            await Expect(page.Locator("[data-testid=import-issue][data-kind=error]")).ToHaveCountAsync(0);

            await page.GetByTestId("import-sheet").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Matriks Renstra" }).ClickAsync();

            await Expect(page.GetByTestId("import-indicator-count")).ToHaveTextAsync("4");
            await Expect(page.GetByTestId("import-node-count")).ToHaveTextAsync("6");
            await Expect(page.GetByTestId("import-annual-only")).ToContainTextAsync("4 indikator hanya bertarget tahunan");
            await Expect(page.GetByTestId("import-detected")).ToContainTextAsync("dibaca dari lembar Matriks Renstra");
            await Expect(page.GetByTestId("import-confirm")).ToBeEnabledAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ImportPage_IsForAdminsOnly()
    {
        var page = await fixture.OpenAsync("/rencana/impor", user: "perencana");

        await Expect(page.GetByTestId("import-file")).ToHaveCountAsync(0);
    }
}
