using System.Security.Cryptography;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Security;

/// <summary>Roles, the Development demo accounts, the Production first-admin setup link, and creating users.</summary>
public sealed class UserSetup(IServiceScopeFactory scopes, IDbContextFactory<DashboardDbContext> factory, TimeProvider time, AccessService access, ILogger<UserSetup> logger)
{
    /// <summary>Demo accounts (Development only): user name, display name, role, password, assigned node codes.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string Password, string[] Codes)> DemoAccounts =
    [
        ("admin", "Admin Renaksi", Roles.Admin, "demo-admin-2025", []),
        ("perencana", "Rina Perencana", Roles.Planner, "demo-perencana-2025", []),
        ("kadis", "Kepala Dinas", Roles.Head, "demo-kadis-2025", []),
        ("petugas1", "Sri Lestari", Roles.Officer, "demo-petugas-2025", ["T1.S1"]),
        ("petugas2", "Agus Setiawan", Roles.Officer, "demo-petugas-2025", ["T1.S2", "T2"]),
        ("layar", "Layar Rapat", Roles.Screen, "demo-layar-2025", []),
    ];

    public async Task EnsureRolesAsync()
    {
        using var scope = scopes.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public async Task SeedDemoAccountsAsync(int year)
    {
        foreach (var (userName, displayName, role, password, codes) in DemoAccounts)
        {
            var result = await CreateUserAsync(userName, displayName, password, [role], "sistem (akun demo)");
            if (!result.Succeeded && result.Errors.All(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))) continue;
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            foreach (var code in codes) await AssignAsync(userName, year, code, "sistem (akun demo)");
        }
    }

    public async Task<IdentityResult> CreateUserAsync(string userName, string displayName, string password, IReadOnlyCollection<string> roles, string createdBy)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = $"Peran harus salah satu dari: {string.Join(", ", Roles.All)}." });
        }
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName.Trim(), DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        var inRoles = await users.AddToRolesAsync(user, roles);
        if (!inRoles.Succeeded) return inRoles;
        await using var db = await factory.CreateDbContextAsync();
        AuditLog.Add(db, time.GetUtcNow(), createdBy, AuditActions.UserCreated, "User", user.UserName, after: new { user.UserName, user.DisplayName, Roles = roles });
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }

    public async Task AssignAsync(string userName, int year, string code, string by)
    {
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        if (await db.Assignments.AnyAsync(a => a.UserId == user.Id && a.Year == year && a.Code == code)) return;
        db.Assignments.Add(new AssignmentRecord { UserId = user.Id, Year = year, Code = code, AssignedAt = time.GetUtcNow(), AssignedBy = by });
        AuditLog.Add(db, time.GetUtcNow(), by, AuditActions.AssignmentAdded, "Assignment", $"{userName}:{year}:{code}", after: new { User = userName, Year = year, Code = code });
        await db.SaveChangesAsync();
        access.Invalidate();
    }

    public async Task<bool> AnyAdminAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync();
        return adminRole is not null && await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRole);
    }

    /// <summary>Production with no admin: a one-time setup token (only its hash is kept); older unused tokens stop working.</summary>
    public async Task<string?> CreateSetupTokenIfNoAdminAsync()
    {
        if (await AnyAdminAsync()) return null;
        await using var db = await factory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        await db.SetupTokens.Where(t => t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        db.SetupTokens.Add(new SetupTokenRecord { TokenHash = ApiTokenService.Hash(token), CreatedAt = now });
        await db.SaveChangesAsync();
        // The token itself goes to the console only (Program.cs), not into log files.
        logger.LogWarning("Belum ada admin: tautan penyiapan sekali pakai ditampilkan di konsol.");
        return token;
    }

    /// <summary>
    /// Creates the first admin with a valid setup token. The token is claimed by a conditional update in the same
    /// transaction as the user (BEGIN IMMEDIATE on SQLite), so concurrent submissions of one link create one admin;
    /// a refused password rolls back and leaves the link usable.
    /// </summary>
    public async Task<IdentityResult> CompleteSetupAsync(string token, string userName, string displayName, string password)
    {
        var refused = IdentityResult.Failed(new IdentityError { Code = "SetupToken", Description = "Tautan penyiapan tidak berlaku atau sudah dipakai." });
        if (string.IsNullOrEmpty(token) || token.Length > 200) return refused;
        var name = userName?.Trim() ?? "";
        var display = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim();
        if (name.Length is 0 or > 100) return Failed(nameof(IdentityErrorDescriber.InvalidUserName), "Nama pengguna wajib diisi, paling banyak 100 karakter.");
        if (display.Length > 200) return Failed("DisplayName", "Nama lengkap paling banyak 200 karakter.");

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow();
        var hash = ApiTokenService.Hash(token);
        var claimed = await db.SetupTokens.Where(t => t.TokenHash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync();
        if (claimed != 1 || (adminRole is not null && await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRole))) return refused;

        var user = new AppUser { UserName = name, DisplayName = display };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        var inRoles = await users.AddToRolesAsync(user, [Roles.Admin]);
        if (!inRoles.Succeeded) return inRoles;
        AuditLog.Add(db, now, "penyiapan pertama", AuditActions.UserCreated, "User", user.UserName, after: new { user.UserName, user.DisplayName, Roles = new[] { Roles.Admin } });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return IdentityResult.Success;
    }

    private static IdentityResult Failed(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
