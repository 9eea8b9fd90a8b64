using System.Security.Cryptography;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Security;

/// <summary>A user as the admin page and the command line see them.</summary>
public sealed record UserView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, UserLock Lock, DateTimeOffset? LockedUntil,
    IReadOnlyList<AssignmentView> Assignments);

public enum UserLock
{
    None,
    /// <summary>Locked by an admin until unlocked.</summary>
    Locked,
    /// <summary>Too many failed sign-ins; unlocks by itself.</summary>
    Temporarily,
}

/// <summary>Penugasan: a node (covers its subtree) or an indicator, in one plan year.</summary>
public sealed record AssignmentView(int Year, string Code);

public sealed record NewUser(string UserName, string? DisplayName, string Password, IReadOnlyCollection<string> Roles);

public sealed record TokenView(int Id, string UserName, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A node or an indicator that can be assigned, with how many indicators it covers.</summary>
public sealed record AssignableItem(string Code, string LevelLabel, string Text, int IndicatorCount, bool IsIndicator);

/// <summary>A refusal, with the form field it belongs to (<see cref="AdminFields"/>) so the page can show it next to that field.</summary>
public sealed record AdminError(string Field, string Message);

public sealed record AdminResult(IReadOnlyList<AdminError> Errors)
{
    public static readonly AdminResult Success = new([]);

    public bool Ok => Errors.Count == 0;

    public string Message => string.Join(" ", Errors.Select(e => e.Message));

    /// <summary>The messages for one field, or null when it has none.</summary>
    public string? For(string field)
    {
        var messages = Errors.Where(e => e.Field == field).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public static AdminResult Fail(string field, string message) => new([new AdminError(field, message)]);
}

public static class AdminFields
{
    public const string UserName = nameof(UserName);
    public const string DisplayName = nameof(DisplayName);
    public const string Password = nameof(Password);
    public const string Roles = nameof(Roles);
    public const string Code = nameof(Code);
    public const string Token = nameof(Token);
    public const string General = "";
}

/// <summary>
/// Users, roles, locks, passwords, assignments and API tokens, for admins only (checked here, whatever the caller).
/// Every change is audited with the state before and after, in the same transaction as the change.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<DashboardDbContext> factory,
    UserSetup setup,
    ApiTokenService tokens,
    Dashboard.App.Live.PlanReadModel plans,
    AccessService access,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time,
    UserSessions sessions)
{
    /// <summary>The password rules in words, from the same options Identity enforces.</summary>
    public string PasswordRules
    {
        get
        {
            var p = identityOptions.Value.Password;
            var parts = new List<string> { $"minimal {p.RequiredLength} karakter" };
            var needs = new List<string>();
            if (p.RequireLowercase) needs.Add("huruf kecil");
            if (p.RequireUppercase) needs.Add("huruf besar");
            if (p.RequireDigit) needs.Add("angka");
            if (p.RequireNonAlphanumeric) needs.Add("simbol");
            if (needs.Count > 0) parts.Add("memuat " + string.Join(" dan ", needs));
            return "Kata sandi " + string.Join(", ", parts) + ".";
        }
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(ActingUser actor, CancellationToken ct = default)
    {
        await DemandAsync(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow();
        return users.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Select(u => new UserView(
                u.Id, u.UserName ?? "", u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").OrderBy(r => IndexOfRole(r)).ToList(),
                LockOf(u, now), u.LockoutEnd is { } end && end > now ? end : null,
                assignments.Where(a => a.UserId == u.Id).OrderBy(a => a.Year).ThenBy(a => a.Code, StringComparer.Ordinal)
                    .Select(a => new AssignmentView(a.Year, a.Code)).ToList()))
            .ToList();
    }

    public async Task<AdminResult> CreateAsync(ActingUser actor, NewUser user)
    {
        await DemandAsync(actor);
        var userName = user.UserName?.Trim() ?? "";
        var errors = new List<AdminError>();
        if (userName.Length == 0) errors.Add(new(AdminFields.UserName, "Nama pengguna wajib diisi."));
        if (user.DisplayName?.Trim().Length > 200) errors.Add(new(AdminFields.DisplayName, "Nama lengkap paling banyak 200 karakter."));
        if (RolesError(user.Roles) is { } rolesError) errors.Add(rolesError);
        // All the messages at once (name taken, password too short, ...), each next to its field.
        using (var scope = scopes.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var candidate = new AppUser { UserName = userName };
            if (errors.All(e => e.Field != AdminFields.UserName))
            {
                foreach (var validator in users.UserValidators)
                {
                    errors.AddRange((await validator.ValidateAsync(users, candidate)).Errors.Select(ToAdminError));
                }
            }
            errors.AddRange(await PasswordErrorsAsync(user.Password ?? "", users, candidate));
        }
        if (errors.Count > 0) return new AdminResult(errors);

        var created = await setup.CreateUserAsync(userName, user.DisplayName ?? "", user.Password!, user.Roles.Distinct().ToList(), actor.UserName);
        return created.Succeeded ? AdminResult.Success : new AdminResult(created.Errors.Select(ToAdminError).ToList());
    }

    public Task<AdminResult> ChangeDisplayNameAsync(ActingUser actor, string userName, string displayName) =>
        ChangeAsync(actor, userName, async (users, db, user) =>
        {
            var name = displayName?.Trim() ?? "";
            if (name.Length == 0) return AdminResult.Fail(AdminFields.DisplayName, "Nama lengkap wajib diisi.");
            if (name.Length > 200) return AdminResult.Fail(AdminFields.DisplayName, "Nama lengkap paling banyak 200 karakter.");
            var before = user.DisplayName;
            if (before == name) return AdminResult.Success;
            user.DisplayName = name;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded) return FromIdentity(updated);
            Audit(db, actor, AuditActions.UserChanged, user, new { DisplayName = before }, new { DisplayName = name });
            return AdminResult.Success;
        });

    public Task<AdminResult> SetRolesAsync(ActingUser actor, string userName, IReadOnlyCollection<string> roles) =>
        ChangeAsync(actor, userName, async (users, db, user) =>
        {
            if (RolesError(roles) is { } error) return new AdminResult([error]);
            var before = (await users.GetRolesAsync(user)).OrderBy(IndexOfRole).ToList();
            var after = roles.Distinct().OrderBy(IndexOfRole).ToList();
            if (before.SequenceEqual(after)) return AdminResult.Success;
            if (before.Contains(Roles.Admin) && !after.Contains(Roles.Admin) && !await OtherActiveAdminAsync(db, user.Id))
            {
                return AdminResult.Fail(AdminFields.Roles, "Peran Admin tidak dapat dicabut dari admin aktif terakhir. Jadikan pengguna lain admin terlebih dahulu.");
            }
            var removed = await users.RemoveFromRolesAsync(user, before.Except(after));
            if (!removed.Succeeded) return FromIdentity(removed);
            var added = await users.AddToRolesAsync(user, after.Except(before));
            if (!added.Succeeded) return FromIdentity(added);
            // Signed-in sessions pick up the new roles when their cookie is next validated.
            await users.UpdateSecurityStampAsync(user);
            Audit(db, actor, AuditActions.RolesChanged, user, new { Roles = before }, new { Roles = after });
            return AdminResult.Success;
        });

    public Task<AdminResult> SetLockedAsync(ActingUser actor, string userName, bool locked) =>
        ChangeAsync(actor, userName, async (users, db, user) =>
        {
            var wasLocked = LockOf(user, time.GetUtcNow()) != UserLock.None;
            if (locked)
            {
                if (user.Id == actor.Id) return AdminResult.Fail(AdminFields.General, "Anda tidak dapat mengunci akun Anda sendiri.");
                if (await users.IsInRoleAsync(user, Roles.Admin) && !await OtherActiveAdminAsync(db, user.Id))
                {
                    return AdminResult.Fail(AdminFields.General, "Admin aktif terakhir tidak dapat dikunci.");
                }
                await users.SetLockoutEnabledAsync(user, true);
                var set = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                if (!set.Succeeded) return FromIdentity(set);
                // Ends the user's open sessions at their next cookie validation; API tokens stop at once.
                await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                var set = await users.SetLockoutEndDateAsync(user, null);
                if (!set.Succeeded) return FromIdentity(set);
                await users.ResetAccessFailedCountAsync(user);
            }
            Audit(db, actor, AuditActions.UserChanged, user, new { Locked = wasLocked }, new { Locked = locked });
            return AdminResult.Success;
        });

    /// <summary>An admin sets a new password (no e-mail in this agency's setup); the user's sessions end.</summary>
    public Task<AdminResult> ResetPasswordAsync(ActingUser actor, string userName, string password) =>
        ChangeAsync(actor, userName, async (users, db, user) =>
        {
            // Validate first: removing the old password and then failing to add the new one would leave none.
            var errors = await PasswordErrorsAsync(password ?? "", users, user);
            if (errors.Count > 0) return new AdminResult(errors);
            if (await users.HasPasswordAsync(user))
            {
                var removed = await users.RemovePasswordAsync(user);
                if (!removed.Succeeded) return FromIdentity(removed);
            }
            var added = await users.AddPasswordAsync(user, password!);
            if (!added.Succeeded) return FromIdentity(added);
            await users.ResetAccessFailedCountAsync(user);
            // AddPasswordAsync already renews the stamp; said here too so the rule does not hang on Identity's internals.
            await users.UpdateSecurityStampAsync(user);
            Audit(db, actor, AuditActions.UserChanged, user, new { Password = "lama" }, new { Password = "diatur ulang" }, "Kata sandi diatur ulang oleh admin.");
            return AdminResult.Success;
        });

    /// <summary>"Akhiri semua sesi": every cookie, open page and hub connection of the user stops (API tokens stay; revoke those separately).</summary>
    public Task<AdminResult> SignOutEverywhereAsync(ActingUser actor, string userName) =>
        ChangeAsync(actor, userName, async (users, db, user) =>
        {
            var renewed = await users.UpdateSecurityStampAsync(user);
            if (!renewed.Succeeded) return FromIdentity(renewed);
            Audit(db, actor, AuditActions.UserChanged, user, new { Sesi = "aktif" }, new { Sesi = "diakhiri" }, "Semua sesi pengguna diakhiri.");
            return AdminResult.Success;
        });

    public async Task<AdminResult> AddAssignmentAsync(ActingUser actor, string userName, int year, string code)
    {
        await DemandAsync(actor);
        code = code?.Trim() ?? "";
        var plan = (await plans.GetAsync(year))?.Plan;
        if (plan is null) return AdminResult.Fail(AdminFields.Code, $"Tidak ada rencana untuk tahun {year}.");
        if (plan.FindNode(code) is null && plan.FindIndicator(code) is null)
        {
            return AdminResult.Fail(AdminFields.Code, $"Kode '{code}' tidak ada dalam rencana {year}: pilih kode node atau indikator.");
        }
        return await ChangeCoreAsync(userName, async (_, db, user) =>
        {
            var before = await AssignedCodesAsync(db, user.Id, year);
            if (before.Contains(code)) return AdminResult.Fail(AdminFields.Code, $"{user.UserName} sudah ditugaskan pada {code} ({year}).");
            db.Assignments.Add(new AssignmentRecord { UserId = user.Id, Year = year, Code = code, AssignedAt = time.GetUtcNow(), AssignedBy = actor.UserName });
            AuditAssignment(db, actor, AuditActions.AssignmentAdded, user, year, code, before, [.. before, code]);
            return AdminResult.Success;
        });
    }

    public Task<AdminResult> RemoveAssignmentAsync(ActingUser actor, string userName, int year, string code) =>
        ChangeAsync(actor, userName, async (_, db, user) =>
        {
            var record = await db.Assignments.SingleOrDefaultAsync(a => a.UserId == user.Id && a.Year == year && a.Code == code);
            if (record is null) return AdminResult.Fail(AdminFields.Code, $"{user.UserName} tidak ditugaskan pada {code} ({year}).");
            var before = await AssignedCodesAsync(db, user.Id, year);
            db.Assignments.Remove(record);
            AuditAssignment(db, actor, AuditActions.AssignmentRemoved, user, year, code, before, before.Where(c => c != code).ToList());
            return AdminResult.Success;
        });

    public async Task<IReadOnlyList<TokenView>> ListTokensAsync(ActingUser actor, CancellationToken ct = default)
    {
        await DemandAsync(actor);
        return (await tokens.ListAsync(ct))
            .Select(t => new TokenView(t.Token.Id, t.UserName, t.Token.Name, t.Token.Prefix, t.Token.CreatedAt, t.Token.LastUsedAt, t.Token.RevokedAt))
            .ToList();
    }

    /// <summary>The token is returned once; only its hash is stored.</summary>
    public async Task<(AdminResult Result, TokenView? Token, string? Secret)> CreateTokenAsync(ActingUser actor, string userName, string name)
    {
        await DemandAsync(actor);
        if (string.IsNullOrWhiteSpace(name)) return (AdminResult.Fail(AdminFields.Token, "Nama token wajib diisi (mis. \"skrip harian\")."), null, null);
        if (name.Trim().Length > 100) return (AdminResult.Fail(AdminFields.Token, "Nama token paling banyak 100 karakter."), null, null);
        if (string.IsNullOrWhiteSpace(userName)) return (AdminResult.Fail(AdminFields.UserName, "Pilih pengguna pemilik token."), null, null);
        try
        {
            var (record, token) = await tokens.CreateAsync(userName.Trim(), name, actor.UserName);
            return (AdminResult.Success, new TokenView(record.Id, userName.Trim(), record.Name, record.Prefix, record.CreatedAt, null, null), token);
        }
        catch (KeyNotFoundException)
        {
            return (AdminResult.Fail(AdminFields.UserName, $"Pengguna '{userName}' tidak ada."), null, null);
        }
    }

    public async Task<AdminResult> RevokeTokenAsync(ActingUser actor, int id)
    {
        await DemandAsync(actor);
        return await tokens.RevokeAsync(id, actor.UserName)
            ? AdminResult.Success
            : AdminResult.Fail(AdminFields.Token, $"Token {id} tidak ada atau sudah dicabut.");
    }

    /// <summary>The password rules' messages for a candidate password (shown while the admin types).</summary>
    public Task<IReadOnlyList<AdminError>> CheckPasswordAsync(string password) => PasswordErrorsAsync(password ?? "");

    /// <summary>20 characters from lowercase letters and digits (about 100 bits), always with both, without look-alikes.</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string all = letters + digits;
        while (true)
        {
            var password = RandomNumberGenerator.GetString(all, 20);
            if (password.Any(char.IsDigit) && password.Any(char.IsLower)) return password;
        }
    }

    /// <summary>Nodes and indicators of a plan in document order, each with the number of indicators an assignment to it covers.</summary>
    public static IReadOnlyList<AssignableItem> AssignableItems(Plan plan)
    {
        var items = new List<AssignableItem>();
        foreach (var node in plan.AllNodes())
        {
            items.Add(new AssignableItem(node.Code, node.Level.Label(), $"{node.Label} · {node.Title}", node.SubtreeIndicators().Count(), false));
            items.AddRange(node.Indicators.Select(i => new AssignableItem(i.Code, "Indikator", i.Name, 1, true)));
        }
        return items;
    }

    /// <summary>How many indicators of the plan the assigned codes cover (a node covers its subtree; overlaps count once).</summary>
    public static int CoveredIndicators(Plan plan, IEnumerable<string> codes)
    {
        var set = codes.ToHashSet(StringComparer.Ordinal);
        return plan.AllIndicators().Count(i => Assignments.Covers(set, i));
    }

    /// <summary>
    /// Admins only. The actor's roles come from a cookie that a circuit can keep for hours, so an actor who is a database
    /// user must also still be an unlocked admin there. (The command line's actor is not a database user.)
    /// </summary>
    private async Task DemandAsync(ActingUser actor)
    {
        if (!actor.IsAuthenticated || !Permissions.CanManageUsers(actor.Roles.ToList())) throw Refused();
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == actor.Id);
        if (user is null) return;
        var stillAdmin = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .AnyAsync(x => x.UserId == user.Id && x.Name == Roles.Admin);
        if (!stillAdmin || LockOf(user, time.GetUtcNow()) != UserLock.None) throw Refused();
        if (!await sessions.IsCurrentAsync(actor)) throw Refused();
    }

    private static UnauthorizedAccessException Refused() => new("Hanya admin yang dapat mengelola pengguna, peran, penugasan dan token.");

    /// <summary>
    /// One change to one user in one transaction (BEGIN IMMEDIATE on SQLite, so the last-admin checks cannot race):
    /// Identity's stores and the audit row share the scope's context; a refusal rolls everything back.
    /// </summary>
    private async Task<AdminResult> ChangeAsync(ActingUser actor, string userName, Func<UserManager<AppUser>, DashboardDbContext, AppUser, Task<AdminResult>> change)
    {
        await DemandAsync(actor);
        return await ChangeCoreAsync(userName, change);
    }

    private async Task<AdminResult> ChangeCoreAsync(string userName, Func<UserManager<AppUser>, DashboardDbContext, AppUser, Task<AdminResult>> change)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var user = await users.FindByNameAsync(userName?.Trim() ?? "");
        if (user is null) return AdminResult.Fail(AdminFields.UserName, $"Pengguna '{userName}' tidak ada.");
        var result = await change(users, db, user);
        if (!result.Ok) return result;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        access.Invalidate();
        sessions.Forget();
        return result;
    }

    private async Task<IReadOnlyList<AdminError>> PasswordErrorsAsync(string password, UserManager<AppUser>? users = null, AppUser? user = null)
    {
        if (users is null)
        {
            using var scope = scopes.CreateScope();
            return await PasswordErrorsAsync(password, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), new AppUser());
        }
        var errors = new List<AdminError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user ?? new AppUser(), password);
            errors.AddRange(result.Errors.Select(e => new AdminError(AdminFields.Password, e.Description)));
        }
        return errors;
    }

    private async Task<bool> OtherActiveAdminAsync(DashboardDbContext db, string userId)
    {
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync();
        if (adminRole is null) return false;
        var others = await db.UserRoles.Where(ur => ur.RoleId == adminRole && ur.UserId != userId)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u).ToListAsync();
        var now = time.GetUtcNow();
        return others.Any(u => LockOf(u, now) == UserLock.None);
    }

    private static async Task<List<string>> AssignedCodesAsync(DashboardDbContext db, string userId, int year) =>
        (await db.Assignments.Where(a => a.UserId == userId && a.Year == year).Select(a => a.Code).ToListAsync()).Order(StringComparer.Ordinal).ToList();

    private static UserLock LockOf(AppUser user, DateTimeOffset now) => user.LockoutEnd switch
    {
        { } end when end > now.AddYears(100) => UserLock.Locked,
        { } end when end > now => UserLock.Temporarily,
        _ => UserLock.None,
    };

    private static AdminError? RolesError(IReadOnlyCollection<string>? roles)
    {
        if (roles is null || roles.Count == 0) return new(AdminFields.Roles, "Pilih minimal satu peran.");
        return roles.Any(r => !Roles.All.Contains(r))
            ? new(AdminFields.Roles, $"Peran harus salah satu dari: {string.Join(", ", Roles.All)}.")
            : null;
    }

    private static int IndexOfRole(string role)
    {
        for (var i = 0; i < Roles.All.Count; i++) if (Roles.All[i] == role) return i;
        return int.MaxValue;
    }

    private static AdminError ToAdminError(IdentityError e) => new(e.Code switch
    {
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => AdminFields.Password,
        _ when e.Code.Contains("UserName", StringComparison.Ordinal) => AdminFields.UserName,
        "Role" => AdminFields.Roles,
        _ => AdminFields.General,
    }, e.Description);

    private static AdminResult FromIdentity(IdentityResult result) => new(result.Errors.Select(ToAdminError).ToList());

    private void Audit(DashboardDbContext db, ActingUser actor, string action, AppUser user, object before, object after, string? detail = null) =>
        AuditLog.Add(db, time.GetUtcNow(), actor.UserName, action, "User", user.UserName, before, after, detail);

    private void AuditAssignment(DashboardDbContext db, ActingUser actor, string action, AppUser user, int year, string code,
        IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        AuditLog.Add(db, time.GetUtcNow(), actor.UserName, action, "Assignment", $"{user.UserName}:{year}:{code}",
            new { User = user.UserName, Year = year, Codes = before }, new { User = user.UserName, Year = year, Codes = after.Order(StringComparer.Ordinal).ToList() });
}

public static class UserAdminSetup
{
    /// <summary>The user administration service (page <c>/pengguna</c> and the command line). Needs Identity's core services.</summary>
    public static IServiceCollection AddDashboardUserAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton<UserAdminService>();
        return services;
    }
}
