using System.Net;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.TestSupport;

/// <summary>The real app on a fresh database of its own (a SQLite file, or a PostgreSQL database when the suite runs on
/// PostgreSQL: <see cref="TestDatabase"/>); optionally on a real Kestrel port for browser tests.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _dbPath;
    private readonly string? _postgres;

    /// <summary>A request with this header comes from that IP address (TestServer has none): "another client" in sign-in tests.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <param name="provider">Null: the suite's provider; a test about one provider's behaviour (SQLite durability) names it.</param>
    /// <param name="databasePath">Another app's <see cref="DatabasePath"/> (a restart): its SQLite file or PostgreSQL database;
    /// that app removes it, this one leaves it (unless told to by <see cref="OwnsDatabase"/>).</param>
    public AppFactory(bool kestrel = false, string environment = "Production", string? today = null, bool sampleData = false,
        DatabaseProvider? provider = null, string? databasePath = null)
    {
        Provider = provider ?? TestDatabase.Provider;
        OwnsDatabase = databasePath is null;
        _dbPath = Provider == DatabaseProvider.Sqlite && databasePath is not null ? databasePath
            : Path.Combine(Path.GetTempPath(), $"renaksi-test-{Guid.NewGuid():N}.db");
        if (Provider == DatabaseProvider.Postgres) _postgres = databasePath ?? TestDatabase.NewPostgresDatabase();
        Environment = environment;
        Today = today;
        SampleData = sampleData;
        if (kestrel) UseKestrel(0);
    }

    public string Environment { get; }
    public string? Today { get; }
    public bool SampleData { get; }
    public DatabaseProvider Provider { get; }

    /// <summary>Whether disposing removes the database (false for a restart's first app, whose file the next one takes over).</summary>
    public bool OwnsDatabase { get; set; }

    /// <summary>This app's database: the SQLite file, or the PostgreSQL connection string.</summary>
    public string DatabasePath => _postgres ?? _dbPath;
    public string ConnectionString => _postgres ?? $"Data Source={_dbPath}";

    /// <summary>The database settings for a child process of the app (<see cref="AppProcess"/>) on this factory's database.</summary>
    public Dictionary<string, string?> DatabaseEnvironment() => new()
    {
        ["Database__Provider"] = Provider.ToString(),
        ["ConnectionStrings__Dashboard"] = ConnectionString,
    };

    /// <summary>This app's own evidence folder: never the developer's App_Data/evidence (the orphan sweep runs at start).</summary>
    public string EvidenceRoot { get; } = Path.Combine(Path.GetTempPath(), $"renaksi-test-evidence-{Guid.NewGuid():N}");

    /// <summary>More configuration, set before the first request (e.g. "Dashboard:SignInLimits:PermitsPerMinute").</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
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
        if (_postgres is not null && OwnsDatabase) TestDatabase.DropPostgresDatabase(_postgres);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (OwnsDatabase) foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_dbPath + suffix); } catch (IOException) { }
        }
        try { if (Directory.Exists(EvidenceRoot)) Directory.Delete(EvidenceRoot, recursive: true); } catch (IOException) { }
    }
}
