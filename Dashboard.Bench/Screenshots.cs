using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Regenerates docs/screenshots: the app in demo mode (Development, sample data, clock on 15 Nov 2025) on a throwaway
/// database, signed in as the demo accounts. Usage: dotnet run --project Dashboard.Bench -- screenshots
/// </summary>
internal static class Screenshots
{
    public static async Task<int> RunAsync(string outDir)
    {
        // Development: demo accounts and "Data contoh".
        await using var app = new BenchApp("Development");
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(outDir);

        async Task<IPage> SignedIn(string user, int width, int height, string path)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var password = Dashboard.App.Security.UserSetup.DemoAccounts.Single(a => a.UserName == user).Password;
            await page.GotoAsync($"{baseUrl}/masuk?returnUrl={Uri.EscapeDataString(path)}");
            await page.Locator("#username").FillAsync(user);
            await page.Locator("#password").FillAsync(password);
            await page.Locator("[data-testid=login-submit]").ClickAsync();
            await page.WaitForURLAsync(u => !u.Contains("/masuk", StringComparison.Ordinal));
            await page.Locator("[data-testid=app-interactive][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.WaitForTimeoutAsync(800);
            return page;
        }

        async Task Shot(IPage page, string name, bool full = false)
        {
            await page.WaitForTimeoutAsync(1500);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(outDir, name + ".png"), FullPage = full });
            Console.WriteLine($"{name}.png");
        }

        var login = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await login.GotoAsync(baseUrl + "/masuk");
        await Shot(login, "login");

        await Shot(await SignedIn("kadis", 1920, 1080, "/?tw=3"), "dashboard-1920");
        await Shot(await SignedIn("kadis", 360, 800, "/?tw=3"), "dashboard-phone-360");
        await Shot(await SignedIn("petugas1", 360, 800, "/input?indikator=T1.S1.P1.K1.SK1.I1&tw=4"), "input-phone-360", full: true);
        await Shot(await SignedIn("perencana", 1440, 900, "/pemeriksaan"), "plan-checks");

        // A decision of the TW II meeting, so the TW III deck opens with its follow-up slide.
        await app.Services.GetRequiredService<Dashboard.App.Meetings.DecisionService>().AddAsync(
            Dashboard.App.Security.ActingUser.Of("Rina Perencana", Dashboard.Domain.Access.Roles.Planner), 2025, "T1.S1.I1", 2,
            "Percepat penilaian kesehatan koperasi di 6 kecamatan", "Kabid Kelembagaan Koperasi", new DateOnly(2025, 9, 30));
        var meeting = await SignedIn("perencana", 1920, 1080, "/rapat?tahun=2025&tw=3");
        var seen = new HashSet<string>();
        var count = int.Parse((await meeting.Locator("[data-testid=slide-counter]").TextContentAsync())!.Split('/')[1].Trim());
        for (var i = 0; i < count; i++)
        {
            var kind = await meeting.Locator("[data-testid=slide]").GetAttributeAsync("data-slide") ?? "";
            var type = kind.Split('-')[0];
            Console.Error.WriteLine($"slide {i + 1}/{count}: {kind}");
            if (type == "node") type = "node-" + new[] { "tujuan", "sasaran", "program" }[Math.Min(kind.Count(c => c == '.'), 2)];
            if (seen.Add(type)) await Shot(meeting, "meeting-" + type);
            var counter = await meeting.Locator("[data-testid=slide-counter]").TextContentAsync();
            await meeting.Locator("[data-testid=meeting]").PressAsync("ArrowRight");
            if (i < count - 1) await Assertions.Expect(meeting.Locator("[data-testid=slide-counter]")).Not.ToHaveTextAsync(counter!);
        }
        return 0;
    }
}
