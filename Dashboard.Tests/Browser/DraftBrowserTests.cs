using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>A half-typed entry survives the page going away (reload, server restart, lost circuit) and is saved only when the officer says so.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DraftBrowserTests(BrowserFixture fixture)
{
    /// <summary>Paket, cumulative, targets 0: an increment of 3 saves without confirmation or penghambat.</summary>
    private const string Path = "/input?indikator=T2.S1.P1.K3.SK3.I1&tw=4";

    [Fact]
    public async Task HalfTypedEntry_IsRestoredAfterTheCircuitIsLost_WithAReminderToSave_AndForgottenOnceSaved()
    {
        var page = await fixture.OpenAsync(Path, user: "perencana");
        await page.Locator("#value-input").FillAsync("3");
        await page.Locator("#note-input").FillAsync("Draf rapat di Kecamatan Rembang");
        await page.Locator("#note-input").PressAsync("Tab");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('renaksi-draf:') && localStorage.getItem(k).includes('Rembang'))");

        // The circuit and everything the server held for it is gone: a new page load, as after a restart.
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("draft-restored")).ToContainTextAsync("Simpan");
        await Assertions.Expect(page.Locator("#note-input")).ToHaveValueAsync("Draf rapat di Kecamatan Rembang");
        await Assertions.Expect(page.Locator("#value-input")).ToHaveValueAsync("3");

        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToContainTextAsync("Rembang");
        await page.WaitForFunctionAsync("() => !Object.keys(localStorage).some(k => k.startsWith('renaksi-draf:'))");
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#note-input")).ToHaveValueAsync("");
        Assert.Equal(0, await page.GetByTestId("draft-restored").CountAsync());
        await page.Context.CloseAsync();
    }
}
