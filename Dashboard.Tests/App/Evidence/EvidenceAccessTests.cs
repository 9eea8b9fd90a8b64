using System.Net;
using Dashboard.App.Data;
using Dashboard.App.Evidence;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Evidence;

/// <summary>
/// Who may download bukti dukung (<c>/bukti/{publicId}</c>), and that uploads check permission before a file is stored.
/// An officer assigned to Sasaran 2 uploads to one of its indicators; a second officer shares that assignment, a third
/// has Sasaran 1 only.
/// </summary>
public sealed class EvidenceAccessTests : IAsyncLifetime
{
    // Under Sasaran 2, in TW II of 2025 (open on 15 May 2025).
    private const string Indicator = "T1.S2.P1.K1.SK1.I1";
    private static readonly ActingUser Root = ActingUser.Of("root", Roles.Admin);

    private readonly AppFactory _app = new(today: "2025-05-15");
    private readonly Dictionary<string, string> _tokens = [];

    public async Task InitializeAsync()
    {
        _tokens["admin"] = await _app.UserWithTokenAsync("b-admin", "Admin", Roles.Admin);
        _tokens["perencana"] = await _app.UserWithTokenAsync("b-perencana", "Perencana", Roles.Planner);
        _tokens["kadis"] = await _app.UserWithTokenAsync("b-kadis", "Kadis", Roles.Head);
        _tokens["layar"] = await _app.UserWithTokenAsync("b-layar", "Layar", Roles.Screen);
        _tokens["perekam"] = await _app.UserWithTokenAsync("b-perekam", "Perekam", Roles.Officer, "T1.S2");
        _tokens["rekan"] = await _app.UserWithTokenAsync("b-rekan", "Rekan", Roles.Officer, "T1.S2");
        _tokens["lain"] = await _app.UserWithTokenAsync("b-lain", "Lain", Roles.Officer, "T1.S1");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ActingUser> ActorAsync(string userName, string role)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new ActingUser(id, userName, userName, new HashSet<string> { role });
    }

    private Task<SaveResult> UploadAsync(ActingUser actor, byte[] content, string indicator = Indicator) =>
        _app.Services.GetRequiredService<EvidenceUploads>().UploadAsync(2025, indicator, 2, "daftar-hadir.pdf", new MemoryStream(content), content.Length, null, actor);

    private async Task<string> UploadedPublicIdAsync()
    {
        var saved = await UploadAsync(await ActorAsync("b-perekam", Roles.Officer), EvidenceFiles.Pdf());
        Assert.Equal(SaveStatus.Saved, saved.Status);
        var history = await _app.Services.GetRequiredService<RealisationService>().HistoryAsync(2025, Indicator);
        return history!.Evidence.Single().PublicId;
    }

    private Task<HttpResponseMessage> GetAsync(string who, string path) =>
        (who == "anonim"
            ? _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : _app.ClientWithToken(_tokens[who])).GetAsync(path);

    [Fact]
    public async Task Download_IsForTheRecorder_AssignedOfficers_Planners_TheHead_AndAdmins_NotTheKioskOrOtherOfficers()
    {
        var publicId = await UploadedPublicIdAsync();

        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["admin"] = HttpStatusCode.OK, ["perencana"] = HttpStatusCode.OK, ["kadis"] = HttpStatusCode.OK,
            ["perekam"] = HttpStatusCode.OK, ["rekan"] = HttpStatusCode.OK,
            ["layar"] = HttpStatusCode.Forbidden, ["lain"] = HttpStatusCode.Forbidden, ["anonim"] = HttpStatusCode.Unauthorized,
        };
        var actual = new Dictionary<string, HttpStatusCode>();
        foreach (var who in expected.Keys) actual[who] = (await GetAsync(who, $"/bukti/{publicId}")).StatusCode;

        Assert.Equal(expected, actual);
        var file = await GetAsync("kadis", $"/bukti/{publicId}");
        Assert.Equal(EvidenceFiles.Pdf(), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task TheKioskRole_Gets403_EvenForAnIdThatDoesNotExist()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("layar", $"/bukti/{await UploadedPublicIdAsync()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("layar", $"/bukti/{new string('0', 32)}")).StatusCode);
    }

    [Fact]
    public async Task Links_UseARandomPublicId_NotTheSequentialRowId()
    {
        var publicId = await UploadedPublicIdAsync();
        var second = await UploadAsync(await ActorAsync("b-perekam", Roles.Officer), EvidenceFiles.PdfOfSize(500));
        Assert.Equal(SaveStatus.Saved, second.Status);

        Assert.Matches("^[0-9a-f]{32}$", publicId);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("admin", "/bukti/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("admin", $"/bukti/{second.EntryId}")).StatusCode);
        var ids = (await _app.Services.GetRequiredService<RealisationService>().HistoryAsync(2025, Indicator))!.Evidence.Select(e => e.PublicId).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task TheRecorder_StillSeesTheirEvidence_AfterTheAssignmentIsRemoved()
    {
        var publicId = await UploadedPublicIdAsync();

        Assert.True((await _app.Services.GetRequiredService<UserAdminService>().RemoveAssignmentAsync(Root, "b-perekam", 2025, "T1.S2")).Ok);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("perekam", $"/bukti/{publicId}")).StatusCode);
    }

    [Fact]
    public async Task ARefusedUpload_LeavesNoFileBehind()
    {
        var refused = await UploadAsync(await ActorAsync("b-lain", Roles.Officer), EvidenceFiles.Pdf());
        var kiosk = await UploadAsync(await ActorAsync("b-layar", Roles.Screen), EvidenceFiles.PdfOfSize(700));

        Assert.Equal(SaveStatus.Refused, refused.Status);
        Assert.Equal(SaveStatus.Refused, kiosk.Status);
        Assert.Empty(Directory.Exists(_app.EvidenceRoot) ? Directory.EnumerateFiles(_app.EvidenceRoot, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task AnAllowedUpload_StoresTheFile_UnderItsHash()
    {
        await UploadedPublicIdAsync();

        var file = Assert.Single(Directory.EnumerateFiles(_app.EvidenceRoot, "*", SearchOption.AllDirectories));
        Assert.EndsWith(".pdf", file, StringComparison.Ordinal);
    }
}
