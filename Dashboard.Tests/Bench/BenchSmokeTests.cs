using System.Text.Json;
using Dashboard.Bench;
using Xunit.Abstractions;

namespace Dashboard.Tests.Bench;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchCollection
{
    public const string Name = "bench";
}

/// <summary>
/// Runs every benchmark verb at tiny sizes so that the suite cannot rot: each must finish, write its JSON and markdown, and
/// report real numbers (and 0 lost writes). No timing is asserted.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class BenchSmokeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"renaksi-bench-smoke-{Guid.NewGuid():N}");
    private readonly StringWriter _log = new();

    [Fact]
    public async Task Fanout_delivers_every_write_to_every_client_of_the_app_and_of_the_bare_hub()
    {
        var row = Assert.Single((await RunAsync("fanout")).Rows("Commit → receipt (ms)"));
        Assert.Equal(5, Number(row, "connected"));
        Assert.Equal(0, Number(row, "missed"));
        Assert.Equal(0, Number(row, "bare missed"));
        foreach (var key in new[] { "p50", "p95", "p99", "max", "bare p50", "bare p99", "ratio p99", "POST→receipt p99" }) Positive(row, key);
    }

    [Fact]
    public async Task Circuits_measure_save_to_dom_in_every_page_and_memory_per_circuit_against_the_bare_page()
    {
        var report = await RunAsync("circuits");
        var row = Assert.Single(report.Rows("Save → DOM across every open dashboard (ms)"));
        Assert.Equal(2, Number(row, "dashboards"));
        Assert.Equal(0, Number(row, "missed"));
        foreach (var key in new[] { "p50", "p99", "working set MB", "GC heap MB" }) Positive(row, key);
        var memory = report.Rows("Server memory per circuit (slope after a forced full GC, KB per circuit)").ToList();
        Assert.Equal(["dashboard (signed in, real plan)", "bare Blazor Server counter"], memory.Select(r => (string)r["page"]!));
        // A slope over two points can be negative at tiny sizes: only that it is a number.
        Assert.All(memory, r => Assert.True(double.IsFinite(Number(r, "working set KB")) && double.IsFinite(Number(r, "GC heap KB"))));
    }

    [Fact]
    public async Task Bigplan_measures_the_real_and_a_synthetic_plan()
    {
        var rows = (await RunAsync("bigplan")).Rows("Big plans (ms unless stated)").ToList();
        Assert.Equal(["real Renaksi 2025", "synthetic 50"], rows.Select(r => (string)r["plan"]!));
        Assert.Equal([63, 50], rows.Select(r => (int)Number(r, "indicators")));
        Assert.All(rows, r =>
        {
            Assert.False(r.ContainsKey("note"), r.GetValueOrDefault("note") as string);
            foreach (var key in new[] { "entries", "TTFB", "DOMContentLoaded", "interactive", "expand Program", "live update (1 page)", "save→DOM p50", "CPU ms per write" }) Positive(r, key);
            Assert.Equal(2, Number(r, "pages open"));
        });
    }

    [Fact]
    public async Task Writes_loses_nothing_in_the_app_nor_in_the_bare_endpoint()
    {
        var rows = (await RunAsync("writes")).Rows("Acknowledged entries per second").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Positive(r, "acknowledged");
            Positive(r, "per s");
            Assert.Equal(0, Number(r, "refused"));
            Assert.Equal(Number(r, "acknowledged incl. prepared"), Number(r, "stored rows"));
            Assert.Equal(0, Number(r, "lost"));
            Assert.True((bool)r["totals equal"]!);
        });
        Positive(rows[0], "ratio");
    }

    [Fact]
    [Trait("Category", "Cluster")]
    public async Task Writes_OnTwoInstancesAndPostgres_LosesNothing()
    {
        var options = new BenchOptions
        {
            Tiny = true, OutDir = _out, Log = _log, Provider = "Postgres", Instances = 2,
            Postgres = Dashboard.Tests.TestSupport.TestDatabase.PostgresServer, Redis = Environment.GetEnvironmentVariable(Dashboard.Tests.TestSupport.TestDatabase.RedisVariable),
        };
        var row = Assert.Single((await RunAsync("writes", options, "writes-postgres")).Rows("Acknowledged entries per second"));
        Positive(row, "acknowledged");
        Assert.Equal(0, Number(row, "refused"));
        Assert.Equal(Number(row, "acknowledged incl. prepared"), Number(row, "stored rows"));
        Assert.Equal(0, Number(row, "lost"));
        Assert.True((bool)row["totals equal"]!);
    }

    private async Task<BenchReport> RunAsync(string verb, BenchOptions? options = null, string? file = null)
    {
        var report = Assert.Single(await BenchMain.RunAsync(verb, options ?? new BenchOptions { Tiny = true, OutDir = _out, Log = _log }));
        Assert.Equal(Path.Combine(_out, (file ?? verb) + ".json"), report.JsonPath);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report.JsonPath!));
        Assert.Equal(Environment.ProcessorCount, json.RootElement.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.NotEmpty(json.RootElement.GetProperty("tables").EnumerateObject());
        Assert.Contains("| ", await File.ReadAllTextAsync(report.MarkdownPath!));
        return report;
    }

    private static double Number(Dictionary<string, object?> row, string key)
    {
        Assert.True(row.TryGetValue(key, out var value) && value is not null, $"{key} missing in {string.Join(", ", row.Keys)}");
        return Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Positive(Dictionary<string, object?> row, string key)
    {
        var value = Number(row, key);
        Assert.True(double.IsFinite(value) && value > 0, $"{key} = {value}");
    }

    public void Dispose()
    {
        output.WriteLine(_log.ToString());
        try { Directory.Delete(_out, recursive: true); }
        catch (IOException) { }
    }
}
