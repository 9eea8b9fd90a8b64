using System.Net;
using ClosedXML.Excel;
using Dashboard.App.Audit;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using static Dashboard.Tests.App.Audit.AuditDb;

namespace Dashboard.Tests.App.Audit;

/// <summary>One app with a user (and API token) per role.</summary>
public sealed class AuditExportApp : IAsyncLifetime
{
    public AuditDb Db { get; } = new();
    public Dictionary<string, string> Tokens { get; } = [];

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        foreach (var role in Roles.All) Tokens[role] = await Db.App.UserWithTokenAsync($"uji-{role.ToLowerInvariant()}", $"Uji {role}", role);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}

public sealed class AuditExportEndpointTests(AuditExportApp app) : IClassFixture<AuditExportApp>
{
    private const string Url = "/audit/export.xlsx";

    private static readonly Row Recorded = new(
        new DateTimeOffset(2025, 5, 14, 17, 30, 5, TimeSpan.Zero), Actor: "Sri Lestari", Key: "2025:T1.S1.P1.I1:TW2",
        Before: new { Realisasi = 10 }, After: new { Realisasi = 14.5m }, Detail: "ekspor-uji");

    private static async Task<XLWorkbook> WorkbookAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new XLWorkbook(new MemoryStream(bytes));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Head)]
    public async Task Overseer_GetsARealXlsx_WithTheFilteredRows(string role)
    {
        await app.Db.AddAsync(Recorded);
        using var http = app.Db.App.ClientWithToken(app.Tokens[role]);

        var response = await http.GetAsync($"{Url}?cari=ekspor-uji&dari=2025-05-15&sampai=2025-05-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AuditWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^log-audit-\d{8}-\d{4}\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var book = await WorkbookAsync(response);
        var sheet = book.Worksheet("Log audit");
        Assert.Equal(["Waktu (WIB)", "Pengguna", "Tindakan", "Objek", "Kunci", "Sebelum", "Sesudah", "Keterangan"],
            Enumerable.Range(1, 8).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("ekspor-uji", r.Cell(8).GetString()));
        var time = sheet.Cell(2, 1);
        Assert.Equal(XLDataType.DateTime, time.DataType);
        Assert.Equal(new DateTime(2025, 5, 15, 0, 30, 5), time.GetDateTime());
        Assert.Equal("dd/mm/yyyy hh:mm:ss", time.Style.NumberFormat.Format);
        Assert.Equal(["Sri Lestari", "Realisasi dicatat", "Realisasi", "2025:T1.S1.P1.I1:TW2", """{"Realisasi":10}""", """{"Realisasi":14.5}"""],
            Enumerable.Range(2, 6).Select(c => sheet.Cell(2, c).GetString()));
    }

    [Fact]
    public async Task Export_HasEveryMatchingRow_NotJustOnePage()
    {
        await app.Db.AddAsync(Enumerable.Range(1, AuditQuery.PageSize + 7).Select(i => Recorded with { Detail = "banyak-uji", Key = $"k{i}" }).ToArray());
        using var http = app.Db.App.ClientWithToken(app.Tokens[Roles.Head]);

        using var book = await WorkbookAsync(await http.GetAsync($"{Url}?cari=banyak-uji"));

        var keys = book.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(5).GetString()).ToList();
        Assert.Equal(AuditQuery.PageSize + 7, keys.Count);
        Assert.Equal($"k{AuditQuery.PageSize + 7}", keys[0]);
    }

    [Fact]
    public async Task Export_ActionFilter_KeepsOnlyThatAction()
    {
        using var http = app.Db.App.ClientWithToken(app.Tokens[Roles.Admin]);

        using var book = await WorkbookAsync(await http.GetAsync($"{Url}?tindakan={AuditActions.TokenCreated}"));

        var actions = book.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()).ToList();
        Assert.Equal(Roles.All.Count, actions.Count);
        Assert.All(actions, a => Assert.Equal("Token API dibuat", a));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Screen)]
    public async Task OtherRoles_AreForbidden(string role)
    {
        using var http = app.Db.App.ClientWithToken(app.Tokens[role]);

        var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsUnauthorized_NotRedirected()
    {
        using var http = app.Db.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_StillGoesToTheSignInPage_ForTheAuditPage()
    {
        using var http = app.Db.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await http.GetAsync("/audit");

        // Only the export answers with a bare status; the page keeps the app's usual redirect to the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/masuk", response.Headers.Location?.ToString());
    }
}
