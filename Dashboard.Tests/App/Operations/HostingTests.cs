using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.App.Operations;

/// <summary>Health endpoints, structured write logs without secrets.</summary>
public sealed class HealthAndLogTests : IAsyncLifetime
{
    private readonly AppFactory _base = new(today: "2025-05-15");
    private readonly LogCollector _logs = new();
    private WebApplicationFactory<Program> _app = default!;

    public Task InitializeAsync()
    {
        _app = _base.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _base.DisposeAsync();
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsAnonymous_AndHealthy(string path)
    {
        var response = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhenTheDatabaseCannotBeRead()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"renaksi-broken-{Guid.NewGuid():N}.db");
        await using var app = _base.WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", "Sqlite").UseSetting("ConnectionStrings:Dashboard", $"Data Source={broken}"));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Overwrite the database with garbage: live still answers, ready does not.
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(broken + suffix);
        await File.WriteAllBytesAsync(broken, Enumerable.Repeat((byte)0x42, 8192).ToArray());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        File.Delete(broken);
    }

    [Fact]
    public async Task EveryWrite_IsLoggedWithUserAndIndicator_AndNoPasswordTokenOrCookieIsLogged()
    {
        const string password = "kata-sandi-rahasia-77";
        var token = await _base.UserWithTokenAsync("budi", "Budi", Roles.Planner);
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await _app.Services.GetRequiredService<Dashboard.App.Security.UserSetup>().CreateUserAsync("siti", "Siti", password, [Roles.Officer], "test");
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/masuk");
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        var signIn = await browser.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"), ["_handler"] = Hidden("_handler"),
            ["Input.UserName"] = "siti", ["Input.Password"] = password,
        }));
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("renaksi.auth=", StringComparison.Ordinal)).Split(';')[0]["renaksi.auth=".Length..];
        await browser.GetAsync("/");
        var saved = await http.PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = "T2.S1.P1.K3.SK3.I1", quarter = 2, kind = "increment", value = 3, date = "2025-05-12", confirm = true,
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var write = Assert.Single(_logs.Entries, e => e.Message.StartsWith("Realisasi dicatat", StringComparison.Ordinal));
        Assert.Equal("budi", write.State["User"]);
        Assert.Equal("T2.S1.P1.K3.SK3.I1", write.State["Indicator"]);
        Assert.Equal(2, write.State["Quarter"]);
        var all = string.Join("\n", _logs.Entries.Select(e => e.Message + " " + string.Join(" ", e.State.Values)));
        Assert.DoesNotContain(password, all);
        Assert.DoesNotContain(token, all);
        Assert.DoesNotContain(token["rk_".Length..], all);
        Assert.DoesNotContain(cookie, all);
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State);

    /// <summary>Every log entry with its structured properties.</summary>
    public sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                    : new Dictionary<string, object?>();
                owner.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception), values));
            }
        }
    }
}

/// <summary>Standard hosting conventions on the built app: ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS set the address, and the setup link names it.</summary>
public sealed class HostingAddressTests
{
    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    public async Task TheAddressComesFromTheEnvironment_AndTheSetupLinkUsesIt(string variable)
    {
        var port = AppProcess.FreePort();
        var db = Path.Combine(Path.GetTempPath(), $"renaksi-host-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Dashboard"] = $"Data Source={db}",
            [variable] = variable == "ASPNETCORE_URLS" ? $"http://127.0.0.1:{port}" : port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dashboard__Backup__Enabled"] = "false",
        };
        try
        {
            await using var app = AppProcess.Start(environment, new Uri($"http://127.0.0.1:{port}"));
            await app.WaitReadyAsync();

            var link = Regex.Match(app.Output, @"(http://\S+)/setup\?token=\S+");
            for (var i = 0; i < 50 && !link.Success; i++)
            {
                await Task.Delay(100);
                link = Regex.Match(app.Output, @"(http://\S+)/setup\?token=\S+");
            }
            Assert.True(link.Success, app.Output);
            Assert.EndsWith($":{port}", link.Groups[1].Value);
            Assert.DoesNotContain("5024", link.Groups[1].Value);
            await app.StopAsync();
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }
}
