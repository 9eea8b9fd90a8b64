// Save-to-screen latency: an integration POSTs a realisation; how long until an open dashboard in Chromium shows it?
// Usage: dotnet run --project Dashboard.Bench -c Release -- save-to-screen [--runs 20 --out bench/results]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Bench;

internal static class SaveToScreenBench
{
    public static async Task<int> RunAsync()
    {
        var runs = ArgValue("--runs", 20);
        var outDir = ArgText("--out") ?? FindRepoFile("bench/results");
        const int warmup = 3;
        const string indicator = "T1.S1.P1.I1";
        var id = new CultureInfo("id-ID");

        await using var app = new BenchApp();
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        // The API needs a token: a planner (records anywhere) created for this run.
        var created = await app.Services.GetRequiredService<Dashboard.App.Security.UserSetup>()
            .CreateUserAsync("bench", "Bench", "bench-password-2025", [Dashboard.Domain.Access.Roles.Planner], "bench");
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        var (_, token) = await app.Services.GetRequiredService<Dashboard.App.Security.ApiTokenService>().CreateAsync("bench", "bench", "bench");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await page.GotoAsync(baseUrl + "/masuk?returnUrl=%2F%3Ftw%3D4");
        await page.Locator("#username").FillAsync("bench");
        await page.Locator("#password").FillAsync("bench-password-2025");
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/masuk", StringComparison.Ordinal));
        await page.Locator("[data-testid=app-interactive][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var selector = $"[data-testid=quarter-cell][data-indicator='{indicator}'][data-quarter='4'] [data-testid=cell-realisation]";
        // The browser notes the wall-clock time at which each text first appears in the cell.
        await page.EvaluateAsync(@"sel => {
            window.__seen = {};
            new MutationObserver(() => {
                const el = document.querySelector(sel);
                if (el && !(el.textContent in window.__seen)) window.__seen[el.textContent] = Date.now();
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }", selector);

        var screen = new List<double>();
        var post = new List<double>();
        for (var i = 0; i < warmup + runs; i++)
        {
            var value = 50m + i * 0.25m;
            var text = value.ToString("#,##0.##", id);
            var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var clock = Stopwatch.StartNew();
            var response = await http.PostAsJsonAsync("/api/v1/realisations", new
            {
                year = 2025, indicatorCode = indicator, quarter = 4, kind = "level", value, date = "2025-11-15", 
            });
            var posted = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            await page.WaitForFunctionAsync("t => window.__seen[t] !== undefined", text, new PageWaitForFunctionOptions { Timeout = 10_000 });
            var seen = await page.EvaluateAsync<long>("t => window.__seen[t]", text);
            if (i < warmup) continue;
            screen.Add(seen - started);
            post.Add(posted);
        }

        var report = new StringBuilder()
            .AppendLine("# Save-to-screen latency")
            .AppendLine()
            .AppendLine($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {runs} runs after {warmup} warm-up runs.")
            .AppendLine("From just before `POST /api/v1/realisations` to the moment the open dashboard (Chromium, Blazor Server circuit) shows the new")
            .AppendLine("value in the indicator's cell (MutationObserver timestamp, same machine clock). SQLite file database, Production settings.")
            .AppendLine()
            .AppendLine("| measure | median ms | p90 ms | min ms | max ms |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(Row("POST -> dashboard shows value", screen))
            .AppendLine(Row("POST round trip (saved, published)", post))
            .AppendLine()
            .AppendLine($"Ratio screen / POST (medians): {Median(screen) / Median(post):0.00}")
            .AppendLine()
            .AppendLine("Raw (ms): " + string.Join(", ", screen.Select(v => v.ToString("0", CultureInfo.InvariantCulture))))
            .ToString();
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, "save-to-screen.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine(report);
        Console.WriteLine($"written to {file}");
        return 0;
    }

    static string Row(string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Median(values):0.0} | {sorted[(int)Math.Ceiling(sorted.Count * 0.9) - 1]:0.0} | {sorted[0]:0.0} | {sorted[^1]:0.0} |");
    }

    static double Median(List<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    static int ArgValue(string name, int fallback) => ArgText(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    static string? ArgText(string name)
    {
        var args = Environment.GetCommandLineArgs();
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return Path.Combine(dir.FullName, relative);
        }
        return relative;
    }
}

