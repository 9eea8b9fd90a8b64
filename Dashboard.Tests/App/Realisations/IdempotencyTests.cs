using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.App.Data;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Realisations;

/// <summary>POST /api/v1/realisations with an Idempotency-Key: a key is stored once, whatever happens around it.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private const string Indicator = "T1.S1.P1.K1.SK1.I1"; // Orang, cumulative, TW II target 70
    private readonly AppFactory _app = new(today: "2025-05-15");
    private HttpClient _http = default!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _token = await _app.UserWithTokenAsync("sari", "Sari", Dashboard.Domain.Access.Roles.Officer, "T1.S1");
        _http = _app.ClientWithToken(_token);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Increment(object value, string date = "2025-05-12", int quarter = 2, string? capturedAt = null) => new
    {
        // Confirmed: repeated increments in one test may pass 200 %, which is only a question.
        year = 2025, indicatorCode = Indicator, quarter, kind = "increment", value, date, capturedAt, confirm = true,
    };

    private static async Task<HttpResponseMessage> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static HttpRequestMessage Post(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/realisations") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<int> CountAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Realisations.CountAsync();
    }

    [Fact]
    public async Task RepeatedKey_ReturnsTheFirstEntry_AndStoresNothingNew()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync(_app);

        var first = await _http.SendAsync(Post(Increment("60"), key));
        var second = await _http.SendAsync(Post(Increment("60"), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("entryId").GetInt64(), b.GetProperty("entryId").GetInt64());
        Assert.False(a.GetProperty("replayed").GetBoolean());
        Assert.True(b.GetProperty("replayed").GetBoolean());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, await CountAsync(_app));
        var plan = await _http.GetFromJsonAsync<JsonElement>("/api/v1/field");
        var tw2 = plan.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == Indicator).GetProperty("quarters")[1];
        Assert.Equal(60m, tw2.GetProperty("realisation").GetDecimal());
    }

    [Fact]
    public async Task SameKeyReplayedConcurrently20Times_StoresOneEntry()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync(_app);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _http.SendAsync(Post(Increment("60"), key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetInt64()));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await CountAsync(_app));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Realisations.CountAsync(r => r.IdempotencyKey != null && r.IdempotencyKey.EndsWith(":" + key)));
    }

    [Fact]
    public async Task DifferentKeys_AreDifferentEntries_AndNoKeyBehavesAsBefore()
    {
        var before = await CountAsync(_app);
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(Post(Increment("60"), "a-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(Post(Increment("60"), "a-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(Post(Increment("60"), null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(Post(Increment("60"), null))).StatusCode);
        Assert.Equal(before + 4, await CountAsync(_app));
    }

    [Fact]
    public async Task KeyReusedForAnotherValue_IsRefusedOnTheKey_AndStoresNothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(Post(Increment("60"), "reused"))).StatusCode);
        var before = await CountAsync(_app);

        var other = await _http.SendAsync(Post(Increment("6"), "reused"));

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Idempotency-Key", problem.GetProperty("errors").GetProperty("idempotencyKey")[0].GetString());
        Assert.Equal(before, await CountAsync(_app));
    }

    [Fact]
    public async Task MalformedKey_IsAFieldProblem()
    {
        var response = await _http.SendAsync(Post(Increment("60"), "kunci dengan spasi"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotencyKey", out _));
    }

    [Fact]
    public async Task SameKeyFromAnotherUser_IsThatUsersOwnEntry()
    {
        var other = _app.ClientWithToken(await _app.UserWithTokenAsync("tono", "Tono", Dashboard.Domain.Access.Roles.Officer, "T1.S1"));
        var before = await CountAsync(_app);

        var mine = await (await _http.SendAsync(Post(Increment("60"), "shared"))).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = await (await other.SendAsync(Post(Increment("60"), "shared"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual(mine.GetProperty("entryId").GetInt64(), theirs.GetProperty("entryId").GetInt64());
        Assert.Equal(before + 2, await CountAsync(_app));
    }

    [Fact]
    public async Task RepeatedKey_AfterARestart_StoresNothingNew()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(Post(Increment("60"), key))).StatusCode);
        var before = await CountAsync(_app);
        _app.OwnsDatabase = false;
        await _app.DisposeAsync();

        await using var restarted = new AppFactory(today: "2025-05-15", databasePath: _app.DatabasePath) { OwnsDatabase = true };
        var http = restarted.ClientWithToken(_token);
        var again = await http.SendAsync(Post(Increment("60"), key));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetBoolean());
        Assert.Equal(before, await CountAsync(restarted));
    }
}

/// <summary>Entries captured offline are judged by their capture time (within the bound), and keep it.</summary>
public sealed class CaptureTimeTests : IAsyncLifetime
{
    private const string Indicator = "T1.S1.P1.K1.SK1.I1";
    // TW II's window (10 days after 30 June) closed at the end of 10 July.
    private readonly AppFactory _app = new(today: "2025-07-14");
    private HttpClient _http = default!;

    public async Task InitializeAsync() =>
        _http = _app.ClientWithToken(await _app.UserWithTokenAsync("sari", "Sari", Dashboard.Domain.Access.Roles.Officer, "T1.S1"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string? capturedAt) => _http.PostAsJsonAsync("/api/v1/realisations", new
    {
        year = 2025, indicatorCode = Indicator, quarter = 2, kind = "increment", value = "80", date = "2025-06-28", capturedAt,
    });

    [Fact]
    public async Task CapturedInsideTheWindow_SentAfterItClosed_IsStored_WithItsCaptureTimeAndDate()
    {
        var response = await PostAsync("2025-07-10T15:30:00+07:00");

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetInt64();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var row = await db.Realisations.SingleAsync(r => r.Id == id);
        Assert.Equal(new DateOnly(2025, 6, 28), row.Date);
        Assert.Equal(DateTimeOffset.Parse("2025-07-10T08:30:00Z"), row.CapturedAt);
        Assert.True(row.RecordedAt > row.CapturedAt);
    }

    [Fact]
    public async Task SentNowWithoutCaptureTime_IsRefusedByTheClosedWindow()
    {
        var response = await PostAsync(null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ditutup", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CaptureTimeOlderThanTheBound_CountsOnlyFromTheBound()
    {
        // 1 July is 13 days ago: judged at 7 July (the 7-day bound) at the latest, which is still open. Bound to 2 days: 12 July, closed.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("2025-07-01T09:00:00+07:00")).StatusCode);

        await using var strict = new AppFactory(today: "2025-07-14");
        strict.Settings["Dashboard:EntryWindow:CaptureBoundDays"] = "2";
        var http = strict.ClientWithToken(await strict.UserWithTokenAsync("sari", "Sari", Dashboard.Domain.Access.Roles.Officer, "T1.S1"));
        var refused = await http.PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = Indicator, quarter = 2, kind = "increment", value = "80", date = "2025-06-28", capturedAt = "2025-07-01T09:00:00+07:00",
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task MalformedCaptureTime_IsAFieldProblem()
    {
        var response = await PostAsync("kemarin");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("capturedAt", out _));
    }
}
