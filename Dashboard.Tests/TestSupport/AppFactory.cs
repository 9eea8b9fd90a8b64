using System.Net;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.TestSupport;

/// <summary>The real app on a fresh SQLite file of its own; optionally on a real Kestrel port for browser tests.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _dbPath;

    /// <summary>A request with this header comes from that IP address (TestServer has none): "another client" in sign-in tests.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <param name="databasePath">Another app's database file (a restart); that app removes it, this one leaves it.</param>
    public AppFactory(bool kestrel = false, string environment = "Production", string? today = null, bool sampleData = false, string? databasePath = null)
    {
        _dbPath = databasePath ?? Path.Combine(Path.GetTempPath(), $"renaksi-test-{Guid.NewGuid():N}.db");
        OwnsDatabase = databasePath is null;
        Environment = environment;
        Today = today;
        SampleData = sampleData;
        if (kestrel) UseKestrel(0);
    }

    public string Environment { get; }
    public string? Today { get; }
    public bool SampleData { get; }
    /// <summary>Whether disposing removes the database file (false for a restart's first app, whose file the next one takes over).</summary>
    public bool OwnsDatabase { get; set; }

    public string DatabasePath => _dbPath;

    public string ConnectionString => $"Data Source={_dbPath}";

    /// <summary>This app's own evidence folder: never the developer's App_Data/evidence (the orphan sweep runs at start).</summary>
    public string EvidenceRoot { get; } = Path.Combine(Path.GetTempPath(), $"renaksi-test-evidence-{Guid.NewGuid():N}");

    /// <summary>More configuration, set before the first request (e.g. "Dashboard:SignInLimits:PermitsPerMinute").</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Dashboard", ConnectionString);
        builder.UseSetting("Dashboard:SampleData", SampleData ? "true" : "false");
        builder.UseSetting("Dashboard:Evidence:Root", EvidenceRoot);
        if (Today is not null) builder.UseSetting("Dashboard:Today", Today);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (ctx.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    ctx.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }

    public PlanRepository Plans => Services.GetRequiredService<PlanRepository>();

    /// <summary>Creates a user with one role (and optional assignments) and returns an API token for it.</summary>
    public async Task<string> UserWithTokenAsync(string userName, string displayName, string role, params string[] assignedCodes)
    {
        var setup = Services.GetRequiredService<Dashboard.App.Security.UserSetup>();
        var created = await setup.CreateUserAsync(userName, displayName, "rahasia-uji-123", [role], "test");
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        foreach (var code in assignedCodes) await setup.AssignAsync(userName, 2025, code, "test");
        var (_, token) = await Services.GetRequiredService<Dashboard.App.Security.ApiTokenService>().CreateAsync(userName, "uji", "test");
        return token;
    }

    /// <summary>An HTTP client that authenticates with the given API token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (OwnsDatabase) foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_dbPath + suffix); } catch (IOException) { }
        }
        try { if (Directory.Exists(EvidenceRoot)) Directory.Delete(EvidenceRoot, recursive: true); } catch (IOException) { }
    }
}
