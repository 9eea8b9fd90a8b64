using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class UsersBrowserTests(BrowserFixture fixture)
{
    // Under T1.S2 (Sasaran: Meningkatnya Pelaku Wirausaha) and under T1.S1 (Meningkatnya Koperasi Sehat).
    private const string UnderS2 = "T1.S2.P1.K1.SK1.I1";
    private const string UnderS1 = "T1.S1.P1.I1";

    [Fact]
    public async Task AdminCreatesOfficerAndAssignsT1S2_OfficerMayRecordUnderT1S2_ButNotUnderT1S1()
    {
        // The fixture's app and database are shared with other browser tests: a name of our own.
        var userName = $"uji-{Guid.NewGuid():N}"[..12];
        const string password = "petugas-uji-2025";
        var admin = await fixture.OpenAsync("/pengguna", user: "admin");

        await admin.GetByTestId("create-user").ClickAsync();
        await admin.Locator("#new-username").FillAsync(userName);
        await admin.Locator("#new-displayname").FillAsync("Petugas Uji Coba");
        await admin.Locator("#new-password").FillAsync("pendek");
        // The password rules' messages appear next to the field while typing.
        await Expect(admin.GetByTestId("create-user-dialog")).ToContainTextAsync("Kata sandi minimal 10 karakter.");
        await admin.Locator("#new-password").FillAsync(password);
        await Expect(admin.GetByTestId("create-user-dialog")).Not.ToContainTextAsync("Kata sandi minimal 10 karakter.");
        await admin.GetByTestId("create-user-submit").ClickAsync();

        var row = admin.Locator($"[data-testid=user-row][data-user='{userName}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("user-displayname")).ToHaveTextAsync("Petugas Uji Coba");
        await Expect(row.GetByTestId("role-chip")).ToHaveAttributeAsync("data-role", "Petugas");

        await row.GetByTestId("edit-assignments").ClickAsync();
        var dialog = admin.GetByTestId("assignment-dialog");
        await Expect(dialog.GetByTestId("covered-count")).ToHaveAttributeAsync("data-count", "0");
        await admin.Locator("#assign-search").FillAsync("T1.S2");
        await admin.Locator("[data-testid=assign-option][data-code='T1.S2']").ClickAsync();
        await Expect(dialog.GetByTestId("assign-preview")).ToContainTextAsync("Sasaran T1.S2 mencakup 9 indikator");
        await dialog.GetByTestId("assign-add").ClickAsync();
        await Expect(dialog.Locator("[data-testid=assignment-chip][data-code='T1.S2']")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("covered-count")).ToHaveAttributeAsync("data-count", "9");
        await admin.GetByTestId("assignment-done").ClickAsync();
        await Expect(row.Locator("[data-testid=user-assignment][data-code='T1.S2']")).ToBeVisibleAsync();

        // The officer, in a browser context of their own.
        var officer = await fixture.OpenAsync($"/input?indikator={UnderS2}&tw=4", 360, 800, user: userName, password: password);
        await Expect(officer.GetByTestId("officer-name")).ToContainTextAsync("Petugas Uji Coba");
        await Expect(officer.GetByTestId("indicator-status")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("save")).ToBeEnabledAsync();
        await Expect(officer.GetByTestId("refusal")).ToHaveCountAsync(0);

        await officer.GotoAsync($"{fixture.BaseUrl}/input?indikator={UnderS1}&tw=4");
        await BrowserFixture.WaitForInteractiveAsync(officer);
        await Expect(officer.GetByTestId("refusal")).ToContainTextAsync("tidak ditugaskan");
        await Expect(officer.GetByTestId("save")).ToBeDisabledAsync();
    }
}
