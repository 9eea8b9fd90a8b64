using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A dashboard left open across a server restart (the built app as a child process, SIGKILLed and started again on the
/// same address) comes back by itself and shows a value recorded after the restart.
/// </summary>
public sealed class RestartBrowserTests : IAsyncLifetime
{
    /// <summary>Persentase SDM koperasi yang kompeten (level), visible on the opened tree.</summary>
    private const string Indicator = "T1.S1.P1.I1";

    private readonly AppFactory _setup = new(environment: "Development", today: BrowserFixture.Today, sampleData: true);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _token = await _setup.UserWithTokenAsync("skrip", "Skrip Restart", Dashboard.Domain.Access.Roles.Planner);
        SqliteConnection.ClearAllPools();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await _setup.DisposeAsync();
    }

    [Fact]
    public async Task OpenDashboard_SurvivesAServerRestart_AndShowsAValueRecordedAfterIt()
    {
        var address = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}");
        var environment = new Dictionary<string, string?>(_setup.DatabaseEnvironment())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the plain build output serves MudBlazor's files in Development (STACK.md)
            ["Dashboard__Today"] = BrowserFixture.Today,
            ["Dashboard__Backup__Enabled"] = "false",
        };
        var url = address.ToString().TrimEnd('/');
        var app = AppProcess.Start(environment, address, "--urls", url);
        try
        {
            await app.WaitReadyAsync();
            var page = await (await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } })).NewPageAsync();
            await page.GotoAsync($"{url}/masuk?returnUrl=%2F%3Ftw%3D4");
            await page.Locator("#username").FillAsync("kadis");
            await page.Locator("#password").FillAsync(Dashboard.App.Security.UserSetup.DemoAccounts.Single(a => a.UserName == "kadis").Password);
            await page.GetByTestId("login-submit").ClickAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            var cell = page.Locator($"[data-testid=quarter-cell][data-indicator='{Indicator}'][data-quarter='4'] [data-testid=cell-realisation]");
            await Assertions.Expect(cell).ToBeVisibleAsync();
            var before = await cell.TextContentAsync();

            await page.EvaluateAsync("() => { window.__beforeRestart = true; }");
            var console = new List<string>();
            page.Console += (_, m) => console.Add(m.Text);
            app.Kill();
            await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
            await app.DisposeAsync();
            app = AppProcess.Start(environment, address, "--urls", url);
            await app.WaitReadyAsync();

            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Authorization = new("Bearer", _token);
            // The page comes back on its own (reconnect, rejected circuit, reload); then a value recorded now must appear.
            try
            {
                await page.WaitForFunctionAsync("() => window.__beforeRestart === undefined", null, new() { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                Assert.Fail("The page did not reload after the restart. Console:\n" + string.Join("\n", console));
            }
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 60_000 });
            var saved = await http.PostAsJsonAsync("/api/v1/realisations", new
            {
                year = 2025, indicatorCode = Indicator, quarter = 4, kind = "level", value = "60,75", date = "2025-11-15", confirm = true,
            });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

            Assert.NotEqual("60,75", before);
            await Assertions.Expect(cell).ToHaveTextAsync("60,75", new() { Timeout = 30_000 });
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
