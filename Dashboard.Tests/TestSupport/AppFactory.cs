using Dashboard.App.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.TestSupport;

/// <summary>The real app on a fresh SQLite file of its own; optionally on a real Kestrel port for browser tests.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"renaksi-test-{Guid.NewGuid():N}.db");

    public AppFactory(bool kestrel = false, string environment = "Production", string? today = null, bool sampleData = false)
    {
        Environment = environment;
        Today = today;
        SampleData = sampleData;
        if (kestrel) UseKestrel(0);
    }

    public string Environment { get; }
    public string? Today { get; }
    public bool SampleData { get; }
    public string ConnectionString => $"Data Source={_dbPath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Dashboard", ConnectionString);
        builder.UseSetting("Dashboard:SampleData", SampleData ? "true" : "false");
        if (Today is not null) builder.UseSetting("Dashboard:Today", Today);
        // The plan editor's services (/rencana) until Program.cs calls AddPlanEditor; it is idempotent, so both may stay.
        builder.ConfigureServices(services => Dashboard.App.Plans.PlanEditorServices.AddPlanEditor(services));
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
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_dbPath + suffix); } catch (IOException) { }
        }
    }
}
