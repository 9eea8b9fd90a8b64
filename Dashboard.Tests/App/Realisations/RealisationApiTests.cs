using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.App.Live;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.App.Realisations;

public sealed class RealisationApiTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2025-05-15");
    private HttpClient _http = default!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _token = await _app.UserWithTokenAsync("budi", "Budi", Dashboard.Domain.Access.Roles.Planner);
        _http = _app.ClientWithToken(_token);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Level(object value, bool confirm = false) => new
    {
        year = 2025, indicatorCode = "T1.S1.P1.I1", quarter = 2, kind = "level", value, date = "2025-05-12", recordedBy = "Budi", confirm,
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Post_ValidLevelValue_IsCreated_AndShowsInThePlan()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/realisations", Level("14,5"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = await _http.GetFromJsonAsync<JsonElement>("/api/v1/plans/2025");
        var program = plan.GetProperty("nodes")[0].GetProperty("children")[0].GetProperty("children")[0];
        var tw2 = program.GetProperty("indicators")[0].GetProperty("quarters")[1];
        Assert.Equal(14.5m, tw2.GetProperty("realisation").GetDecimal());
        Assert.Equal("InProgress", tw2.GetProperty("status").GetProperty("kind").GetString());
        Assert.True(tw2.GetProperty("reported").GetBoolean());
    }

    [Fact]
    public async Task GetPlan_ReturnsTheWholeTreeWithTargetsAndStatus()
    {
        var plan = await _http.GetFromJsonAsync<JsonElement>("/api/v1/plans/2025");

        Assert.Equal(2025, plan.GetProperty("year").GetInt32());
        Assert.Equal(2, plan.GetProperty("nodes").GetArrayLength());
        var tujuan = plan.GetProperty("nodes")[0];
        Assert.Equal("T1", tujuan.GetProperty("code").GetString());
        Assert.Equal(4, tujuan.GetProperty("quarters").GetArrayLength());
        var indicator = tujuan.GetProperty("indicators")[0];
        Assert.Equal(7.1m, indicator.GetProperty("targetAnnual").GetDecimal());
        Assert.Equal([0m, 0m, 3.9m, 7.1m], indicator.GetProperty("quarterTargets").EnumerateArray().Select(e => e.GetDecimal()).ToArray());
        Assert.Equal("NoTarget", indicator.GetProperty("quarters")[0].GetProperty("status").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/v1/plans/2019")).StatusCode);
    }

    [Theory]
    [InlineData("4.25", "value")]
    [InlineData("abc", "value")]
    [InlineData("1,234.5", "value")]
    public async Task Post_AmbiguousOrGarbageValue_IsAProblemDetailsOnTheField(string value, string field)
    {
        var response = await _http.PostAsJsonAsync("/api/v1/realisations", Level(value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Post_MissingFieldsAndUnknownIndicator_AreClearProblems()
    {
        var empty = await _http.PostAsJsonAsync("/api/v1/realisations", new { year = 2025 });
        var problem = await ProblemAsync(empty);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        foreach (var field in new[] { "indicatorCode", "kind", "value", "date" }) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);

        var unknown = await _http.PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = "T9.X", quarter = 2, kind = "level", value = 1, date = "2025-05-12", recordedBy = "Budi",
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("T9.X", (await ProblemAsync(unknown)).GetProperty("detail").GetString());

        var broken = await _http.PostAsync("/api/v1/realisations", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task Post_PercentageOver100_AsksForConfirmation_ThenAcceptsIt()
    {
        var first = await _http.PostAsJsonAsync("/api/v1/realisations", Level(120));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var problem = await ProblemAsync(first);
        Assert.Contains("value", problem.GetProperty("confirmationRequired").EnumerateArray().Select(e => e.GetString()));

        var confirmed = await _http.PostAsJsonAsync("/api/v1/realisations", Level(120, confirm: true));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task Post_StaleLevelValue_IsAConflictWithTheCurrentValue()
    {
        var body = new
        {
            year = 2025, indicatorCode = "T1.S1.P1.I1", quarter = 2, kind = "level", value = 14, date = "2025-05-12", recordedBy = "Budi",
            expectedSequence = 0,
        };
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsJsonAsync("/api/v1/realisations", body)).StatusCode);

        var stale = await _http.PostAsJsonAsync("/api/v1/realisations", body with { });
        var again = await _http.PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = "T1.S1.P1.I1", quarter = 2, kind = "level", value = 15, date = "2025-05-12", recordedBy = "Ani",
            expectedSequence = 0,
        });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ProblemAsync(again);
        Assert.Equal(14m, problem.GetProperty("currentValue").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Post_NarrativeWithAVersionThatDoesNotExist_IsAConflict_NotAServerError()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = "T1.S1.P1.I1", quarter = 2, kind = "level", value = 14, date = "2025-05-12",
            narrative = new { obstacles = "Hujan", expectedVersion = 7 },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("versi 0", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SignalRClient_SubscribedToTheYear_ReceivesTheEventAfterAPost()
    {
        var server = _app.Server;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers["Authorization"] = $"Bearer {_token}";
            })
            .Build();
        var received = new TaskCompletionSource<RealisationRecorded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherYear = 0;
        hub.On<RealisationRecorded>(nameof(IDashboardClient.RealisationRecorded), c =>
        {
            if (c.Year == 2025) received.TrySetResult(c);
            else Interlocked.Increment(ref otherYear);
        });
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(DashboardHub.SubscribeYear), 2025);

        var response = await _http.PostAsJsonAsync("/api/v1/realisations", Level("14,5"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("T1.S1.P1.I1", 2, 14.5m, "Budi"), (change.IndicatorCode, change.Quarter, change.After, change.RecordedBy));
        Assert.Equal(0, otherYear);
    }

    [Fact]
    public async Task SignalRClient_IsToldWhenThePlanItselfIsEdited()
    {
        var server = _app.Server;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers["Authorization"] = $"Bearer {_token}";
            })
            .Build();
        var received = new TaskCompletionSource<PlanChangedNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PlanChangedNotice>(nameof(IDashboardClient.PlanChanged), n => received.TrySetResult(n));
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(DashboardHub.SubscribeYear), 2025);

        var editor = (Dashboard.App.Plans.PlanEditService)_app.Services.GetService(typeof(Dashboard.App.Plans.PlanEditService))!;
        var result = await editor.AddNodeAsync(Dashboard.App.Security.ActingUser.Of("Admin Uji", Dashboard.Domain.Access.Roles.Admin), 2025, null,
            Dashboard.Domain.Plans.NodeLevel.Tujuan, new Dashboard.Domain.Plans.NodeDraft("Tujuan 3", "Tujuan baru untuk uji"));
        Assert.True(result.Ok, result.Message);

        var notice = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((2025, "edit", "Admin Uji"), (notice.Year, notice.Kind, notice.By));
    }

    [Fact]
    public async Task SignalRClient_NotSubscribed_ReceivesNothing()
    {
        var server = _app.Server;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers["Authorization"] = $"Bearer {_token}";
            })
            .Build();
        var count = 0;
        hub.On<RealisationRecorded>(nameof(IDashboardClient.RealisationRecorded), _ => Interlocked.Increment(ref count));
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(DashboardHub.SubscribeYear), 2024);

        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsJsonAsync("/api/v1/realisations", Level("14,5"))).StatusCode);
        // A subscriber of 2025 on the same server proves the event went out before we look.
        await using var witness = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers["Authorization"] = $"Bearer {_token}";
            }).Build();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        witness.On<RealisationRecorded>(nameof(IDashboardClient.RealisationRecorded), _ => seen.TrySetResult());
        await witness.StartAsync();
        await witness.InvokeAsync(nameof(DashboardHub.SubscribeYear), 2025);
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsJsonAsync("/api/v1/realisations", Level("14,6"))).StatusCode);
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, count);
    }
}
