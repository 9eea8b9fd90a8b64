using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Security;

/// <summary>User administration against the real app's services and a fresh SQLite file (Production: no demo accounts).</summary>
public sealed class UserAdminServiceTests : IAsyncLifetime
{
    private const string Password = "rahasia-uji-123";

    private readonly AppFactory _app = new();
    private UserAdminService _admin = default!;

    /// <summary>Not a database user: stands for whoever administers the install (the command line does the same).</summary>
    private static readonly ActingUser Root = ActingUser.Of("root", Roles.Admin);

    public async Task InitializeAsync()
    {
        _admin = _app.Services.GetRequiredService<UserAdminService>();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ActingUser> CreateAsync(string userName, params string[] roles)
    {
        var result = await _admin.CreateAsync(Root, new NewUser(userName, userName.ToUpperInvariant(), Password, roles));
        Assert.True(result.Ok, result.Message);
        var view = await UserAsync(userName);
        return new ActingUser(view.Id, view.UserName, view.DisplayName, view.Roles.ToHashSet());
    }

    private async Task<UserView> UserAsync(string userName) => (await _admin.ListAsync(Root)).Single(u => u.UserName == userName);

    private async Task<List<AuditRecord>> AuditAsync(string action)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Audit.Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    [Theory]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Head)]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Screen)]
    public async Task NonAdmin_IsRefusedEveryOperation_AndNothingChanges(string role)
    {
        await CreateAsync("sari", Roles.Officer);
        var actor = ActingUser.Of("bukan-admin", role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.ListAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.CreateAsync(actor, new NewUser("x1", "X", Password, [Roles.Admin])));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.ChangeDisplayNameAsync(actor, "sari", "Sari Baru"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.SetRolesAsync(actor, "sari", [Roles.Admin]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.SetLockedAsync(actor, "sari", true));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.ResetPasswordAsync(actor, "sari", "kata-sandi-baru-9"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.AddAssignmentAsync(actor, "sari", 2025, "T1.S2"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.RemoveAssignmentAsync(actor, "sari", 2025, "T1.S2"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.ListTokensAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.CreateTokenAsync(actor, "sari", "skrip"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.RevokeTokenAsync(actor, 1));

        var sari = await UserAsync("sari");
        Assert.Equal([Roles.Officer], sari.Roles);
        Assert.Equal(UserLock.None, sari.Lock);
        Assert.Empty(sari.Assignments);
        Assert.Single(await AuditAsync(AuditActions.UserCreated));
    }

    [Fact]
    public async Task Anonymous_IsRefused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.ListAsync(ActingUser.Anonymous));
    }

    [Fact]
    public async Task LastActiveAdmin_CannotDropOwnAdminRole_OrBeLocked_UntilAnotherActiveAdminExists()
    {
        var ani = await CreateAsync("ani", Roles.Admin);

        var dropOwn = await _admin.SetRolesAsync(ani, "ani", [Roles.Planner]);
        var lockSelf = await _admin.SetLockedAsync(ani, "ani", true);
        var lockedByOther = await _admin.SetLockedAsync(Root, "ani", true);

        Assert.Contains("admin aktif terakhir", dropOwn.For(AdminFields.Roles));
        Assert.Contains("akun Anda sendiri", lockSelf.Message);
        Assert.Contains("Admin aktif terakhir tidak dapat dikunci", lockedByOther.Message);
        Assert.Equal([Roles.Admin], (await UserAsync("ani")).Roles);
        Assert.Equal(UserLock.None, (await UserAsync("ani")).Lock);
        Assert.Empty(await AuditAsync(AuditActions.RolesChanged));

        // A locked second admin does not count; once unlocked, Ani may step down.
        await CreateAsync("bayu", Roles.Admin);
        Assert.True((await _admin.SetLockedAsync(ani, "bayu", true)).Ok);
        Assert.False((await _admin.SetRolesAsync(ani, "ani", [Roles.Planner])).Ok);
        Assert.True((await _admin.SetLockedAsync(ani, "bayu", false)).Ok);
        var stepDown = await _admin.SetRolesAsync(ani, "ani", [Roles.Planner]);

        Assert.True(stepDown.Ok, stepDown.Message);
        Assert.Equal([Roles.Planner], (await UserAsync("ani")).Roles);
        // Still refused to lock oneself even when not the last admin.
        Assert.False((await _admin.SetLockedAsync(await CreateAsync("citra", Roles.Admin), "citra", true)).Ok);
    }

    [Fact]
    public async Task AdminWhoLostTheRoleOrWasLocked_IsRefused_EvenWithTheOldClaimsOfAnOpenCircuit()
    {
        var ani = await CreateAsync("ani", Roles.Admin);
        var bayu = await CreateAsync("bayu", Roles.Admin);
        var citra = await CreateAsync("citra", Roles.Admin);

        Assert.True((await _admin.SetRolesAsync(bayu, "ani", [Roles.Planner])).Ok);
        Assert.True((await _admin.SetLockedAsync(citra, "bayu", true)).Ok);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.ListAsync(ani));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.SetRolesAsync(ani, "ani", [Roles.Admin]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _admin.SetLockedAsync(bayu, "citra", true));
        Assert.Equal(UserLock.None, (await UserAsync("citra")).Lock);
    }

    [Fact]
    public async Task EveryChange_IsAuditedWithBeforeAndAfter_ByTheActor()
    {
        await CreateAsync("sari", Roles.Officer);

        Assert.True((await _admin.ChangeDisplayNameAsync(Root, "sari", "Sari Wulandari")).Ok);
        Assert.True((await _admin.SetRolesAsync(Root, "sari", [Roles.Officer, Roles.Planner])).Ok);
        Assert.True((await _admin.SetLockedAsync(Root, "sari", true)).Ok);
        Assert.True((await _admin.SetLockedAsync(Root, "sari", false)).Ok);
        Assert.True((await _admin.ResetPasswordAsync(Root, "sari", "kata-sandi-baru-9")).Ok);
        Assert.True((await _admin.AddAssignmentAsync(Root, "sari", 2025, "T1.S2")).Ok);
        Assert.True((await _admin.AddAssignmentAsync(Root, "sari", 2025, "T1.S1.P1.I1")).Ok);
        Assert.True((await _admin.RemoveAssignmentAsync(Root, "sari", 2025, "T1.S2")).Ok);

        var created = Assert.Single(await AuditAsync(AuditActions.UserCreated));
        Assert.Equal("root", created.Actor);
        var changes = await AuditAsync(AuditActions.UserChanged);
        Assert.All(changes, c => Assert.Equal(("root", "User", "sari"), (c.Actor, c.Entity, c.EntityKey)));
        Assert.Equal(("{\"DisplayName\":\"SARI\"}", "{\"DisplayName\":\"Sari Wulandari\"}"), (changes[0].Before, changes[0].After));
        Assert.Equal(("{\"Locked\":false}", "{\"Locked\":true}"), (changes[1].Before, changes[1].After));
        Assert.Equal(("{\"Locked\":true}", "{\"Locked\":false}"), (changes[2].Before, changes[2].After));
        Assert.DoesNotContain("kata-sandi-baru-9", changes[3].After + changes[3].Before + changes[3].Detail);
        var roles = Assert.Single(await AuditAsync(AuditActions.RolesChanged));
        Assert.Equal(("{\"Roles\":[\"Petugas\"]}", "{\"Roles\":[\"Perencana\",\"Petugas\"]}"), (roles.Before, roles.After));
        var added = await AuditAsync(AuditActions.AssignmentAdded);
        Assert.Equal(2, added.Count);
        Assert.Equal("sari:2025:T1.S1.P1.I1", added[1].EntityKey);
        Assert.Equal(("{\"User\":\"sari\",\"Year\":2025,\"Codes\":[\"T1.S2\"]}", "{\"User\":\"sari\",\"Year\":2025,\"Codes\":[\"T1.S1.P1.I1\",\"T1.S2\"]}"),
            (added[1].Before, added[1].After));
        var removed = Assert.Single(await AuditAsync(AuditActions.AssignmentRemoved));
        Assert.Equal("{\"User\":\"sari\",\"Year\":2025,\"Codes\":[\"T1.S1.P1.I1\"]}", removed.After);
    }

    [Fact]
    public async Task Create_ReportsEveryProblemAtOnce_NextToItsField()
    {
        await CreateAsync("sari", Roles.Officer);

        var result = await _admin.CreateAsync(Root, new NewUser("sari", "Sari Lain", "pendek", []));

        Assert.False(result.Ok);
        Assert.Equal("Nama pengguna 'sari' sudah dipakai.", result.For(AdminFields.UserName));
        Assert.Contains("Kata sandi minimal 10 karakter.", result.For(AdminFields.Password));
        Assert.Contains("Kata sandi harus memuat angka.", result.For(AdminFields.Password));
        Assert.Equal("Pilih minimal satu peran.", result.For(AdminFields.Roles));
        Assert.Single(await _admin.ListAsync(Root));
    }

    [Fact]
    public async Task ResetPassword_WeakIsRefusedAndTheOldStillWorks_StrongReplacesIt()
    {
        await CreateAsync("sari", Roles.Officer);

        var weak = await _admin.ResetPasswordAsync(Root, "sari", "tanpaangka");
        var strong = await _admin.ResetPasswordAsync(Root, "sari", "kata-sandi-baru-9");

        Assert.Equal("Kata sandi harus memuat angka.", weak.For(AdminFields.Password));
        Assert.True(strong.Ok, strong.Message);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var sari = (await users.FindByNameAsync("sari"))!;
        Assert.True(await users.CheckPasswordAsync(sari, "kata-sandi-baru-9"));
        Assert.False(await users.CheckPasswordAsync(sari, Password));
    }

    [Fact]
    public async Task Assignment_CodeMustExistInThatYearsPlan_AndANodeCoversItsSubtree()
    {
        var sari = await CreateAsync("sari", Roles.Officer);

        var unknown = await _admin.AddAssignmentAsync(Root, "sari", 2025, "T9");
        var noPlan = await _admin.AddAssignmentAsync(Root, "sari", 2031, "T1.S2");
        var node = await _admin.AddAssignmentAsync(Root, "sari", 2025, "T1.S2");
        var again = await _admin.AddAssignmentAsync(Root, "sari", 2025, "T1.S2");

        Assert.Contains("Kode 'T9' tidak ada dalam rencana 2025", unknown.For(AdminFields.Code));
        Assert.Contains("Tidak ada rencana untuk tahun 2031", noPlan.Message);
        Assert.True(node.Ok, node.Message);
        Assert.Contains("sudah ditugaskan", again.Message);
        Assert.Equal([new AssignmentView(2025, "T1.S2")], (await UserAsync("sari")).Assignments);

        var plan = (await _app.Plans.LoadAsync(2025))!.Plan;
        Assert.Equal(9, UserAdminService.CoveredIndicators(plan, ["T1.S2"]));
        Assert.Equal(9, UserAdminService.CoveredIndicators(plan, ["T1.S2", "T1.S2.P1.K1.SK1.I1"]));
        Assert.Equal(9, UserAdminService.AssignableItems(plan).Single(i => i.Code == "T1.S2").IndicatorCount);
        var access = _app.Services.GetRequiredService<AccessService>();
        Assert.True(await access.CanRecordAsync(sari, 2025, plan.FindIndicator("T1.S2.P2.K1.SK1.I1")!));
        Assert.False(await access.CanRecordAsync(sari, 2025, plan.FindIndicator("T1.S1.P1.I1")!));
    }

    [Fact]
    public async Task Tokens_CreatedForAUser_AuthenticateAsThatUser_UntilRevoked()
    {
        await CreateAsync("sari", Roles.Officer);

        var (result, token, secret) = await _admin.CreateTokenAsync(Root, "sari", "skrip harian");
        Assert.True(result.Ok, result.Message);
        using var client = _app.ClientWithToken(secret!);
        var before = await client.GetAsync("/api/v1/plans/2025");
        Assert.True((await _admin.RevokeTokenAsync(Root, token!.Id)).Ok);
        var after = await client.GetAsync("/api/v1/plans/2025");

        Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, after.StatusCode);
        var listed = Assert.Single(await _admin.ListTokensAsync(Root));
        Assert.Equal(("sari", "skrip harian", secret![..10]), (listed.UserName, listed.Name, listed.Prefix));
        Assert.NotNull(listed.RevokedAt);
        Assert.False((await _admin.RevokeTokenAsync(Root, token.Id)).Ok);
    }

    [Fact]
    public async Task AToken_WhoseUserIsLockedOrRenamedInTheApp_IsJudgedAnewAtOnce_NotFromTheCheckCache()
    {
        await CreateAsync("sari", Roles.Officer);
        var (_, _, secret) = await _admin.CreateTokenAsync(Root, "sari", "skrip harian");
        using var client = _app.ClientWithToken(secret!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans/2025")).StatusCode);

        Assert.True((await _admin.SetLockedAsync(Root, "sari", locked: true)).Ok);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/plans/2025")).StatusCode);

        Assert.True((await _admin.SetLockedAsync(Root, "sari", locked: false)).Ok);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans/2025")).StatusCode);
    }
}
