using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SessionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task LockingAUser_SendsTheirOpenPageToSignIn_AndTheirOldCookieToo()
    {
        // The fixture's app and database are shared with other browser tests: a user of our own.
        var userName = $"sesi-{Guid.NewGuid():N}"[..12];
        const string password = "perencana-sesi-2025";
        var created = await fixture.App.Services.GetRequiredService<UserSetup>().CreateUserAsync(userName, "Perencana Sesi", password, [Roles.Planner], "test");
        Assert.True(created.Succeeded);
        var planner = await fixture.OpenAsync("/verifikasi", user: userName, password: password);

        var admin = await fixture.OpenAsync("/pengguna", user: "admin");
        await admin.Locator($"[data-testid=user-row][data-user='{userName}']").GetByTestId("lock-user").ClickAsync();
        await Expect(admin.Locator($"[data-testid=user-row][data-user='{userName}']").GetByTestId("unlock-user")).ToBeVisibleAsync();

        // The open page re-checks its user every few seconds (Dashboard:Sessions:CircuitRevalidationSeconds, 5).
        await planner.WaitForURLAsync(url => url.Contains("/masuk", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        var fresh = await planner.Context.NewPageAsync();
        await fresh.GotoAsync(fixture.BaseUrl + "/verifikasi");
        Assert.Contains("/masuk", fresh.Url, StringComparison.Ordinal);
        await Expect(fresh.GetByTestId("login-form")).ToBeVisibleAsync();
    }
}
