// writes --provider postgres --instances N: the same writers as `writes`, spread over N instances of the built app
// (child processes on their own ports) sharing one fresh PostgreSQL database (and Redis for the live feed when given);
// acknowledged entries per second, then the stored totals per indicator must equal the acknowledged ones (0 lost).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Dashboard.App.Data;
using Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Bench;

public static class ClusterWritesBench
{
    public static async Task<BenchReport> RunAsync(BenchOptions o)
    {
        var report = new BenchReport("writes-postgres", "Concurrent writers on several instances and PostgreSQL: acknowledged entries per second, 0 lost") { Tiny = o.Tiny };
        var progress = new Progress("writes-postgres", o.Log);
        var writers = o.Sizes?.FirstOrDefault() ?? (o.Tiny ? 4 : 20);
        var instances = Math.Max(1, o.Instances);
        var duration = TimeSpan.FromSeconds(o.DurationSeconds ?? (o.Tiny ? 2 : 30));
        var server = o.Postgres ?? throw new InvalidOperationException("--postgres \"Host=…;Username=…\" (or RENAKSI_TEST_POSTGRES) is needed for --provider postgres.");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = $"renaksi_bench_{Guid.NewGuid():N}" }.ToString();
        progress.Say($"{writers} writers for {duration.TotalSeconds:0.#} s on {instances} instance(s), PostgreSQL{(o.Redis is null ? "" : " + Redis")}");

        var environment = new Dictionary<string, string?>
        {
            ["Database__Provider"] = "Postgres", ["ConnectionStrings__Dashboard"] = database, ["Dashboard__Today"] = "2025-11-15",
            ["Dashboard__Backup__Enabled"] = "false", ["Dashboard__RateLimits__WritesPerMinute"] = "1000000",
            ["Redis__Configuration"] = o.Redis,
        };
        var apps = new List<ChildApp>();
        try
        {
            // The first instance migrates and seeds; the user and token come from the command line, as on a server.
            await RunCliAsync(environment, "create-user", "--username", BenchSession.User, "--role", Dashboard.Domain.Access.Roles.Planner, "--password", BenchSession.Password);
            var token = (await RunCliAsync(environment, "create-token", "--user", BenchSession.User, "--name", "bench")).Trim();
            for (var i = 0; i < instances; i++)
            {
                var app = ChildApp.Start(environment);
                apps.Add(app);
                await app.WaitReadyAsync();
            }
            var http = apps.Select(a =>
            {
                var client = new HttpClient { BaseAddress = a.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                client.DefaultRequestHeaders.Authorization = new("Bearer", token);
                return client;
            }).ToList();
            Task<HttpResponseMessage> Post(int instance, string code, decimal value, CancellationToken ct, object? narrative = null) =>
                http[instance].PostAsJsonAsync("/api/v1/realisations", new
                {
                    year = 2025, indicatorCode = code, quarter = 4, kind = "increment", value, date = "2025-11-15", confirm = true, narrative,
                }, ct);

            var plan = PlanSeeder.LoadBundledPlan();
            var cumulative = plan.AllIndicators().Where(i => i.Aggregation == Aggregation.Cumulative && i.AnnualTarget > 0).Select(i => i.Code).ToList();
            var shared = cumulative.TakeLast(2).ToArray();
            var distinct = cumulative.Take(Math.Max(1, cumulative.Count - 2)).ToArray();
            string Own(int writer) => distinct[writer % distinct.Length];
            var acked = new ConcurrentDictionary<string, long>();
            foreach (var code in Enumerable.Range(0, writers).Select(Own).Concat(shared).Distinct())
            {
                using var prepared = await Post(0, code, 1, default, new { drivers = "bench", obstacles = "bench", followUp = "bench", expectedVersion = 0 });
                if (!prepared.IsSuccessStatusCode) throw new InvalidOperationException($"Preparing {code}: {(int)prepared.StatusCode} {await prepared.Content.ReadAsStringAsync()}");
                acked.AddOrUpdate(code, 1, (_, v) => v + 1);
            }

            // Writer i posts to instance i mod N; half on its own indicator, half on two every writer shares (so the
            // instances collide on the same sequence numbers).
            var outcome = await WritesBench.RunWritersAsync(progress, $"{instances} instances", writers, duration, async (writer, k, ct) =>
            {
                var code = k % 2 == 0 ? Own(writer) : shared[k / 2 % 2];
                using var response = await Post(writer % instances, code, 1, ct);
                if (response.StatusCode != HttpStatusCode.Created) return ((int)response.StatusCode).ToString();
                acked.AddOrUpdate(code, 1, (_, v) => v + 1);
                return null;
            });

            var stored = new Dictionary<string, (long Rows, decimal Total)>();
            var check = await progress.StepAsync("read stored totals", TimeSpan.FromSeconds(60), async ct =>
            {
                var options = new DbContextOptionsBuilder<DashboardDbContext>();
                DatabaseProviders.Configure(options, DatabaseProvider.Postgres, database);
                await using var db = new PostgresDashboardDbContext(options.Options);
                var rows = await (from r in db.Realisations.AsNoTracking()
                                  join i in db.Indicators.AsNoTracking() on r.IndicatorId equals i.Id
                                  where r.Quarter == 4
                                  select new { i.Code, r.Value }).ToListAsync(ct);
                foreach (var g in rows.GroupBy(r => r.Code)) stored[g.Key] = (g.LongCount(), g.Sum(r => r.Value));
            });
            var ackedRows = acked.Values.Sum();
            var storedRows = stored.Values.Sum(s => s.Rows);
            var mismatched = acked.Count(a => !stored.TryGetValue(a.Key, out var s) || s.Rows != a.Value || s.Total != a.Value);
            report.AddRow("Acknowledged entries per second", new()
            {
                ["system"] = $"app × {instances} on PostgreSQL{(o.Redis is null ? "" : " + Redis feed")}", ["writers"] = writers, ["seconds"] = Stats.Round(outcome.Seconds, 1),
                ["acknowledged"] = outcome.Acknowledged, ["per s"] = Stats.Round(outcome.Acknowledged / outcome.Seconds), ["p50 ms"] = Stats.Round(Stats.Median(outcome.Latency)),
                ["p99 ms"] = Stats.Round(Stats.Percentile(outcome.Latency, 99)), ["refused"] = outcome.Refused, ["acknowledged incl. prepared"] = ackedRows,
                ["stored rows"] = check.Ok ? storedRows : null, ["lost"] = check.Ok ? Math.Max(0, ackedRows - storedRows) : null,
                ["totals equal"] = check.Ok ? mismatched == 0 : null, ["note"] = outcome.Note ?? check.Error,
            });
            foreach (var client in http) client.Dispose();
            report.Notes.Add($"The built app (Dashboard.App.dll, Production) as {instances} child process(es) on loopback ports, one fresh PostgreSQL database on {new NpgsqlConnectionStringBuilder(server).Host}:{new NpgsqlConnectionStringBuilder(server).Port}{(o.Redis is null ? "" : $", Redis {o.Redis} for the live feed")}; writer i posts to instance i mod {instances}.");
            report.Notes.Add("Same writers as `writes`: a planner's API token, increments of 1 on TW IV, alternately on the writer's own indicator and on one of two shared ones; each indicator first gets one prepared entry (counted as acknowledged).");
            report.Notes.Add("Stored totals: rows and sum per indicator for TW IV read back from PostgreSQL; 'lost' = acknowledged − stored rows.");
            report.Notes.Add("The PostgreSQL server's own settings apply (the test server of scripts/test-services.sh runs with fsync off: a throughput figure, not a durability one).");
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
                await admin.OpenAsync();
                await using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                progress.Say($"dropping the bench database failed: {e.Message}");
            }
        }
        await report.WriteAsync(o.OutDir);
        return report;
    }

    private static string AppDll => Path.Combine(AppContext.BaseDirectory, "Dashboard.App.dll");

    private static async Task<string> RunCliAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var info = Info(environment);
        info.ArgumentList.Add(AppDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args.Take(1))}: exit {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static ProcessStartInfo Info(Dictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }
        return info;
    }

    private sealed class ChildApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ChildApp(Process process, Uri address)
        {
            _process = process;
            BaseAddress = address;
        }

        public Uri BaseAddress { get; }

        public static ChildApp Start(Dictionary<string, string?> environment)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var address = new Uri($"http://127.0.0.1:{port}");
            var info = Info(environment);
            info.ArgumentList.Add(AppDll);
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(address.ToString().TrimEnd('/'));
            var process = new Process { StartInfo = info };
            var app = new ChildApp(process, address);
            process.OutputDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return app;
        }

        public async Task WaitReadyAsync()
        {
            using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{_output}");
                try
                {
                    if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(200);
            }
            throw new TimeoutException($"The app did not get ready at {BaseAddress}:\n{_output}");
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
