using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Dashboard.App.Data;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Tests.App.Operations;

/// <summary>
/// Nothing acknowledged is lost: 20 writers record through the API of the built app running as a child process, the
/// process is SIGKILLed mid-write, restarted, and every entry that got a 201 is in the database, which passes
/// <c>PRAGMA integrity_check</c>. Three rounds on the same database.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Paket, cumulative, every target 0: increments of 1 never turn red nor ask for confirmation.</summary>
    private const string Indicator = "T2.S1.P1.K3.SK3.I1";

    private const int Writers = 20;
    private const int Rounds = 3;
    /// <summary>Acknowledged writes per round before the kill: enough for writes to be in flight, a few seconds of work.</summary>
    private const int KillAfterAcks = 60;

    // SQLite's durability (WAL, synchronous=FULL) is what this proves: always on SQLite.
    private readonly AppFactory _setup = new(today: "2025-05-15", provider: Dashboard.App.Data.DatabaseProvider.Sqlite);
    private string _token = "";

    public async Task InitializeAsync() => _token = await _setup.UserWithTokenAsync("kilat", "Kilat", Roles.Planner);

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    private Dictionary<string, string?> Environment() => new()
    {
        ["ConnectionStrings__Dashboard"] = _setup.ConnectionString,
        ["Dashboard__Today"] = "2025-05-15",
        // The writers share one token: lift the per-user write limit for this test only.
        ["Dashboard__RateLimits__WritesPerMinute"] = "100000",
    };

    [Fact]
    public async Task KillDuringTwentyWriters_ThenRestart_EveryAcknowledgedEntryIsStored_ThreeRounds()
    {
        // The in-process host only created the database, user and token; it must not hold the file open for the child.
        SqliteConnection.ClearAllPools();
        var totals = (acked: 0, stored: 0);
        // Each restart after a kill is also the next round's server: recovery, checks, then writers again.
        var app = AppProcess.StartOnFreePort(Environment());
        try
        {
            await app.WaitReadyAsync();
            for (var round = 1; round <= Rounds; round++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var acknowledged = await WriteUntilKilledAsync(app, round);
                await app.DisposeAsync();

                // Restart on the same file: opening it replays the WAL; then compare with what the writers were told.
                app = AppProcess.StartOnFreePort(Environment());
                await app.WaitReadyAsync();
                using (var http = Client(app))
                {
                    Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/plans/2025")).StatusCode);
                }
                var stored = await StoredNotesAsync($"r{round}-");
                var missing = acknowledged.Except(stored).ToList();
                output.WriteLine($"round {round}: writers {Writers}, acknowledged {acknowledged.Count}, stored {stored.Count}, lost {missing.Count}, " +
                                 $"committed but unacknowledged (in flight at the kill) {stored.Count - acknowledged.Count}, {clock.Elapsed.TotalSeconds:0.0} s");
                Assert.Empty(missing);
                Assert.True(acknowledged.Count >= KillAfterAcks);
                // At most one write per writer can be committed and not yet acknowledged when the process dies.
                Assert.InRange(stored.Count - acknowledged.Count, 0, Writers);
                Assert.Equal("ok", await IntegrityAsync());
                totals = (totals.acked + acknowledged.Count, totals.stored + stored.Count);
            }
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
        output.WriteLine($"total over {Rounds} rounds: acknowledged {totals.acked}, stored {totals.stored}");
    }

    private HttpClient Client(AppProcess app)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", _token);
        return http;
    }

    /// <summary>20 writers post increments until <see cref="KillAfterAcks"/> were acknowledged; then SIGKILL while the rest are mid-request.</summary>
    private async Task<HashSet<string>> WriteUntilKilledAsync(AppProcess app, int round)
    {
        var acknowledged = new ConcurrentBag<string>();
        using var http = Client(app);
        using var enough = new CancellationTokenSource();
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 1; !enough.IsCancellationRequested; n++)
            {
                var note = $"r{round}-w{w}-n{n}";
                try
                {
                    var response = await http.PostAsJsonAsync("/api/v1/realisations", new
                    {
                        year = 2025, indicatorCode = Indicator, quarter = 2, kind = "increment", value = 1, date = "2025-05-12", note, confirm = true,
                    });
                    if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add(note);
                    else if (!app.HasExited) throw new InvalidOperationException($"{note}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    if (acknowledged.Count >= KillAfterAcks) enough.Cancel();
                }
                catch (HttpRequestException) when (app.HasExited || enough.IsCancellationRequested)
                {
                    return; // the server is gone: this write was never acknowledged
                }
                catch (TaskCanceledException) when (app.HasExited || enough.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();

        while (acknowledged.Count < KillAfterAcks && writers.Any(t => !t.IsCompleted)) await Task.Delay(5);
        app.Kill();
        enough.Cancel();
        await Task.WhenAll(writers);
        return acknowledged.ToHashSet();
    }

    private async Task<HashSet<string>> StoredNotesAsync(string prefix)
    {
        await using var db = await _setup.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var notes = await db.Realisations.AsNoTracking().Where(r => r.Note != null && r.Note.StartsWith(prefix)).Select(r => r.Note!).ToListAsync();
        Assert.Equal(notes.Count, notes.Distinct().Count());
        return notes.ToHashSet();
    }

    private async Task<string?> IntegrityAsync()
    {
        await using var connection = new SqliteConnection(_setup.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync();
    }
}

/// <summary>The durability settings are on every connection, not only the first one.</summary>
public sealed class SqlitePragmasTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(provider: Dashboard.App.Data.DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryNewConnection_HasWalFullSyncAndBusyTimeout()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        for (var i = 0; i < 3; i++)
        {
            // A fresh physical connection each time: the per-connection settings must be applied again.
            SqliteConnection.ClearAllPools();
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
            Assert.Equal((long)SqlitePragmas.BusyTimeoutMs, await ScalarAsync(connection, "PRAGMA busy_timeout"));
        }
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
