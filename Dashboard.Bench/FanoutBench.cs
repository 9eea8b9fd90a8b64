// fanout: N SignalR clients on /hubs/dashboard (API token, many connections in this process, SubscribeYear(2025)); a writer
// records through POST /api/v1/realisations; commit → receipt latency in every client. Baseline: a bare hub (no database,
// no domain) broadcasting the same payload shape to N clients, in the same run.
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

public static class FanoutBench
{
    public const string Indicator = "T1.S1.P1.I1";
    private const int Warmup = 3;

    public static async Task<BenchReport> RunAsync(BenchOptions o)
    {
        var report = new BenchReport("fanout", "Hub fan-out: commit → receipt in N SignalR clients") { Tiny = o.Tiny };
        var progress = new Progress("fanout", o.Log);
        var sizes = o.SizesOr([100, 1_000, 5_000], [5]);
        var writes = o.Writes ?? (o.Tiny ? 5 : 50);
        var limit = OpenFiles.RaiseToHard();
        progress.Say($"open-file limit {limit?.ToString() ?? "unknown"}; sizes {string.Join(",", sizes)}; {writes} writes each");

        await using var session = await BenchSession.StartAsync();
        await session.PrepareAsync(Indicator, "level");
        // Dashboard:Today shifts the app's clock by whole days: undo it to compare RecordedAt with this machine's clock.
        var shift = TimeSpan.FromMinutes(Math.Round((session.App.Services.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.UtcNow).TotalMinutes));
        await using var bare = await BareHubApp.StartNewAsync();
        var value = 50m;

        foreach (var n in sizes)
        {
            var row = report.AddRow("Commit → receipt (ms)", new() { ["clients"] = n });
            // Both ends of every connection live in this process, plus the server's own files and Chromium-free overhead.
            var needed = (ulong)(2 * n + 400);
            if (limit is { } soft && soft < needed)
            {
                row["note"] = $"not run: needs ~{needed} open files (client + server end per connection), limit {soft}";
                progress.Say((string)row["note"]!);
                continue;
            }

            var real = await MeasureAsync(progress, $"app N={n}", session.BaseUrl + Dashboard.App.Live.DashboardHub.Path, session.Token, n, writes, async ct =>
            {
                value += 0.25m;
                using var response = await session.PostAsync(Indicator, "level", value, ct);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("entryId").GetInt64();
            }, shift);
            var baseline = await MeasureAsync(progress, $"bare hub N={n}", bare.BaseUrl + BareHubApp.Path, null, n, writes, async ct =>
            {
                using var response = await bare.Http.PostAsync("/send", null, ct);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("entryId").GetInt64();
            }, TimeSpan.Zero);

            row["connected"] = real.Connected;
            row["writes"] = real.Post.Count;
            row["p50"] = Stats.Round(Stats.Median(real.FromCommit));
            row["p95"] = Stats.Round(Stats.Percentile(real.FromCommit, 95));
            row["p99"] = Stats.Round(Stats.Percentile(real.FromCommit, 99));
            row["max"] = Stats.Round(Stats.Max(real.FromCommit));
            row["missed"] = real.Missed;
            row["bare p50"] = Stats.Round(Stats.Median(baseline.FromCommit));
            row["bare p95"] = Stats.Round(Stats.Percentile(baseline.FromCommit, 95));
            row["bare p99"] = Stats.Round(Stats.Percentile(baseline.FromCommit, 99));
            row["bare max"] = Stats.Round(Stats.Max(baseline.FromCommit));
            row["bare missed"] = baseline.Missed;
            row["ratio p99"] = Stats.Round(Stats.Percentile(real.FromCommit, 99) / Stats.Percentile(baseline.FromCommit, 99), 2);
            row["POST→receipt p99"] = Stats.Round(Stats.Percentile(real.FromSend, 99));
            row["bare POST→receipt p99"] = Stats.Round(Stats.Percentile(baseline.FromSend, 99));
            row["POST p50"] = Stats.Round(Stats.Median(real.Post));
            row["connect s"] = Stats.Round(real.ConnectSeconds);
            if ((real.Error ?? baseline.Error) is { } error) row["note"] = error;
        }

        report.Notes.Add($"Commit → receipt: from the RecordedAt of the event (the app stamps it when the save starts, before the insert and commit; the bare hub when it broadcasts; the app's day-shifted clock corrected back) to the moment each client's handler runs, same machine clock; {writes} writes after {Warmup} warm-ups; every (write, client) pair counts. ratio p99 = app ÷ bare hub.");
        report.Notes.Add("POST→receipt: from just before the writer sends the POST, so it includes the whole save path (validation, access checks, entry + review + audit rows).");
        report.Notes.Add("Clients, the app and the bare hub run in this one process on loopback WebSockets (SkipNegotiation), so client work competes with the server for the same cores.");
        report.Notes.Add($"Writer: level values on {Indicator} TW IV through POST /api/v1/realisations (API token of a planner); bare hub: POST /send broadcasts a RealisationRecorded of the same shape.");
        report.Notes.Add("missed = (write, client) receipts that did not arrive within 30 s.");
        await report.WriteAsync(o.OutDir);
        return report;
    }

    private sealed record Measured(int Connected, List<double> FromSend, List<double> FromCommit, List<double> Post, int Missed, double ConnectSeconds, string? Error);

    private sealed class Arrivals(int expected)
    {
        private int _count;
        public ConcurrentBag<(double ReceivedMs, DateTimeOffset RecordedAt)> Times { get; } = [];
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(double receivedMs, DateTimeOffset recordedAt)
        {
            Times.Add((receivedMs, recordedAt));
            if (Interlocked.Increment(ref _count) >= expected) Done.TrySetResult();
        }
    }

    private static async Task<Measured> MeasureAsync(Progress progress, string name, string url, string? token, int n, int writes,
        Func<CancellationToken, Task<long>> write, TimeSpan shift)
    {
        var connections = new ConcurrentBag<HubConnection>();
        var arrivals = new ConcurrentDictionary<long, Arrivals>();
        var connected = 0;
        var fromSend = new List<double>();
        var fromCommit = new List<double>();
        var post = new List<double>();
        var missed = 0;
        string? error = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var connect = await progress.StepAsync($"{name}: connect {n} clients", TimeSpan.FromSeconds(60 + n * 0.1), async ct =>
        {
            using var gate = new SemaphoreSlim(32);
            var tasks = Enumerable.Range(0, n).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(url, HttpTransportType.WebSockets, options =>
                        {
                            options.SkipNegotiation = true;
                            if (token is not null) options.Headers["Authorization"] = $"Bearer {token}";
                        })
                        .Build();
                    connection.ServerTimeout = TimeSpan.FromMinutes(2);
                    connection.On<JsonElement>("RealisationRecorded", change =>
                    {
                        var received = Server.NowMsPrecise();
                        var id = change.GetProperty("entryId").GetInt64();
                        var at = change.GetProperty("recordedAt").GetDateTimeOffset();
                        arrivals.GetOrAdd(id, _ => new Arrivals(Volatile.Read(ref connected))).Add(received, at);
                    });
                    connections.Add(connection);
                    await connection.StartAsync(ct);
                    await connection.InvokeAsync("SubscribeYear", 2025, ct);
                    var done = Interlocked.Increment(ref connected);
                    if (done % Math.Max(1, n / 5) == 0) progress.Say($"{name}: {done}/{n} connected");
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(tasks);
        });
        var connectSeconds = clock.Elapsed.TotalSeconds;
        if (!connect.Ok) error = $"connect: {connect.Error} ({connected}/{n} connected)";

        if (connected > 0)
        {
            var run = await progress.StepAsync($"{name}: {writes} writes to {connected} clients", TimeSpan.FromSeconds(60 + writes * 30), async ct =>
            {
                for (var i = 0; i < Warmup + writes; i++)
                {
                    var sent = Server.NowMsPrecise();
                    var id = await write(ct);
                    var posted = Server.NowMsPrecise() - sent;
                    var waiter = arrivals.GetOrAdd(id, _ => new Arrivals(connected));
                    try { await waiter.Done.Task.WaitAsync(TimeSpan.FromSeconds(30), ct); }
                    catch (TimeoutException) { }
                    if (i < Warmup) continue;
                    var times = waiter.Times.ToArray();
                    missed += connected - times.Length;
                    fromSend.AddRange(times.Select(t => t.ReceivedMs - sent));
                    fromCommit.AddRange(times.Select(t => t.ReceivedMs - Server.UnixMs(t.RecordedAt - shift)));
                    post.Add(posted);
                    if ((i - Warmup + 1) % Math.Max(1, writes / 5) == 0) progress.Say($"{name}: write {i - Warmup + 1}/{writes}, p50 so far {Stats.Median(fromSend):0.0} ms");
                    await Task.Delay(20, ct);
                }
            });
            if (!run.Ok) error = (error is null ? "" : error + "; ") + $"writes: {run.Error}";
        }

        await progress.StepAsync($"{name}: disconnect", TimeSpan.FromSeconds(60), async _ =>
        {
            using var gate = new SemaphoreSlim(64);
            await Task.WhenAll(connections.Select(async c =>
            {
                await gate.WaitAsync();
                try { await c.DisposeAsync(); }
                finally { gate.Release(); }
            }));
        });
        return new Measured(connected, fromSend, fromCommit, post, missed, connectSeconds, error);
    }
}
