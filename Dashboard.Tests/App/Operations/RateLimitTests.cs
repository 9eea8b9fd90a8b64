using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.App.Live;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Operations;

/// <summary>Writes per user: a 429 problem in Indonesian with Retry-After on the API, a refusal on the hub; other users unaffected.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly AppFactory _base = new(today: "2025-05-15");
    private WebApplicationFactory<Program> _app = default!;
    private string _budi = "";
    private string _ani = "";

    public async Task InitializeAsync()
    {
        _app = _base.WithWebHostBuilder(b => b.UseSetting("Dashboard:RateLimits:WritesPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _budi = await _base.UserWithTokenAsync("budi", "Budi", Roles.Planner);
        _ani = await _base.UserWithTokenAsync("ani", "Ani", Roles.Planner);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _base.DisposeAsync();
    }

    private HttpClient Client(string token)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static object Entry(int n) => new
    {
        year = 2025, indicatorCode = "T2.S1.P1.K3.SK3.I1", quarter = 2, kind = "increment", value = 1, date = "2025-05-12", note = $"n{n}", confirm = true,
    };

    [Fact]
    public async Task Api_WritesBeyondTheLimit_Get429_InIndonesian_WithRetryAfter_AndOtherUsersStillWrite()
    {
        var budi = Client(_budi);
        for (var n = 0; n < Limit; n++) Assert.Equal(HttpStatusCode.Created, (await budi.PostAsJsonAsync("/api/v1/realisations", Entry(n))).StatusCode);

        var refused = await budi.PostAsJsonAsync("/api/v1/realisations", Entry(99));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retry = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Terlalu banyak permintaan", problem.GetProperty("title").GetString());
        Assert.Contains("Coba lagi dalam", problem.GetProperty("detail").GetString());
        // Reading is not a write; another user has a limit of their own.
        Assert.Equal(HttpStatusCode.OK, (await budi.GetAsync("/api/v1/plans/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client(_ani).PostAsJsonAsync("/api/v1/realisations", Entry(100))).StatusCode);
    }

    [Fact]
    public async Task Hub_RecordingsBeyondTheLimit_AreRefused_WithTheSameMessage()
    {
        var server = _app.Server;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers["Authorization"] = $"Bearer {_budi}";
            })
            .Build();
        await hub.StartAsync();
        var request = new HubRecordRequest(2025, "T2.S1.P1.K3.SK3.I1", 2, EntryKind.Increment, 1m, new DateOnly(2025, 5, 12), Confirm: true);

        var results = new List<HubSaveResult>();
        for (var n = 0; n <= Limit; n++) results.Add(await hub.InvokeAsync<HubSaveResult>("RecordRealisation", request));

        Assert.All(results.Take(Limit), r => Assert.Equal("Saved", r.Status));
        Assert.Equal("TooManyRequests", results[^1].Status);
        Assert.Contains("Coba lagi dalam", results[^1].Issues[0].Message);
    }
}
