using Dashboard.App.Audit;
using Dashboard.App.Cli;
using Dashboard.App.Data;
using Dashboard.App.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.App;

/// <summary>The user, token and assignment verbs against a fresh SQLite file. One class: some tests set RENAKSI_PASSWORD.</summary>
public sealed class UserCommandLineTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"renaksi-cli-users-{Guid.NewGuid():N}.db");

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, $"--ConnectionStrings:Dashboard=Data Source={_db}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private DashboardDbContext Db() => new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={_db}").Options);

    private async Task CreateOfficerAsync(string userName = "budi")
    {
        var (code, _, error) = await RunAsync("create-user", "--username", userName, "--role", "Petugas", "--name", "Budi Santoso", "--password", "rahasia-12345");
        Assert.True(code == 0, error);
    }

    private static bool PasswordMatches(AppUser user, string password) =>
        new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, password) != PasswordVerificationResult.Failed;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_db + suffix);
    }

    [Fact]
    public async Task CreateUser_WithPassword_TheUserExistsWithTheRoleAndPassword_AndTheCreationIsAudited()
    {
        var (code, output, error) = await RunAsync("create-user", "--username", "budi", "--role", "Petugas", "--name", "Budi Santoso", "--password", "rahasia-12345");

        Assert.True(code == 0, error);
        Assert.Contains("Pengguna 'budi' (Budi Santoso) dibuat dengan peran Petugas.", output);
        Assert.DoesNotContain("rahasia-12345", output);
        await using var db = Db();
        var user = await db.Users.SingleAsync(u => u.UserName == "budi");
        Assert.Equal("Budi Santoso", user.DisplayName);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal(["Petugas"], roles);
        Assert.True(PasswordMatches(user, "rahasia-12345"));
        var audit = await db.Audit.SingleAsync(a => a.Action == AuditActions.UserCreated);
        Assert.Equal(UserCommands.Actor.UserName, audit.Actor);
        Assert.Contains("\"Budi Santoso\"", audit.After);
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_TakesItFromRenaksiPassword_OrElsePrintsAGeneratedOneOnce()
    {
        var previous = Environment.GetEnvironmentVariable(UserCommands.PasswordVariable);
        try
        {
            Environment.SetEnvironmentVariable(UserCommands.PasswordVariable, "dari-lingkungan-2025");
            var (code, output, error) = await RunAsync("create-user", "--username", "admin2", "--role", "admin");
            Assert.True(code == 0, error);
            Assert.DoesNotContain("dari-lingkungan", output);
            Assert.DoesNotContain("Kata sandi awal", output);

            Environment.SetEnvironmentVariable(UserCommands.PasswordVariable, null);
            (code, output, error) = await RunAsync("create-user", "--username", "layar2", "--role", "Layar");
            Assert.True(code == 0, error);
            var line = Assert.Single(output.Split('\n'), l => l.StartsWith("Kata sandi awal", StringComparison.Ordinal));
            var generated = line[(line.LastIndexOf(' ') + 1)..].Trim();
            Assert.Equal(20, generated.Length);

            await using var db = Db();
            Assert.True(PasswordMatches(await db.Users.SingleAsync(u => u.UserName == "admin2"), "dari-lingkungan-2025"));
            Assert.True(PasswordMatches(await db.Users.SingleAsync(u => u.UserName == "layar2"), generated));
            var adminRole = await db.Roles.SingleAsync(r => r.Name == "Admin");
            Assert.True(await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRole.Id));
        }
        finally
        {
            Environment.SetEnvironmentVariable(UserCommands.PasswordVariable, previous);
        }
    }

    [Fact]
    public async Task CreateUser_WeakPassword_IsRefusedWithTheIdentityMessages_AndNoUserIsCreated()
    {
        var (code, output, error) = await RunAsync("create-user", "--username", "budi", "--role", "Petugas", "--password", "pendek");

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.StartsWith("Kesalahan: ", error);
        Assert.Contains("Kata sandi minimal 10 karakter.", error);
        Assert.Contains("Kata sandi harus memuat angka.", error);
        await using var db = Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "budi"));
    }

    [Fact]
    public async Task CreateUser_TakenName_IsRefused()
    {
        await CreateOfficerAsync();

        var (code, _, error) = await RunAsync("create-user", "--username", "budi", "--role", "Layar", "--password", "rahasia-67890");

        Assert.NotEqual(0, code);
        Assert.Contains("Kesalahan: Nama pengguna 'budi' sudah dipakai.", error);
    }

    [Theory]
    [InlineData("create-user", "--username", "budi", "--role", "Superuser", "--password", "rahasia-12345")]
    [InlineData("create-user", "--username", "budi", "--password", "rahasia-12345")]
    [InlineData("create-user", "--role", "Petugas", "--password", "rahasia-12345")]
    [InlineData("create-user", "--username", "budi", "--role", "Petugas", "--year", "2025")]
    [InlineData("create-token", "--user", "budi")]
    [InlineData("create-token", "--user", "tidak-ada", "--name", "skrip harian")]
    [InlineData("revoke-token", "--id", "tiga")]
    [InlineData("revoke-token", "--id", "999")]
    [InlineData("list-tokens", "--user", "budi")]
    [InlineData("assign", "--year", "2025", "--code", "T1.S2")]
    [InlineData("assign", "--user", "tidak-ada", "--year", "2025", "--code", "T1.S2")]
    [InlineData("assign", "--user", "budi", "--year", "2031", "--code", "T1.S2")]
    [InlineData("unassign", "--user", "budi", "--year", "2025")]
    public async Task BadArguments_FailWithAClearMessage_AndNonZeroExit(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.StartsWith("Kesalahan: ", error);
    }

    [Fact]
    public async Task CreateUser_UnknownRole_NamesTheValidRoles()
    {
        var (_, _, error) = await RunAsync("create-user", "--username", "budi", "--role", "Superuser", "--password", "rahasia-12345");

        Assert.Contains("peran 'Superuser' tidak dikenal (pilih: Admin, Perencana, KepalaDinas, Petugas, Layar)", error);
    }

    [Fact]
    public async Task CreateToken_PrintsTheTokenOnce_OnlyItsHashIsStored_ListShowsIt_AndRevokeMarksItRevoked()
    {
        await CreateOfficerAsync();

        var (code, output, error) = await RunAsync("create-token", "--user", "budi", "--name", "skrip harian");

        Assert.True(code == 0, error);
        var token = output.Trim();
        Assert.StartsWith(ApiTokenService.TokenPrefix, token);
        Assert.DoesNotContain('\n', token);
        Assert.Contains("tidak ditampilkan lagi", error);
        int id;
        await using (var db = Db())
        {
            var record = await db.ApiTokens.SingleAsync();
            Assert.Equal(ApiTokenService.Hash(token), record.TokenHash);
            Assert.Equal("skrip harian", record.Name);
            Assert.Null(record.RevokedAt);
            Assert.False(await db.ApiTokens.AnyAsync(t => t.TokenHash == token || t.Name == token));
            id = record.Id;
        }

        var (_, list, _) = await RunAsync("list-tokens");
        var lines = list.TrimEnd('\n').Split('\n');
        Assert.Equal("id\tpengguna\tnama\tawalan\tdibuat\tterakhir_dipakai\tdicabut", lines[0]);
        Assert.Equal([$"{id}", "budi", "skrip harian", token[..10]], lines[1].Split('\t')[..4]);
        Assert.Equal("-", lines[1].Split('\t')[6]);

        (code, output, error) = await RunAsync("revoke-token", "--id", $"{id}");
        Assert.True(code == 0, error);
        Assert.Contains($"Token {id} dicabut.", output);
        await using (var db = Db())
        {
            Assert.NotNull((await db.ApiTokens.SingleAsync()).RevokedAt);
            Assert.Equal(2, await db.Audit.CountAsync(a => a.Action == AuditActions.TokenCreated || a.Action == AuditActions.TokenRevoked));
        }
        (_, list, _) = await RunAsync("list-tokens");
        Assert.NotEqual("-", list.TrimEnd('\n').Split('\n')[1].Split('\t')[6]);

        (code, _, error) = await RunAsync("revoke-token", "--id", $"{id}");
        Assert.NotEqual(0, code);
        Assert.Contains("sudah dicabut", error);
    }

    [Fact]
    public async Task Assign_UnknownCode_IsRefused_AndNothingIsStored()
    {
        await CreateOfficerAsync();

        var (code, output, error) = await RunAsync("assign", "--user", "budi", "--year", "2025", "--code", "T9.S9");

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.Contains("Kesalahan: Kode 'T9.S9' tidak ada dalam rencana 2025", error);
        await using var db = Db();
        Assert.False(await db.Assignments.AnyAsync());
    }

    [Fact]
    public async Task AssignNodeAndIndicator_ThenUnassign_StoresAndRemovesThem_WithAuditRows()
    {
        await CreateOfficerAsync();

        Assert.Equal(0, (await RunAsync("assign", "--user", "budi", "--year", "2025", "--code", "T1.S2")).Code);
        Assert.Equal(0, (await RunAsync("assign", "--user", "budi", "--year", "2025", "--code", "T2.S1.P1.I3")).Code);
        var (code, output, error) = await RunAsync("unassign", "--user", "budi", "--year", "2025", "--code", "T1.S2");

        Assert.True(code == 0, error);
        Assert.Contains("Penugasan budi pada T1.S2 (2025) dihapus.", output);
        await using var db = Db();
        Assert.Equal(["T2.S1.P1.I3"], await db.Assignments.Select(a => a.Code).ToListAsync());
        var removed = await db.Audit.SingleAsync(a => a.Action == AuditActions.AssignmentRemoved);
        Assert.Contains("\"T1.S2\"", removed.Before);
        Assert.DoesNotContain("\"T1.S2\"", removed.After);

        (code, _, error) = await RunAsync("unassign", "--user", "budi", "--year", "2025", "--code", "T1.S2");
        Assert.NotEqual(0, code);
        Assert.Contains("tidak ditugaskan", error);
    }

    [Fact]
    public async Task UnlockUser_OpensALockedAccount_AndIsAudited()
    {
        await CreateOfficerAsync();
        await using (var db = Db())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "budi");
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
        }

        var (code, output, error) = await RunAsync("unlock-user", "--username", "budi");

        Assert.True(code == 0, error);
        Assert.Contains("Kunci akun 'budi' dibuka", output);
        await using var check = Db();
        Assert.Null((await check.Users.SingleAsync(u => u.UserName == "budi")).LockoutEnd);
        Assert.Contains(await check.Audit.Where(a => a.Action == AuditActions.UserChanged).ToListAsync(),
            a => a.EntityKey == "budi" && a.After!.Contains("\"Locked\":false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndSessions_RenewsTheSecurityStamp()
    {
        await CreateOfficerAsync();
        await using var before = Db();
        var stamp = (await before.Users.SingleAsync(u => u.UserName == "budi")).SecurityStamp;

        var (code, _, error) = await RunAsync("end-sessions", "--username", "budi");

        Assert.True(code == 0, error);
        await using var after = Db();
        Assert.NotEqual(stamp, (await after.Users.SingleAsync(u => u.UserName == "budi")).SecurityStamp);
    }
}
