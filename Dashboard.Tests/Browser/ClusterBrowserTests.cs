using System.Net;
using System.Net.Http.Json;
using Dashboard.App.Data;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Two instances of the built app (child processes on two ports) on one PostgreSQL database and one Redis of the
/// test's own: the deployment of README "Several instances", without the load balancer.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Today = BrowserFixture.Today;

    /// <summary>Creates the database (migrations, plan, sample data, demo accounts) and the API token, then stays idle.</summary>
    public AppFactory Setup { get; } = new(environment: "Development", today: Today, sampleData: true, provider: DatabaseProvider.Postgres);
    public RedisProcess Redis { get; } = new();
    public AppProcess A { get; private set; } = default!;
    public AppProcess B { get; private set; } = default!;
    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Token = await Setup.UserWithTokenAsync("skrip", "Skrip Cluster", Dashboard.Domain.Access.Roles.Planner);
        await Redis.StartAsync();
        var environment = new Dictionary<string, string?>(Setup.DatabaseEnvironment())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the plain build output serves MudBlazor's files in Development (STACK.md)
            ["Redis__Configuration"] = Redis.Configuration,
            ["Dashboard__Today"] = Today,
            ["Dashboard__Backup__Enabled"] = "false",
            ["Dashboard__RateLimits__WritesPerMinute"] = "100000",
            ["Dashboard__SignInLimits__PermitsPerMinute"] = "1000",
        };
        // One after the other: the first creates the Data Protection key, the second reads it.
        A = AppProcess.StartOnFreePort(environment);
        await A.WaitReadyAsync();
        B = AppProcess.StartOnFreePort(environment);
        await B.WaitReadyAsync();
    }

    public HttpClient Client(AppProcess app)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        return http;
    }

    public async Task DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        await Redis.DisposeAsync();
        await Setup.DisposeAsync();
    }
}

[Trait("Category", "Cluster")]
public sealed class ClusterBrowserTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    /// <summary>Level indicators (Persentase) visible on the opened tree at TW IV.</summary>
    private const string Program = "T1.S1.P1.I1";
    private const string Sasaran = "T1.S1.I1";
    /// <summary>Paket, cumulative, every target 0: increments of 1 never turn red nor ask for confirmation.</summary>
    private const string Counted = "T2.S1.P1.K3.SK3.I1";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
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
    }

    [Fact]
    public async Task SaveOnA_ShowsOnBsDashboard_WithinTwoSeconds_AndARedisOutageLosesNothing()
    {
        var a = cluster.A.BaseAddress.ToString().TrimEnd('/');
        var b = cluster.B.BaseAddress.ToString().TrimEnd('/');
        using var onA = cluster.Client(cluster.A);
        using var onB = cluster.Client(cluster.B);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();

        // Signed in on A, then opened on B: B reads A's cookie (one Data Protection key ring in the database).
        await page.GotoAsync($"{a}/masuk?returnUrl=%2F");
        await page.Locator("#username").FillAsync("kadis");
        await page.Locator("#password").FillAsync(Dashboard.App.Security.UserSetup.DemoAccounts.Single(x => x.UserName == "kadis").Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        await page.GotoAsync($"{b}/?tw=4");
        Assert.DoesNotContain("/masuk", page.Url, StringComparison.Ordinal);
        await BrowserFixture.WaitForInteractiveAsync(page);
        var feed = page.GetByTestId("cluster-feed");
        await Assertions.Expect(feed).ToHaveAttributeAsync("data-feed", "up", new() { Timeout = 30_000 });

        // 1. A save on A reaches B's open dashboard.
        await PostLevelAsync(onA, Program, "91,25");
        await Assertions.Expect(Cell(page, Program)).ToHaveTextAsync("91,25", new() { Timeout = (float)Bound.TotalMilliseconds });

        // 2. Redis goes away: B says so; both instances still serve and record; B shows its own saves.
        cluster.Redis.Stop();
        await Assertions.Expect(feed).ToHaveAttributeAsync("data-feed", "down", new() { Timeout = 30_000 });
        await Assertions.Expect(feed).ToContainTextAsync("Server lain tidak tersambung");
        await PostLevelAsync(onA, Sasaran, "92,5");
        await PostLevelAsync(onB, Program, "93,75");
        await Assertions.Expect(Cell(page, Program)).ToHaveTextAsync("93,75", new() { Timeout = 10_000 });
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/health/ready")).StatusCode);

        // 3. Redis is back: B rebuilt its picture from the database (A's save during the outage) and follows A again.
        await cluster.Redis.StartAsync();
        await Assertions.Expect(feed).ToHaveAttributeAsync("data-feed", "up", new() { Timeout = 60_000 });
        await Assertions.Expect(Cell(page, Sasaran)).ToHaveTextAsync("92,5", new() { Timeout = 10_000 });
        await PostLevelAsync(onA, Program, "94,5");
        await Assertions.Expect(Cell(page, Program)).ToHaveTextAsync("94,5", new() { Timeout = (float)Bound.TotalMilliseconds });
    }

    [Fact]
    public async Task ConcurrentIncrements_OnBothInstances_AreAllStored_WithOneSequenceEach()
    {
        const int PerInstance = 20;
        using var onA = cluster.Client(cluster.A);
        using var onB = cluster.Client(cluster.B);
        var before = await StoredAsync();

        var saves = Enumerable.Range(0, PerInstance * 2).Select(async n =>
        {
            var response = await (n % 2 == 0 ? onA : onB).PostAsJsonAsync("/api/v1/realisations", new
            {
                year = 2025, indicatorCode = Counted, quarter = 4, kind = "increment", value = 1, date = "2025-11-15", note = $"paralel {n}",
            });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        var results = await Task.WhenAll(saves);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.Created, r.Body));
        var after = await StoredAsync();
        Assert.Equal(before.Count + PerInstance * 2, after.Count);
        Assert.Equal(after.Count, after.MaxSequence);
    }

    private async Task<(int Count, int MaxSequence)> StoredAsync()
    {
        await using var db = await cluster.Setup.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var rows = await db.Realisations.AsNoTracking()
            .Where(r => r.Quarter == 4 && db.Indicators.Any(i => i.Id == r.IndicatorId && i.Code == Counted))
            .Select(r => r.Sequence).ToListAsync();
        return (rows.Count, rows.Count == 0 ? 0 : rows.Max());
    }

    private static ILocator Cell(IPage page, string code) =>
        page.Locator($"[data-testid=quarter-cell][data-indicator='{code}'][data-quarter='4'] [data-testid=cell-realisation]");

    private static async Task PostLevelAsync(HttpClient http, string code, string value)
    {
        var response = await http.PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = code, quarter = 4, kind = "level", value, date = "2025-11-15", confirm = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{code} {value}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
