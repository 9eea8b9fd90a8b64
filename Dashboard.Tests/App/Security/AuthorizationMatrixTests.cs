using System.Net;
using System.Net.Http.Json;
using Dashboard.App.Live;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.App.Security;

/// <summary>One app, one user per role (the officer assigned to Sasaran 2 only); every cell of role × action asserted.</summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new(today: "2025-05-15");
    public Dictionary<string, string> Tokens { get; } = [];

    public async Task InitializeAsync()
    {
        Tokens[Roles.Admin] = await App.UserWithTokenAsync("m-admin", "Matriks Admin", Roles.Admin);
        Tokens[Roles.Planner] = await App.UserWithTokenAsync("m-perencana", "Matriks Perencana", Roles.Planner);
        Tokens[Roles.Head] = await App.UserWithTokenAsync("m-kadis", "Matriks Kadis", Roles.Head);
        Tokens[Roles.Officer] = await App.UserWithTokenAsync("m-petugas", "Matriks Petugas", Roles.Officer, "T1.S2");
        Tokens[Roles.Screen] = await App.UserWithTokenAsync("m-layar", "Matriks Layar", Roles.Screen);
    }

    public HttpClient Client(string role) => role == Anonymous
        ? App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : App.ClientWithToken(Tokens[role]);

    public const string Anonymous = "anonim";

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string A = AuthorizationMatrixFixture.Anonymous;
    // Under Sasaran 2 (assigned to the officer): Jmlh usaha Mikro yang telah mendapatkan perizinan, Orang, cumulative.
    private const string Assigned = "T1.S2.P1.K1.SK1.I1";
    // Under Sasaran 1 (not assigned to the officer).
    private const string Unassigned = "T1.S1.P1.K1.SK1.I1";

    public static TheoryData<string, string, bool> Pages() => new()
    {
        { "/", Roles.Admin, true }, { "/", Roles.Planner, true }, { "/", Roles.Head, true }, { "/", Roles.Officer, true }, { "/", Roles.Screen, true }, { "/", A, false },
        { "/input", Roles.Admin, true }, { "/input", Roles.Planner, true }, { "/input", Roles.Officer, true },
        { "/input", Roles.Head, false }, { "/input", Roles.Screen, false }, { "/input", A, false },
        { "/pemeriksaan", Roles.Admin, true }, { "/pemeriksaan", Roles.Planner, true }, { "/pemeriksaan", Roles.Head, true },
        { "/pemeriksaan", Roles.Officer, false }, { "/pemeriksaan", Roles.Screen, false }, { "/pemeriksaan", A, false },
        { "/kepatuhan", Roles.Admin, true }, { "/kepatuhan", Roles.Planner, true }, { "/kepatuhan", Roles.Head, true },
        { "/kepatuhan", Roles.Officer, false }, { "/kepatuhan", Roles.Screen, false }, { "/kepatuhan", A, false },
        { "/verifikasi", Roles.Admin, true }, { "/verifikasi", Roles.Planner, true }, { "/verifikasi", Roles.Head, false },
        { "/verifikasi", Roles.Officer, false }, { "/verifikasi", Roles.Screen, false }, { "/verifikasi", A, false },
        { "/triwulan", Roles.Admin, true }, { "/triwulan", Roles.Planner, true }, { "/triwulan", Roles.Head, false },
        { "/triwulan", Roles.Officer, false }, { "/triwulan", Roles.Screen, false }, { "/triwulan", A, false },
        { "/tugas", Roles.Officer, true }, { "/tugas", Roles.Admin, false }, { "/tugas", Roles.Planner, false },
        { "/tugas", Roles.Head, false }, { "/tugas", Roles.Screen, false }, { "/tugas", A, false },
        { "/rapat", Roles.Admin, true }, { "/rapat", Roles.Planner, true }, { "/rapat", Roles.Head, true },
        { "/rapat", Roles.Officer, true }, { "/rapat", Roles.Screen, true }, { "/rapat", A, false },
        { "/pengguna", Roles.Admin, true }, { "/pengguna", Roles.Planner, false }, { "/pengguna", Roles.Head, false },
        { "/pengguna", Roles.Officer, false }, { "/pengguna", Roles.Screen, false }, { "/pengguna", A, false },
        { "/audit", Roles.Admin, true }, { "/audit", Roles.Planner, true }, { "/audit", Roles.Head, true },
        { "/audit", Roles.Officer, false }, { "/audit", Roles.Screen, false }, { "/audit", A, false },
        { "/laporan", Roles.Admin, true }, { "/laporan", Roles.Planner, true }, { "/laporan", Roles.Head, true },
        { "/laporan", Roles.Officer, false }, { "/laporan", Roles.Screen, false }, { "/laporan", A, false },
        { "/rencana", Roles.Admin, true }, { "/rencana", Roles.Planner, false }, { "/rencana", Roles.Head, false },
        { "/rencana", Roles.Officer, false }, { "/rencana", Roles.Screen, false }, { "/rencana", A, false },
        { "/rencana/impor", Roles.Admin, true }, { "/rencana/impor", Roles.Planner, false }, { "/rencana/impor", Roles.Head, false },
        { "/rencana/impor", Roles.Officer, false }, { "/rencana/impor", Roles.Screen, false }, { "/rencana/impor", A, false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_IsServedOnlyToItsRoles(string path, string role, bool allowed)
    {
        var response = await fixture.Client(role).GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (role == A)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{path} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    public static TheoryData<string, HttpStatusCode> ReadPlan() => new()
    {
        { Roles.Admin, HttpStatusCode.OK }, { Roles.Planner, HttpStatusCode.OK }, { Roles.Head, HttpStatusCode.OK },
        { Roles.Officer, HttpStatusCode.OK }, { Roles.Screen, HttpStatusCode.OK }, { A, HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(ReadPlan))]
    public async Task ApiGetPlan_NeedsSignIn(string role, HttpStatusCode expected) =>
        Assert.Equal(expected, (await fixture.Client(role).GetAsync("/api/v1/plans/2025")).StatusCode);

    public static TheoryData<string, string, HttpStatusCode> Record() => new()
    {
        { Roles.Admin, Assigned, HttpStatusCode.Created }, { Roles.Planner, Assigned, HttpStatusCode.Created },
        { Roles.Officer, Assigned, HttpStatusCode.Created }, { Roles.Officer, Unassigned, HttpStatusCode.Forbidden },
        { Roles.Head, Assigned, HttpStatusCode.Forbidden }, { Roles.Screen, Assigned, HttpStatusCode.Forbidden },
        { A, Assigned, HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Record))]
    public async Task ApiPostRealisation_OnlyForRecorders_AndOfficersOnlyWhereAssigned(string role, string indicator, HttpStatusCode expected)
    {
        var response = await fixture.Client(role).PostAsJsonAsync("/api/v1/realisations", new
        {
            year = 2025, indicatorCode = indicator, quarter = 2, kind = "increment", value = 5, date = "2025-05-10", confirm = true,
        });

        Assert.True(expected == response.StatusCode, $"{role} on {indicator}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string, string, string> HubRecord() => new()
    {
        { Roles.Admin, Assigned, "Saved" }, { Roles.Planner, Assigned, "Saved" }, { Roles.Officer, Assigned, "Saved" },
        { Roles.Officer, Unassigned, "Refused" }, { Roles.Head, Assigned, "Refused" }, { Roles.Screen, Assigned, "Refused" },
    };

    [Theory]
    [MemberData(nameof(HubRecord))]
    public async Task HubRecordRealisation_SameRulesAsTheApi(string role, string indicator, string expected)
    {
        await using var hub = Connect(fixture.Tokens[role]);
        await hub.StartAsync();

        var result = await hub.InvokeAsync<HubSaveResult>(nameof(DashboardHub.RecordRealisation),
            new HubRecordRequest(2025, indicator, 2, EntryKind.Increment, 5m, new DateOnly(2025, 5, 10), Confirm: true));

        Assert.True(expected == result.Status, $"{role} on {indicator}: {result.Status} {string.Join(" | ", result.Issues.Select(i => i.Message))}");
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Head)]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Screen)]
    public async Task HubSubscribe_AnySignedInRole(string role)
    {
        await using var hub = Connect(fixture.Tokens[role]);
        await hub.StartAsync();

        await hub.InvokeAsync(nameof(DashboardHub.SubscribeYear), 2025);

        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task Hub_Anonymous_CannotConnect()
    {
        await using var hub = Connect(null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task RevokedOrUnknownToken_IsRefused()
    {
        var bogus = fixture.App.ClientWithToken("rk_bukan-token-yang-sah");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/plans/2025")).StatusCode);

        var token = await fixture.App.UserWithTokenAsync("m-dicabut", "Dicabut", Roles.Planner);
        var tokens = fixture.App.Services.GetService(typeof(Dashboard.App.Security.ApiTokenService)) as Dashboard.App.Security.ApiTokenService;
        var id = (await tokens!.ListAsync()).Single(t => t.UserName == "m-dicabut").Token.Id;
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.ClientWithToken(token).GetAsync("/api/v1/plans/2025")).StatusCode);
        Assert.True(await tokens.RevokeAsync(id, "test"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.ClientWithToken(token).GetAsync("/api/v1/plans/2025")).StatusCode);
    }

    private HubConnection Connect(string? token)
    {
        var server = fixture.App.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (token is not null) o.Headers["Authorization"] = $"Bearer {token}";
            })
            .Build();
    }
}
