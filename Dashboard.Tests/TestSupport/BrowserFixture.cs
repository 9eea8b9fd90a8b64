using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.TestSupport;

/// <summary>The app on a real port (Development, sample data, clock fixed in 2025) and Debian's Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Today = "2025-11-15";

    private IPlaywright? _playwright;

    public AppFactory App { get; } = new(kestrel: true, environment: "Development", today: Today, sampleData: true);
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Every browser test signs in from 127.0.0.1; the per-IP sign-in limit has its own tests.
        App.Settings["Dashboard:SignInLimits:PermitsPerMinute"] = "1000";
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = System.Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Signs in (a demo account, or any user when <paramref name="password"/> is given) in a new browser context, opens a path
    /// and waits until the circuit is interactive.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080, string user = "kadis", string? password = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, user, path, password);
        await WaitForInteractiveAsync(page);
        return page;
    }

    public async Task SignInAsync(IPage page, string user, string returnPath = "/", string? password = null)
    {
        password ??= Dashboard.App.Security.UserSetup.DemoAccounts.Single(a => a.UserName == user).Password;
        await page.GotoAsync($"{BaseUrl}/masuk?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
    }

    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=app-interactive][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
