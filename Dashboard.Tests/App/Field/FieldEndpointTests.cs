using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.App.Data;
using Dashboard.Tests.App.Evidence;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Field;

/// <summary>The offline entry page's server side: its data, its static files and its evidence upload.</summary>
public sealed class FieldEndpointTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2025-05-15");
    private HttpClient _officer = default!;

    public async Task InitializeAsync() =>
        _officer = _app.ClientWithToken(await _app.UserWithTokenAsync("sari", "Sari", Dashboard.Domain.Access.Roles.Officer, "T1.S1.P1"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FieldData_HasOnlyTheOfficersIndicators_WithTargetsTotalsAndRulesAsData()
    {
        var data = await _officer.GetFromJsonAsync<JsonElement>("/api/v1/field");

        Assert.Equal(2025, data.GetProperty("year").GetInt32());
        Assert.Equal(2, data.GetProperty("currentQuarter").GetInt32());
        Assert.Equal("sari", data.GetProperty("user").GetProperty("userName").GetString());
        var codes = data.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("T1.S1.P1.I1", codes);
        Assert.Contains("T1.S1.P1.K1.SK1.I1", codes);
        Assert.DoesNotContain("T1.S1.P2.I1", codes);
        Assert.All(codes, c => Assert.StartsWith("T1.S1.P1", c));

        var count = data.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "T1.S1.P1.K1.SK1.I1");
        Assert.Equal(70m, count.GetProperty("quarters")[1].GetProperty("target").GetDecimal());
        var kinds = count.GetProperty("rules").GetProperty("kinds").EnumerateArray().ToList();
        Assert.Equal(["increment", "correction"], kinds.Select(k => k.GetProperty("kind").GetString()));
        Assert.False(kinds[0].GetProperty("negativeAllowed").GetBoolean());
        Assert.True(kinds[1].GetProperty("negativeAllowed").GetBoolean());
        Assert.True(kinds[1].GetProperty("reasonRequired").GetBoolean());
        Assert.True(count.GetProperty("rules").GetProperty("count").GetBoolean());
        var percent = data.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "T1.S1.P1.I1");
        Assert.True(percent.GetProperty("rules").GetProperty("percentage").GetBoolean());
        Assert.Equal(1000m, percent.GetProperty("rules").GetProperty("maxValue").GetDecimal());

        // The messages are the server's own, not copies.
        Assert.Equal(Dashboard.Domain.Realisations.RuleMessages.NegativeIncrement,
            data.GetProperty("rules").GetProperty("messages").GetProperty("NegativeIncrement").GetString());
        Assert.Equal(Dashboard.Domain.Numbers.IdNumber.Ambiguous, data.GetProperty("numbers").GetProperty("messages").GetProperty("Ambiguous").GetString());
        Assert.Equal(18, data.GetProperty("kecamatan").GetArrayLength());
        Assert.True(data.GetProperty("quarters")[1].GetProperty("open").GetBoolean());
        Assert.False(data.GetProperty("quarters")[3].GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task FieldData_ForAHeadOfAgency_HasNoIndicators_AndAnonymousGets401()
    {
        var head = _app.ClientWithToken(await _app.UserWithTokenAsync("kadis2", "Kadis", Dashboard.Domain.Access.Roles.Head));
        var data = await head.GetFromJsonAsync<JsonElement>("/api/v1/field");
        Assert.Equal(0, data.GetProperty("indicators").GetArrayLength());

        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/field")).StatusCode);
    }

    [Fact]
    public async Task Page_NeedsASignIn_AndIsServedWithTheCspAndNoInlineScript()
    {
        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync("/lapangan");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/masuk", redirect.Headers.Location!.ToString());

        var page = await _officer.GetAsync("/lapangan");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/lapangan/lapangan.js\"></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.Contains("rel=\"manifest\" href=\"/manifest.webmanifest\"", html);
    }

    [Fact]
    public async Task ServiceWorkerAndManifest_AreServedAtTheRoot_WithTheirTypes()
    {
        var anonymous = _app.CreateClient();
        var worker = await anonymous.GetAsync("/service-worker.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'/lapangan'", await worker.Content.ReadAsStringAsync());

        var manifest = await anonymous.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        var json = await manifest.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/lapangan", json.GetProperty("start_url").GetString());
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            var png = await anonymous.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task QueuedPhoto_SentTwice_IsStoredOnce()
    {
        async Task<HttpResponseMessage> SendAsync()
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("2025"), "year" }, { new StringContent("T1.S1.P1.K1.SK1.I1"), "indicatorCode" }, { new StringContent("2"), "quarter" },
                { new StringContent("Foto lapangan"), "description" },
            };
            var file = new ByteArrayContent(EvidenceFiles.Jpeg());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "foto.jpg");
            return await _officer.PostAsync("/api/v1/evidence", form);
        }

        var first = await SendAsync();
        var second = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetBoolean());
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Evidence.CountAsync());
    }

    [Fact]
    public async Task Photo_OnAnIndicatorNotAssigned_IsRefused()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2025"), "year" }, { new StringContent("T2.S1.I1"), "indicatorCode" }, { new StringContent("2"), "quarter" },
            { new ByteArrayContent(EvidenceFiles.Jpeg()), "file", "foto.jpg" },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PostAsync("/api/v1/evidence", form)).StatusCode);
    }
}
