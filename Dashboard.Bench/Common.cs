// Shared pieces of the benchmark verbs: options, the report (JSON + markdown), the machine description, statistics,
// bounded steps, the real app on Kestrel with a throwaway database, and Chromium.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>What a verb is asked to do: sizes (null: the verb's defaults), tiny sizes for the smoke test, where to write.</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<int>? Sizes { get; init; }
    public bool Tiny { get; init; }
    public string OutDir { get; init; } = "bench/results";
    /// <summary>Seconds of writing for <c>writes</c> (null: 30, tiny 2).</summary>
    public double? DurationSeconds { get; init; }
    /// <summary>Writes per measurement (null: the verb's default).</summary>
    public int? Writes { get; init; }
    public TextWriter Log { get; init; } = Console.Error;
    /// <summary><c>writes</c>: Sqlite (in-process app, default) or Postgres (the built app as <see cref="Instances"/> child processes).</summary>
    public string Provider { get; init; } = "Sqlite";
    /// <summary><c>writes</c> on PostgreSQL: how many app instances share the database (writers spread over them).</summary>
    public int Instances { get; init; } = 1;
    /// <summary>PostgreSQL server (no database; a fresh one is made and dropped). Default: RENAKSI_TEST_POSTGRES.</summary>
    public string? Postgres { get; init; }
    /// <summary>Redis for the live feed between the instances (optional). Default: RENAKSI_TEST_REDIS.</summary>
    public string? Redis { get; init; }

    public IReadOnlyList<int> SizesOr(IReadOnlyList<int> defaults, IReadOnlyList<int> tiny) => Sizes ?? (Tiny ? tiny : defaults);
}

/// <summary>One verb's result: the machine, notes, and rows of named values (numbers or text), written as JSON and markdown.</summary>
public sealed class BenchReport(string verb, string title)
{
    public string Verb { get; } = verb;
    public string Title { get; } = title;
    public MachineInfo Machine { get; } = MachineInfo.Capture();
    public string? LoadAverageAtEnd { get; set; }
    public bool Tiny { get; set; }
    public List<string> Notes { get; } = [];
    /// <summary>The tables: name → rows; each row maps a column to a number, text or null (not measured).</summary>
    public Dictionary<string, List<Dictionary<string, object?>>> Tables { get; } = [];
    public string? JsonPath { get; set; }
    public string? MarkdownPath { get; set; }

    public Dictionary<string, object?> AddRow(string table, Dictionary<string, object?> row)
    {
        if (!Tables.TryGetValue(table, out var rows)) Tables[table] = rows = [];
        rows.Add(row);
        return row;
    }

    public IEnumerable<Dictionary<string, object?>> Rows(string table) => Tables.TryGetValue(table, out var rows) ? rows : [];

    public async Task WriteAsync(string outDir)
    {
        LoadAverageAtEnd = MachineInfo.LoadAverage();
        Directory.CreateDirectory(outDir);
        JsonPath = Path.GetFullPath(Path.Combine(outDir, Verb + ".json"));
        MarkdownPath = Path.GetFullPath(Path.Combine(outDir, Verb + ".md"));
        var json = JsonSerializer.Serialize(new
        {
            verb = Verb, title = Title, tiny = Tiny, machine = Machine, loadAverageAtEnd = LoadAverageAtEnd, notes = Notes, tables = Tables,
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals });
        await File.WriteAllTextAsync(JsonPath, json);
        await File.WriteAllTextAsync(MarkdownPath, ToMarkdown());
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder().AppendLine($"# {Title} (`{Verb}`{(Tiny ? ", tiny sizes" : "")})").AppendLine();
        md.AppendLine($"Measured {Machine.DateUtc} UTC on {Machine.Cores} cores, {Machine.MemoryGiB:0.#} GiB, {Machine.Os}, {Machine.DotNet}.");
        md.AppendLine($"Load average (1/5/15 min) at start: {Machine.LoadAverageAtStart}; at end: {LoadAverageAtEnd}. Open-file limit: {Machine.OpenFileLimit}.");
        md.AppendLine("The machine is shared with other builds: the load average says how busy it was.").AppendLine();
        foreach (var (name, rows) in Tables)
        {
            md.AppendLine($"## {name}").AppendLine();
            var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
            md.AppendLine("| " + string.Join(" | ", columns) + " |");
            md.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
            foreach (var row in rows) md.AppendLine("| " + string.Join(" | ", columns.Select(c => Cell(row.GetValueOrDefault(c)))) + " |");
            md.AppendLine();
        }
        if (Notes.Count > 0)
        {
            md.AppendLine("## Notes").AppendLine();
            foreach (var note in Notes) md.AppendLine($"- {note}");
        }
        return md.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "–",
        double d when double.IsNaN(d) => "–",
        double d => d.ToString(Math.Abs(d) >= 100 ? "0" : "0.0##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!.Replace("|", "/"),
    };
}

public sealed record MachineInfo(int Cores, double MemoryGiB, string Os, string DotNet, string DateUtc, string LoadAverageAtStart, string OpenFileLimit)
{
    public static MachineInfo Capture() => new(Environment.ProcessorCount, MemoryGiBTotal(), RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription, DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), LoadAverage(),
        OpenFiles.Describe());

    public static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static double MemoryGiBTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d / 1024d;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024d / 1024d / 1024d;
        }
    }
}

/// <summary>The process's open-file limit: 5,000 WebSocket clients and their server ends need ~10,000 descriptors.</summary>
public static class OpenFiles
{
    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    private const int RlimitNoFile = 7;

    [DllImport("libc", SetLastError = true, EntryPoint = "getrlimit")]
    private static extern int GetRLimit(int resource, out RLimit limit);

    [DllImport("libc", SetLastError = true, EntryPoint = "setrlimit")]
    private static extern int SetRLimit(int resource, ref RLimit limit);

    public static (ulong Soft, ulong Hard)? Get()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { return GetRLimit(RlimitNoFile, out var l) == 0 ? (l.Current, l.Max) : null; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    /// <summary>Raises the soft limit to the hard limit (allowed without privileges); returns the soft limit now in force.</summary>
    public static ulong? RaiseToHard()
    {
        if (Get() is not { } l) return null;
        if (l.Soft >= l.Hard) return l.Soft;
        var wanted = new RLimit { Current = l.Hard, Max = l.Hard };
        try { SetRLimit(RlimitNoFile, ref wanted); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        return Get()?.Soft;
    }

    public static string Describe() => Get() is { } l ? $"{l.Soft} (hard {l.Hard})" : "unknown";
}

public static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100d * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static double Max(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Max();

    /// <summary>Least-squares slope of y against x.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2) return double.NaN;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return den == 0 ? double.NaN : points.Sum(p => (p.X - mx) * (p.Y - my)) / den;
    }

    public static double Round(double v, int digits = 1) => double.IsNaN(v) ? v : Math.Round(v, digits);
}

/// <summary>Progress lines with the verb and the elapsed time; every step runs under a timeout so a verb never hangs.</summary>
public sealed class Progress(string verb, TextWriter log)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Say(string message)
    {
        lock (log) log.WriteLine($"[{verb} {_clock.Elapsed:mm\\:ss}] {message}");
    }

    /// <summary>Runs a step with a timeout; on timeout or failure says so and returns false (the caller records it).</summary>
    public async Task<(bool Ok, string? Error)> StepAsync(string name, TimeSpan timeout, Func<CancellationToken, Task> step)
    {
        Say($"{name} …");
        using var cts = new CancellationTokenSource(timeout);
        var started = _clock.Elapsed;
        try
        {
            await step(cts.Token).WaitAsync(timeout + TimeSpan.FromSeconds(5));
            Say($"{name} done in {(_clock.Elapsed - started).TotalSeconds:0.0} s");
            return (true, null);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException || cts.IsCancellationRequested)
        {
            Say($"{name} TIMED OUT after {timeout.TotalSeconds:0} s");
            return (false, $"timed out after {timeout.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            Say($"{name} FAILED: {e.GetType().Name}: {e.Message}");
            return (false, $"failed: {e.GetType().Name}: {Shorten(e.Message)}");
        }
    }

    private static string Shorten(string s) => s.Length > 160 ? s[..160] + "…" : s.Replace('\n', ' ');
}

/// <summary>The real app on a free port with a throwaway database; clock on 15 Nov 2025 (TW IV running).</summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly string _db;
    private readonly string _environment;

    public BenchApp(string environment = "Production", string? databasePath = null)
    {
        _environment = environment;
        _db = databasePath ?? NewDatabasePath();
        UseKestrel(0);
    }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"renaksi-bench-{Guid.NewGuid():N}.db");

    public string DatabasePath => _db;

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Dashboard", $"Data Source={_db}");
        builder.UseSetting("Dashboard:Today", "2025-11-15");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The per-user write and upload limits protect people's screens from a runaway script; the bench is that script.
        builder.UseSetting("Dashboard:RateLimits:WritesPerMinute", "10000000");
        builder.UseSetting("Dashboard:RateLimits:UploadsPerMinute", "10000000");
        builder.UseSetting("Dashboard:SignInLimits:PermitsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase(_db);
    }

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(path + suffix); }
            catch (IOException) { }
        }
    }
}

/// <summary>A started <see cref="BenchApp"/> with a planner account ("bench") and its API token.</summary>
public sealed class BenchSession : IAsyncDisposable
{
    public const string User = "bench";
    public const string Password = "bench-password-2025";

    private BenchSession(BenchApp app, string token)
    {
        App = app;
        Token = token;
        Http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public BenchApp App { get; }
    public string Token { get; }
    public HttpClient Http { get; }
    public string BaseUrl => App.BaseUrl;

    public static async Task<BenchSession> StartAsync(string? databasePath = null)
    {
        var app = new BenchApp(databasePath: databasePath);
        try
        {
            app.StartServer();
            var created = await app.Services.GetRequiredService<Dashboard.App.Security.UserSetup>()
                .CreateUserAsync(User, "Bench", Password, [Dashboard.Domain.Access.Roles.Planner], "bench");
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            var (_, token) = await app.Services.GetRequiredService<Dashboard.App.Security.ApiTokenService>().CreateAsync(User, "bench", "bench");
            return new BenchSession(app, token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records through the real write path: <c>POST /api/v1/realisations</c>.</summary>
    public Task<HttpResponseMessage> PostAsync(string indicator, string kind, decimal value, CancellationToken ct, object? narrative = null) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(Http, "/api/v1/realisations", new
        {
            year = 2025, indicatorCode = indicator, quarter = 4, kind, value, date = "2025-11-15", confirm = true, narrative,
        }, ct);

    /// <summary>
    /// A first entry with a faktor penghambat, so that later entries pass the "red needs a penghambat" rule; confirms
    /// the over-200 % question. Call once per indicator.
    /// </summary>
    public async Task<decimal> PrepareAsync(string indicator, string kind, decimal value = 1, CancellationToken ct = default)
    {
        using var response = await PostAsync(indicator, kind, value, ct, new { drivers = "bench", obstacles = "bench", followUp = "bench", expectedVersion = 0 });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Preparing {indicator}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Debian's Chromium through Playwright, and signing in.</summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", "--disable-dev-shm-usage"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A new browser context signed in as the bench user; returns the first page, already on <paramref name="path"/> and interactive.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(string baseUrl, string path, float timeoutMs = 60_000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        context.SetDefaultTimeout(timeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/masuk?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("#username").FillAsync(BenchSession.User);
        await page.Locator("#password").FillAsync(BenchSession.Password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/masuk", StringComparison.Ordinal));
        await WaitInteractiveAsync(page, timeoutMs);
        return (context, page);
    }

    public static Task WaitInteractiveAsync(IPage page, float timeoutMs = 60_000) =>
        page.Locator("[data-testid=app-interactive][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeoutMs });

    /// <summary>The selector of an indicator's TW IV realisation cell on the dashboard.</summary>
    public static string CellSelector(string indicator) =>
        $"[data-testid=quarter-cell][data-indicator='{indicator}'][data-quarter='4'] [data-testid=cell-realisation]";

    /// <summary>The page notes the wall-clock time (ms) at which each text first appears in the cell.</summary>
    public static Task WatchCellAsync(IPage page, string selector) => page.EvaluateAsync(@"sel => {
        window.__seen = {};
        const note = () => {
            const el = document.querySelector(sel);
            if (el && !(el.textContent in window.__seen)) window.__seen[el.textContent] = Date.now();
        };
        note();
        new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    }", selector);

    /// <summary>Waits until the page has shown <paramref name="text"/> in the watched cell; the time it appeared (ms since epoch).</summary>
    public static async Task<long> SeenAsync(IPage page, string text, float timeoutMs)
    {
        await page.WaitForFunctionAsync("t => window.__seen[t] !== undefined", text, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 5 });
        return await page.EvaluateAsync<long>("t => window.__seen[t]", text);
    }

    public async ValueTask DisposeAsync()
    {
        try { await Browser.CloseAsync(); }
        catch (PlaywrightException) { }
        _playwright.Dispose();
    }
}

public static class Server
{
    /// <summary>Forces a full, compacting GC, then reads the process's working set and the GC heap (bytes).</summary>
    public static (double WorkingSet, double GcHeap) MemoryAfterFullGc()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
    }

    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static double NowMsPrecise() => UnixMs(DateTimeOffset.UtcNow);

    public static double UnixMs(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
}
