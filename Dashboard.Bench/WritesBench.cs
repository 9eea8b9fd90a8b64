// writes: W concurrent writers for a while through POST /api/v1/realisations (cumulative increments on distinct and
// shared indicators); acknowledged entries per second; then the stored totals must equal the acknowledged ones.
// Baseline: a bare ASP.NET Core endpoint inserting the same row into its own SQLite file (WAL), same writers, same run.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Dashboard.App.Data;
using Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

public static class WritesBench
{
    public static async Task<BenchReport> RunAsync(BenchOptions o)
    {
        var report = new BenchReport("writes", "Concurrent writers: acknowledged entries per second, 0 lost") { Tiny = o.Tiny };
        var progress = new Progress("writes", o.Log);
        var writers = o.Sizes?.FirstOrDefault() ?? (o.Tiny ? 4 : 20);
        var duration = TimeSpan.FromSeconds(o.DurationSeconds ?? (o.Tiny ? 2 : 30));
        progress.Say($"{writers} writers for {duration.TotalSeconds:0.#} s on the app, then on the bare endpoint");

        await using var session = await BenchSession.StartAsync();
        var plan = (await session.App.Services.GetRequiredService<PlanRepository>().LoadAsync(2025))!.Plan;
        var cumulative = plan.AllIndicators().Where(i => i.Aggregation == Aggregation.Cumulative && i.AnnualTarget > 0).Select(i => i.Code).ToList();
        var shared = cumulative.TakeLast(2).ToArray();
        var distinct = cumulative.Take(Math.Max(1, cumulative.Count - 2)).ToArray();
        string Own(int writer) => distinct[writer % distinct.Length];
        var acked = new ConcurrentDictionary<string, long>();
        foreach (var code in Enumerable.Range(0, writers).Select(Own).Concat(shared).Distinct())
        {
            await session.PrepareAsync(code, "increment");
            acked.AddOrUpdate(code, 1, (_, v) => v + 1);
        }

        // The app: half of each writer's entries on its own indicator, half on two indicators every writer shares.
        var app = await RunWritersAsync(progress, "app", writers, duration, async (writer, k, ct) =>
        {
            var code = k % 2 == 0 ? Own(writer) : shared[k / 2 % 2];
            using var response = await session.PostAsync(code, "increment", 1, ct);
            if (response.StatusCode != System.Net.HttpStatusCode.Created) return ((int)response.StatusCode).ToString();
            acked.AddOrUpdate(code, 1, (_, v) => v + 1);
            return null;
        });

        var stored = new Dictionary<string, (long Rows, decimal Total)>();
        var check = await progress.StepAsync("app: read stored totals", TimeSpan.FromSeconds(60), async ct =>
        {
            await using var db = await session.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(ct);
            var rows = await (from r in db.Realisations.AsNoTracking()
                              join i in db.Indicators.AsNoTracking() on r.IndicatorId equals i.Id
                              where r.Quarter == 4
                              select new { i.Code, r.Value }).ToListAsync(ct);
            foreach (var g in rows.GroupBy(r => r.Code)) stored[g.Key] = (g.LongCount(), g.Sum(r => r.Value));
        });
        var ackedRows = acked.Values.Sum();
        var storedRows = stored.Values.Sum(s => s.Rows);
        var mismatched = acked.Count(a => !stored.TryGetValue(a.Key, out var s) || s.Rows != a.Value || s.Total != a.Value);

        // The bare endpoint: the same writers and spread of indicators (by number), one INSERT each, with the journal
        // settings the app's connections have (journal mode is kept in the file; synchronous and busy_timeout are per connection).
        var pragmas = await ReadPragmasAsync(session);
        report.Notes.Add($"SQLite settings read from an app connection and applied to the bare endpoint's: journal_mode={pragmas.Journal}, synchronous={pragmas.Synchronous}, busy_timeout={pragmas.BusyTimeout} ms.");
        await using var bare = await BareWritesApp.StartNewAsync($"PRAGMA synchronous={pragmas.Synchronous}; PRAGMA busy_timeout={pragmas.BusyTimeout};");
        long bareAcked = 0;
        for (var i = 0; i < 5; i++)
        {
            using var warm = await bare.Http.PostAsJsonAsync("/insert", new { indicatorId = 1, quarter = 4, value = 1m, date = "2025-11-15" });
            warm.EnsureSuccessStatusCode();
            bareAcked++;
        }
        var baseline = await RunWritersAsync(progress, "bare", writers, duration, async (writer, k, ct) =>
        {
            var id = k % 2 == 0 ? writer + 10 : 1 + k / 2 % 2;
            using var response = await bare.Http.PostAsJsonAsync("/insert", new { indicatorId = id, quarter = 4, value = 1m, date = "2025-11-15" }, ct);
            if (response.StatusCode != System.Net.HttpStatusCode.Created) return ((int)response.StatusCode).ToString();
            Interlocked.Increment(ref bareAcked);
            return null;
        });
        var bareStored = await bare.StoredAsync();

        var table = "Acknowledged entries per second";
        report.AddRow(table, new()
        {
            ["system"] = "app (POST /api/v1/realisations)", ["writers"] = writers, ["seconds"] = Stats.Round(app.Seconds, 1),
            ["acknowledged"] = app.Acknowledged, ["per s"] = Stats.Round(app.Acknowledged / app.Seconds), ["p50 ms"] = Stats.Round(Stats.Median(app.Latency)),
            ["p99 ms"] = Stats.Round(Stats.Percentile(app.Latency, 99)), ["refused"] = app.Refused, ["acknowledged incl. prepared"] = ackedRows, ["stored rows"] = check.Ok ? storedRows : null,
            ["lost"] = check.Ok ? Math.Max(0, ackedRows - storedRows) : null, ["totals equal"] = check.Ok ? mismatched == 0 : null,
            ["ratio"] = Stats.Round(app.Acknowledged / app.Seconds / (baseline.Acknowledged / baseline.Seconds), 3), ["note"] = app.Note ?? check.Error,
        });
        report.AddRow(table, new()
        {
            ["system"] = "bare endpoint (one INSERT)", ["writers"] = writers, ["seconds"] = Stats.Round(baseline.Seconds, 1),
            ["acknowledged"] = baseline.Acknowledged, ["per s"] = Stats.Round(baseline.Acknowledged / baseline.Seconds), ["p50 ms"] = Stats.Round(Stats.Median(baseline.Latency)),
            ["p99 ms"] = Stats.Round(Stats.Percentile(baseline.Latency, 99)), ["refused"] = baseline.Refused, ["acknowledged incl. prepared"] = bareAcked, ["stored rows"] = bareStored.Rows,
            ["lost"] = Math.Max(0, bareAcked - bareStored.Rows), ["totals equal"] = bareStored.Rows == bareAcked && bareStored.Total == bareAcked,
            ["ratio"] = 1.0, ["note"] = baseline.Note,
        });
        report.Notes.Add($"App: the real plan (bundled Renaksi 2025), a planner's API token, increments of 1 on TW IV; writer i writes alternately to its own indicator and to one of two shared ones ({shared.Length} shared, {distinct.Length} distinct cumulative indicators available).");
        report.Notes.Add("Every indicator first gets one prepared entry with a faktor penghambat (so the red-needs-penghambat rule does not refuse); these count as acknowledged (as do the bare endpoint's 5 warm-up inserts).");
        report.Notes.Add("Stored totals: rows and sum of values per indicator for TW IV read back from the app's SQLite file; 'lost' = acknowledged − stored rows; 'totals equal' compares every indicator.");
        report.Notes.Add("Bare: a minimal WebApplication, EF Core context with only the Realisations table (same columns and indexes), its own SQLite file in WAL mode (and the app's per-connection pragmas), one INSERT per request; ratio = app ÷ bare entries/s.");
        await report.WriteAsync(o.OutDir);
        return report;
    }

    private static async Task<(string Journal, long Synchronous, long BusyTimeout)> ReadPragmasAsync(BenchSession session)
    {
        await using var db = await session.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        async Task<string> Read(string pragma)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        return (await Read("journal_mode"), long.Parse(await Read("synchronous"), System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(await Read("busy_timeout"), System.Globalization.CultureInfo.InvariantCulture));
    }

    internal sealed record Outcome(long Acknowledged, long Refused, double Seconds, List<double> Latency, string? Note);

    /// <summary>Runs the writers until the time is up; each write returns null when acknowledged, else its status.</summary>
    internal static async Task<Outcome> RunWritersAsync(Progress progress, string name, int writers, TimeSpan duration,
        Func<int, int, CancellationToken, Task<string?>> write)
    {
        long acknowledged = 0, refused = 0;
        var latency = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var result = await progress.StepAsync($"{name}: {writers} writers for {duration.TotalSeconds:0.#} s", duration + TimeSpan.FromSeconds(90), async ct =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reporter = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && clock.Elapsed < duration)
                {
                    try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, duration.TotalSeconds / 5)), stop.Token); }
                    catch (OperationCanceledException) { break; }
                    progress.Say($"{name}: {Interlocked.Read(ref acknowledged)} acknowledged after {clock.Elapsed.TotalSeconds:0} s");
                }
            });
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var k = 0; clock.Elapsed < duration; k++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var status = await write(w, k, ct);
                    latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (status is null) Interlocked.Increment(ref acknowledged);
                    else
                    {
                        Interlocked.Increment(ref refused);
                        statuses.AddOrUpdate(status, 1, (_, v) => v + 1);
                    }
                }
            }, ct)));
            stop.Cancel();
            await reporter;
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var note = result.Error ?? (statuses.IsEmpty ? null : "refused: " + string.Join(", ", statuses.Select(s => $"{s.Value}× {s.Key}")));
        return new Outcome(acknowledged, refused, seconds, [.. latency], note);
    }
}
