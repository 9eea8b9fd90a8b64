using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Realisations;

/// <summary>
/// No poison values: every way a number enters (API JSON, hub, the service behind the input page) refuses values beyond
/// the bound with the field named and stores nothing; a value already poisoned in the database leaves every screen at 200.
/// </summary>
public sealed class PoisonValueTests : IAsyncLifetime
{
    private const string Level = "T1.S1.P1.I1";
    private const string Count = "T1.S1.P1.K1.SK1.I1";

    private readonly AppFactory _app = new(today: "2025-05-15");
    private HttpClient _http = default!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _token = await _app.UserWithTokenAsync("budi", "Budi", Roles.Planner);
        _http = _app.ClientWithToken(_token);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> StoredAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Realisations.CountAsync();
    }

    private static string Body(string value = "14", string year = "2025", string code = "\"" + Level + "\"", string quarter = "2", string kind = "\"level\"",
        string date = "\"2025-05-12\"", string kecamatan = "null") =>
        $$"""{"year":{{year}},"indicatorCode":{{code}},"quarter":{{quarter}},"kind":{{kind}},"value":{{value}},"date":{{date}},"kecamatan":{{kecamatan}},"confirm":true}""";

    /// <summary>Raw JSON bodies (not serialised from C#, so NaN and 1e308 reach the server as typed) and the field the problem must name.</summary>
    public static TheoryData<string, string> Hostile => new()
    {
        { Body(value: "6e26"), "value" },
        { Body(value: "600000000000000000000000000"), "value" },
        { Body(value: "1e308"), "value" },
        { Body(value: "-1e308"), "value" },
        { Body(value: "79228162514264337593543950335"), "value" },
        { Body(value: "1001"), "value" },
        { Body(value: "NaN"), "value" },
        { Body(value: "Infinity"), "value" },
        { Body(value: "\"NaN\""), "value" },
        { Body(value: "\"Infinity\""), "value" },
        { Body(value: "\"-Infinity\""), "value" },
        { Body(value: "\"1e308\""), "value" },
        { Body(value: "\"--1\""), "value" },
        { Body(value: "\"\""), "value" },
        { Body(value: "\"   \""), "value" },
        { Body(value: "null"), "value" },
        { Body(value: "\"1.000.000.000.001\""), "value" },
        { Body(value: "0.0000001"), "value" },
        { Body(code: "\"" + Count + "\"", kind: "\"increment\"", value: "6e26"), "value" },
        { Body(code: "\"" + Count + "\"", kind: "\"correction\"", value: "-6e26"), "value" },
        { Body(year: "99999"), "year" },
        { Body(year: "1999"), "year" },
        { Body(year: "1e10"), "year" },
        { Body(quarter: "0"), "quarter" },
        { Body(quarter: "5"), "quarter" },
        { Body(quarter: "-2147483648"), "quarter" },
        { Body(kind: "\"bogus\""), "kind" },
        { Body(code: "\"   \""), "indicatorCode" },
        { Body(code: "\"T9.X9.I9\""), "indicatorCode" },
        { Body(date: "\"2025-13-45\""), "date" },
        { Body(date: "\"99999-01-01\""), "date" },
        { Body(kecamatan: "\"Atlantis\""), "kecamatan" },
        { "{\"year\":2025,", "body" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Api_HostileBody_IsA4xxProblemNamingTheField_AndStoresNothing(string json, string field)
    {
        var before = await StoredAsync();

        var response = await _http.PostAsync("/api/v1/realisations", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{json} → {problem}");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Api_BoundaryValue_IsStored()
    {
        var response = await _http.PostAsync("/api/v1/realisations", new StringContent(
            Body(code: "\"" + Count + "\"", kind: "\"increment\"", value: "1000000000000"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string, EntryKind, decimal> ServiceValues => new()
    {
        { Level, EntryKind.Level, 600_000_000_000_000_000_000_000_000m },
        { Level, EntryKind.Level, decimal.MaxValue },
        { Level, EntryKind.Correction, -1001m },
        { Count, EntryKind.Increment, 1_000_000_000_001m },
        { Count, EntryKind.Correction, decimal.MinValue },
    };

    /// <summary>The input page saves through this service: the same bound, whatever the page let through.</summary>
    [Theory]
    [MemberData(nameof(ServiceValues))]
    public async Task Service_UsedByTheInputPage_RefusesOutOfBoundValues(string code, EntryKind kind, decimal value)
    {
        var service = _app.Services.GetRequiredService<RealisationService>();

        var result = await service.RecordAsync(new RecordRealisation(2025, code, 2, kind, value, new DateOnly(2025, 5, 12),
            ActingUser.Of("Budi", Roles.Planner), CorrectionReason: "salah ketik angka", Confirmed: true));

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(result.Issues, i => i.Field == RuleField.Value);
        Assert.Equal(0, await StoredAsync());
    }

    [Theory]
    [InlineData("600000000000000000000000000", 2025, 2)]
    [InlineData("79228162514264337593543950335", 2025, 2)]
    [InlineData("14", 99999, 2)]
    [InlineData("14", 2025, 9)]
    public async Task Hub_HostileRecording_IsRefusedWithAField_AndStoresNothing(string value, int year, int quarter)
    {
        var server = _app.Server;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers["Authorization"] = $"Bearer {_token}";
            })
            .Build();
        await hub.StartAsync();

        var result = await hub.InvokeAsync<HubSaveResult>("RecordRealisation",
            new HubRecordRequest(year, Level, quarter, EntryKind.Level, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 5, 12), Confirm: true));

        Assert.NotEqual("Saved", result.Status);
        Assert.NotEmpty(result.Issues);
        Assert.False(string.IsNullOrWhiteSpace(result.Issues[0].Field));
        Assert.Equal(0, await StoredAsync());
    }
}

/// <summary>A row poisoned straight in the database (written before the bound, or by hand): every screen still answers.</summary>
public sealed class PoisonedDatabaseTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2025-11-15");
    private HttpClient _http = default!;

    public async Task InitializeAsync()
    {
        _http = _app.ClientWithToken(await _app.UserWithTokenAsync("rina", "Rina", Roles.Planner));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var plan = await db.Plans.SingleAsync(p => p.Year == 2025);
        var indicators = await db.Indicators.Where(i => i.PlanId == plan.Id).OrderBy(i => i.Id).Take(3).ToListAsync();
        var at = DateTimeOffset.UtcNow;
        long id = 0;
        foreach (var (indicator, value) in indicators.Zip(new[] { 600_000_000_000_000_000_000_000_000m, decimal.MaxValue, -decimal.MaxValue }))
        {
            for (var n = 1; n <= 2; n++)
            {
                db.Realisations.Add(new RealisationRecord
                {
                    IndicatorId = indicator.Id, Quarter = 3, Sequence = n, Kind = (int)EntryKind.Correction, Date = new DateOnly(2025, 8, n),
                    Value = value, RecordedAt = at, RecordedBy = "tangan", CorrectionReason = "ditulis langsung",
                });
                id++;
            }
        }
        // A target poisoned too: the whole indicator becomes flagged, not a 500.
        indicators[2].TargetTw3 = decimal.MaxValue;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/?tw=3")]
    [InlineData("/api/v1/plans/2025")]
    [InlineData("/laporan?tahun=2025&tw=3")]
    [InlineData("/laporan/evaluasi.xlsx?tahun=2025&tw=3")]
    [InlineData("/rencana/2025/ekspor.xlsx")]
    [InlineData("/rapat?tahun=2025&tw=3")]
    [InlineData("/kepatuhan")]
    [InlineData("/verifikasi")]
    [InlineData("/audit/export.xlsx")]
    public async Task EveryScreenAndExport_Answers200(string url)
    {
        var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_ShowsThePoisonedQuarterAsFlagged_AndOthersEvaluated()
    {
        var plan = await _http.GetFromJsonAsync<JsonElement>("/api/v1/plans/2025");
        var kinds = Indicators(plan.GetProperty("nodes")).Select(i => i.GetProperty("quarters")[2].GetProperty("status").GetProperty("kind").GetString()).ToList();

        Assert.Equal(3, kinds.Count(k => k == "Unevaluable"));
        Assert.Contains(kinds, k => k != "Unevaluable");
        Assert.Equal("Unevaluable", plan.GetProperty("nodes")[0].GetProperty("quarters")[2].GetProperty("worst").GetProperty("kind").GetString());
    }

    private static IEnumerable<JsonElement> Indicators(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => n.GetProperty("indicators").EnumerateArray().Concat(Indicators(n.GetProperty("children"))));
}
