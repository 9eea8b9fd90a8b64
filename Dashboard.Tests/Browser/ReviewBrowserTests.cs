using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Verification round trip between a field officer's phone and a planner's desk, then locking a quarter.
/// Shares the app with the other browser tests: it uses an indicator and a quarter (TW III) they do not touch.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewBrowserTests(BrowserFixture fixture)
{
    // Pertumbuhan volume usaha koperasi (Persentase, level): TW IV target 14, pro-rated to 15 Nov: 13. In petugas1's T1.S1.
    private const string Code = "T1.S1.P2.I1";

    [Fact]
    public async Task ReturnedWithReason_OfficerSeesItAndResubmits_PlannerVerifies_ThenALockedQuarterRefusesTheOfficer()
    {
        // The officer records TW IV on a phone.
        var phone = await fixture.OpenAsync($"/input?indikator={Code}&tw=4", 360, 800, user: "petugas1");
        await phone.Locator("#value-input").FillAsync("13,5");
        await Expect(phone.GetByTestId("preview-status")).ToContainTextAsync("13,5");
        await phone.GetByTestId("save").ClickAsync();
        await Expect(phone.GetByTestId("current-realisation")).ToHaveTextAsync("13,5");

        // The planner finds it waiting, with the figures and who recorded it.
        var desk = await fixture.OpenAsync("/verifikasi?tw=4", user: "perencana");
        var row = desk.Locator($"[data-testid=review-row][data-indicator='{Code}'][data-quarter='4']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("review-realisation")).ToHaveTextAsync("13,5");
        await Expect(row.GetByTestId("review-entry").First).ToContainTextAsync("Sri Lestari");
        await Expect(row.GetByTestId("status-badge")).ToHaveAttributeAsync("data-status", "Sangat Tinggi (berjalan)");

        // Returning needs a reason, said next to the field.
        await row.GetByTestId("return-button").ClickAsync();
        await row.GetByTestId("return-confirm").ClickAsync();
        await Expect(row.Locator(".mud-input-error").First).ToContainTextAsync("wajib");
        await row.Locator("[data-testid=return-form] textarea").FillAsync("Lampirkan notulen rapat anggota");
        await row.GetByTestId("return-confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        // The officer sees the reason on "Tugas saya" and on the input form.
        await phone.GotoAsync($"{fixture.BaseUrl}/tugas");
        await BrowserFixture.WaitForInteractiveAsync(phone);
        var task = phone.Locator($"[data-testid=task-returned][data-indicator='{Code}'][data-quarter='4']");
        await Expect(task.GetByTestId("task-reason")).ToContainTextAsync("Lampirkan notulen rapat anggota");
        await Expect(task.GetByTestId("task-reason")).ToContainTextAsync("Rina Perencana");
        await task.GetByTestId("task-link").ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("/input", StringComparison.Ordinal) && url.Contains("tw=4", StringComparison.Ordinal));
        await Expect(phone.GetByTestId("returned-reason")).ToContainTextAsync("Lampirkan notulen rapat anggota");

        // She records again; the planner's list shows it without a reload, and the planner verifies.
        await phone.Locator("#value-input").FillAsync("13,6");
        await Expect(phone.GetByTestId("preview-status")).ToContainTextAsync("13,6");
        await phone.GetByTestId("save").ClickAsync();
        await Expect(phone.GetByTestId("current-realisation")).ToHaveTextAsync("13,6");
        await Expect(phone.GetByTestId("returned-reason")).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("review-realisation")).ToHaveTextAsync("13,6");
        await row.GetByTestId("verify-button").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        // Verified figures are read-only for the officer.
        await phone.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(phone);
        await Expect(phone.GetByTestId("refusal")).ToContainTextAsync("sudah diverifikasi");
        await Expect(phone.GetByTestId("save")).ToBeDisabledAsync();

        // TW III's window closed on 10 Oct. The planner reopens it (a reason is required) ...
        await desk.GotoAsync($"{fixture.BaseUrl}/triwulan");
        await BrowserFixture.WaitForInteractiveAsync(desk);
        var tw3 = desk.Locator("[data-testid=quarter-card][data-quarter='3']");
        await Expect(tw3.GetByTestId("window-closes")).ToHaveTextAsync("10 Oktober 2025");
        await Expect(tw3.GetByTestId("quarter-phase")).ToHaveAttributeAsync("data-phase", "Closed");
        await tw3.GetByTestId("reopen-button").ClickAsync();
        await desk.GetByTestId("lock-confirm").ClickAsync();
        await Expect(desk.Locator(".mud-dialog .mud-input-error").First).ToContainTextAsync("wajib");
        await desk.Locator("#lock-reason").FillAsync("Data kecamatan baru masuk");
        await desk.GetByTestId("lock-confirm").ClickAsync();
        await Expect(tw3.GetByTestId("quarter-phase")).ToHaveAttributeAsync("data-phase", "Reopened");
        await Expect(tw3.GetByTestId("quarter-last-action")).ToContainTextAsync("Data kecamatan baru masuk");

        // ... so the officer may record TW III again ...
        await phone.GotoAsync($"{fixture.BaseUrl}/input?indikator={Code}&tw=3");
        await BrowserFixture.WaitForInteractiveAsync(phone);
        await Expect(phone.GetByTestId("indicator-status")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("refusal")).ToHaveCountAsync(0);

        // ... until the planner locks it: then the officer is refused with the lock message.
        await tw3.GetByTestId("lock-button").ClickAsync();
        await desk.Locator("#lock-reason").FillAsync("Rapat evaluasi TW III selesai");
        await desk.GetByTestId("lock-confirm").ClickAsync();
        await Expect(tw3.GetByTestId("quarter-phase")).ToHaveAttributeAsync("data-phase", "Locked");
        await phone.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(phone);
        await Expect(phone.GetByTestId("refusal")).ToContainTextAsync("TW III 2025 sudah dikunci oleh perencana");
        await Expect(phone.GetByTestId("save")).ToBeDisabledAsync();

        await phone.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }
}
