using System.Text.Json;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.Domain.Numbers;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The offline entry page (/lapangan) in a real browser on a phone-size screen, with the network really cut.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FieldBrowserTests(BrowserFixture fixture)
{
    private const string Indicator = "T1.S1.P1.K1.SK1.I1"; // Orang, cumulative, petugas1's (T1.S1)
    private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientContains = new() { Timeout = 30_000 };

    /// <summary>Screenshots for looking at (not compared): the temp folder, copied to docs/screenshots by hand.</summary>
    private static string Shot(string name) => Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "renaksi-field-screens")).FullName, name);

    private async Task<(IBrowserContext Context, IPage Page)> OpenFieldPageAsync(string user = "petugas1")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await fixture.SignInAsync(page, user, "/lapangan");
        await page.WaitForURLAsync(url => url.EndsWith("/lapangan", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("field-source")).ToContainTextAsync("Data terbaru dari server", new() { Timeout = 30_000 });
        // The service worker has installed (the shell is cached) and controls the page.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        return (context, page);
    }

    private async Task<int> CountAsync(Func<RealisationRecord, bool>? where = null)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var rows = await db.Realisations.AsNoTracking().ToListAsync();
        return where is null ? rows.Count : rows.Count(where);
    }

    private async Task<decimal> ServerTotalAsync(int quarter)
    {
        var snapshot = (await fixture.App.Services.GetRequiredService<PlanReadModel>().GetAsync(2025))!;
        return snapshot.Evaluation.For(snapshot.Index.FindIndicator(Indicator)!, quarter).Realisation ?? 0;
    }

    private static async Task RecordAsync(IPage page, string value, string date)
    {
        await page.GetByTestId("field-indicator").SelectOptionAsync(Indicator);
        await page.GetByTestId("field-quarter").SelectOptionAsync("4");
        await page.GetByTestId("field-value").FillAsync(value);
        await page.GetByTestId("field-date").FillAsync(date);
        await page.GetByTestId("field-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-added")).ToContainTextAsync("Dicatat di antrean: " + value);
    }

    private static async Task GoOfflineAsync(IBrowserContext context)
    {
        await context.SetOfflineAsync(true);
        await context.RouteAsync("**/*", route => route.AbortAsync("internetdisconnected"));
        await context.RouteWebSocketAsync("**/*", ws => ws.CloseAsync());
    }

    private static async Task GoOnlineAsync(IBrowserContext context)
    {
        await context.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task Offline_ThreeValuesRecorded_ReloadStillOpens_OnlineTheyAreStoredOnce_AndTheHeadSeesThem()
    {
        var (context, page) = await OpenFieldPageAsync();
        var before = await CountAsync();
        var totalBefore = await ServerTotalAsync(4);

        await GoOfflineAsync(context);
        await RecordAsync(page, "3", "2025-11-10");
        await RecordAsync(page, "4", "2025-11-11");
        await RecordAsync(page, "5", "2025-11-12");
        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("3 menunggu dikirim", Patient);
        await page.GetByTestId("field-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-connection")).ToHaveTextAsync("Luring");

        // Reload without a connection: the service worker opens the page, the queue and the data are still on the phone.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("3 menunggu dikirim", Patient);
        await Assertions.Expect(page.GetByTestId("field-source")).ToContainTextAsync("Data tersimpan di ponsel");
        await Assertions.Expect(page.GetByTestId("field-item")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Shot("field-offline-360.png"), FullPage = true });
        Assert.Equal(before, await CountAsync());

        await GoOnlineAsync(context);
        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("0 menunggu dikirim", Patient);
        await Assertions.Expect(page.Locator("[data-testid=field-item][data-state=saved]")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("field-sent-360.png"), FullPage = true });
        Assert.Equal(before + 3, await CountAsync());
        Assert.Equal(3, await CountAsync(r => r.IdempotencyKey is not null && r.CapturedAt is not null && r.Date >= new DateOnly(2025, 11, 10) && r.Value is 3 or 4 or 5));
        Assert.Equal(totalBefore + 12, await ServerTotalAsync(4));

        // The head of agency's dashboard in another browser shows the new total.
        var dashboard = await fixture.OpenAsync("/?tw=4");
        await dashboard.GetByTestId("expand-all").ClickAsync();
        var cell = dashboard.Locator($"[data-testid=quarter-cell][data-indicator='{Indicator}'][data-quarter='4']");
        await Assertions.Expect(cell.Locator("[data-testid=cell-realisation]")).ToHaveTextAsync(IdNumber.Format(totalBefore + 12), Patient);

        // An answer lost on the way: the phone sends the same key again; the server stores nothing new.
        await page.EvaluateAsync(@"async () => {
            const q = await import('/lapangan/queue.js');
            const item = (await q.allItems())[0];
            item.state = 'pending';
            await q.putItem(item);
        }");
        await page.GetByTestId("field-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-queue")).ToContainTextAsync("Sudah tersimpan sebelumnya", PatientContains);
        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("0 menunggu dikirim", Patient);
        Assert.Equal(before + 3, await CountAsync());
        await context.CloseAsync();
        await dashboard.Context.CloseAsync();
    }

    [Fact]
    public async Task ExpiredSession_AsksToSignInAgain_AndTheQueueIsSentAfterwards()
    {
        var (context, page) = await OpenFieldPageAsync();
        var before = await CountAsync();

        // The sign-in cookie is gone (expired) while the officer records.
        await context.ClearCookiesAsync();
        await RecordAsync(page, "2", "2025-11-13");
        await Assertions.Expect(page.GetByTestId("field-session")).ToContainTextAsync("Sesi Anda berakhir", PatientContains);
        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("1 menunggu dikirim");
        Assert.Equal(before, await CountAsync());

        await page.GetByTestId("field-signin").ClickAsync();
        await page.Locator("#username").FillAsync("petugas1");
        await page.Locator("#password").FillAsync(Dashboard.App.Security.UserSetup.DemoAccounts.Single(a => a.UserName == "petugas1").Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/lapangan", StringComparison.Ordinal));

        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("0 menunggu dikirim", Patient);
        await Assertions.Expect(page.Locator("[data-testid=field-item][data-state=saved]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.Equal(before + 1, await CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task RefusedEntry_ShowsTheServersMessage_AndBadInputIsCaughtOnThePhone()
    {
        var (context, page) = await OpenFieldPageAsync();
        await page.GetByTestId("field-indicator").SelectOptionAsync(Indicator);
        await page.GetByTestId("field-quarter").SelectOptionAsync("4");

        // Checked on the phone with the server's rules: an English decimal, a negative increment, a date outside the quarter.
        await page.GetByTestId("field-value").FillAsync("4.25");
        await page.GetByTestId("field-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-value-error")).ToHaveTextAsync(IdNumber.Ambiguous);
        await page.GetByTestId("field-value").FillAsync("-2");
        await page.GetByTestId("field-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-value-error")).ToHaveTextAsync(Dashboard.Domain.Realisations.RuleMessages.NegativeIncrement);
        await page.GetByTestId("field-value").FillAsync("2");
        await page.GetByTestId("field-date").FillAsync("2025-08-01");
        await page.GetByTestId("field-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-date-error")).ToContainTextAsync("Tanggal di luar TW IV (1 Okt–31 Des 2025)");
        await Assertions.Expect(page.GetByTestId("field-pending")).ToHaveTextAsync("0 menunggu dikirim");

        // A closed quarter (TW II) is only known to the server for sure: the item shows its refusal, word for word.
        await page.GetByTestId("field-quarter").SelectOptionAsync("2");
        await page.GetByTestId("field-value").FillAsync("2");
        await page.GetByTestId("field-date").FillAsync("2025-05-05");
        await page.GetByTestId("field-submit").ClickAsync();
        var refused = page.Locator("[data-testid=field-item][data-state=refused]");
        await Assertions.Expect(refused).ToContainTextAsync("Pengisian TW II 2025 ditutup", PatientContains);
        await Assertions.Expect(refused).ToContainTextAsync("Ditolak");
        await context.CloseAsync();
    }

    [Fact]
    public async Task NumberParser_InTheBrowser_AgreesWithTheServersOnACorpus()
    {
        var (context, page) = await OpenFieldPageAsync();
        string[] corpus =
        [
            "1.234,5", "4,25", "4.25", "1,234.5", "1.234", "0,5", ",5", "5,", "1,2,3", "1,234,567", "1 234,5", "1 234.5", "-3", "\u22123", "+3",
            "12%", "7,1 %", "abc", "", "   ", "1.2345", "0.500", "1.000.000", "10000000000000", "1000000000000,1", "1000000000000",
            "1,1234567", "1,123456", "00012", "1.23.456", "1  234", "-0", "1\u00A0234", "1.234 567", "12,", "1.234,", "-", "%", "1e5", "0x10",
            "1.234.567,891", "999.999.999.999", "1.000.000.000.000", "1.000.000.000.001", "٣", "1,000", "0,125",
        ];
        var js = await page.EvaluateAsync<JsonElement>(@"async (corpus) => {
            const { parseIdNumber } = await import('/lapangan/idnumber.js');
            const data = await (await fetch('/api/v1/field')).json();
            return corpus.map(t => parseIdNumber(t, data.numbers));
        }", corpus);

        for (var i = 0; i < corpus.Length; i++)
        {
            var server = IdNumber.Parse(corpus[i]);
            var browser = js[i];
            Assert.True(server.Ok == browser.GetProperty("ok").GetBoolean(), $"'{corpus[i]}': server {server.Ok} {server.Error}, browser {browser}");
            if (server.Ok)
            {
                Assert.Equal(server.Value, decimal.Parse(browser.GetProperty("invariant").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Equal(server.Error, browser.GetProperty("error").GetString());
            }
        }
        await context.CloseAsync();
    }
}
