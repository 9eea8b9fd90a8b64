using System.Net;
using Dashboard.App.Plans;
using Dashboard.Domain.Access;
using Dashboard.Domain.Import;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.App.Plans;

public sealed class PlanExportEndpointFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new(today: "2025-11-15");
    public Dictionary<string, string> Tokens { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var role in Roles.All) Tokens[role] = await App.UserWithTokenAsync($"x-{role.ToLowerInvariant()}", $"Ekspor {role}", role);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>GET /rencana/{year}/ekspor.xlsx: who may download, and what they get.</summary>
public sealed class PlanExportEndpointTests(PlanExportEndpointFixture fixture) : IClassFixture<PlanExportEndpointFixture>
{
    [Theory]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Planner, HttpStatusCode.OK)]
    [InlineData(Roles.Head, HttpStatusCode.OK)]
    [InlineData(Roles.Officer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Screen, HttpStatusCode.Forbidden)]
    public async Task Download_IsForAdminPlannerAndHead(string role, HttpStatusCode expected)
    {
        var response = await fixture.App.ClientWithToken(fixture.Tokens[role]).GetAsync(PlanTransferServices.ExportPath(2025));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_GetsA401_LikeEveryDownload()
    {
        var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(PlanTransferServices.ExportPath(2025));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Download_IsAnXlsxNamedByYear_ThatReadsBackAsThePlan()
    {
        var response = await fixture.App.ClientWithToken(fixture.Tokens[Roles.Head]).GetAsync(PlanTransferServices.ExportPath(2025));

        Assert.Equal(PlanXlsxExporter.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("renaksi-2025.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var file = await PlanFileReader.ReadAsync("renaksi-2025.xlsx", await response.Content.ReadAsStreamAsync(), new PlanImportOptions());
        var result = new PlanGridParser().Parse(file.Sheets, new PlanGridOptions(2025, "x"));
        Assert.False(result.HasErrors);
        Assert.Equal(63, result.Plan!.AllIndicators().Count());
        Assert.Equal("Rencana Aksi Tahun 2025", result.Plan.Title);
    }

    [Fact]
    public async Task YearWithoutPlan_IsNotFound()
    {
        var response = await fixture.App.ClientWithToken(fixture.Tokens[Roles.Admin]).GetAsync(PlanTransferServices.ExportPath(2040));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
