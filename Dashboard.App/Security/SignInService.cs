using Dashboard.App.Audit;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.App.Security;

/// <summary>What the sign-in form shows: success (with the user's roles, for where to land), or one Indonesian message.</summary>
public sealed record SignInOutcome(bool Succeeded, string? Error, IReadOnlyList<string>? Roles = null)
{
    public static SignInOutcome Success(IReadOnlyList<string> roles) => new(true, null, roles);
}

/// <summary>
/// Signing in with a user name and password. Answers the same for an unknown name and a wrong password (same message,
/// a password hash checked either way), counts failures per account and client (<see cref="SignInThrottle"/>) instead of
/// locking the account for everyone, and audits every attempt with capped fields: a name nobody has is stored only as a
/// short prefix, since it may be a password typed into the wrong field.
/// </summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    SignInThrottle throttle,
    AuditLog audit)
{
    /// <summary>Longer names are never looked up (Identity's column holds 256).</summary>
    public const int MaxUserNameLength = 256;

    /// <summary>Characters of an unknown name kept in the audit log.</summary>
    public const int UnknownNamePrefix = 3;

    public const string WrongCredentials = "Nama pengguna atau kata sandi salah.";
    public const string MissingFields = "Isi nama pengguna dan kata sandi.";
    public const string AccountLocked = "Akun ini dikunci. Hubungi admin Dinas.";

    // A hash to check unknown names against, so they cost the same time as known ones.
    private static string? _dummyHash;

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string client)
    {
        var name = userName?.Trim() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(password)) return new SignInOutcome(false, MissingFields);
        var throttleName = name.Length > MaxUserNameLength ? name[..MaxUserNameLength] : name;

        var user = name.Length > MaxUserNameLength ? null : await users.FindByNameAsync(name);
        var auditName = user?.UserName ?? Prefix(name);
        if (throttle.WaitFor(throttleName, client) is { } wait)
        {
            await audit.WriteAsync(auditName, AuditActions.SignInFailed, "User", auditName, detail: $"dibatasi: {client} menunggu {Math.Ceiling(wait.TotalSeconds)} detik");
            return new SignInOutcome(false, Throttled(wait));
        }

        if (user is null)
        {
            _dummyHash ??= hasher.HashPassword(new AppUser(), "bukan-kata-sandi-siapa-pun-1");
            hasher.VerifyHashedPassword(new AppUser(), _dummyHash, password);
            return await FailAsync(throttleName, client, auditName, $"nama tidak dikenal ({name.Length} karakter)");
        }
        if (await users.IsLockedOutAsync(user))
        {
            // Only someone who knows the password learns that the account is locked.
            if (!await users.CheckPasswordAsync(user, password)) return await FailAsync(throttleName, client, auditName, "kata sandi salah (akun dikunci)");
            await audit.WriteAsync(auditName, AuditActions.SignInFailed, "User", auditName, detail: "akun dikunci");
            return new SignInOutcome(false, AccountLocked);
        }
        // No lockout on failure: the account is never locked for everyone by a stranger; the throttle slows the stranger.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!result.Succeeded) return await FailAsync(throttleName, client, auditName, "kata sandi salah");

        await signIn.SignInAsync(user, isPersistent: false);
        throttle.Succeeded(throttleName, client);
        await audit.WriteAsync(auditName, AuditActions.SignIn, "User", auditName);
        return SignInOutcome.Success([.. await users.GetRolesAsync(user)]);
    }

    /// <summary>What of a typed name that matches no user is kept: its first few characters.</summary>
    public static string Prefix(string name) =>
        name.Length <= UnknownNamePrefix ? name : (char.IsHighSurrogate(name[UnknownNamePrefix - 1]) ? name[..(UnknownNamePrefix - 1)] : name[..UnknownNamePrefix]) + "…";

    public static string Throttled(TimeSpan wait) =>
        $"Terlalu banyak percobaan gagal untuk nama ini dari perangkat ini. Coba lagi dalam {Wait(wait)}, atau hubungi admin.";

    private async Task<SignInOutcome> FailAsync(string throttleName, string client, string auditName, string detail)
    {
        throttle.Failed(throttleName, client);
        await audit.WriteAsync(auditName, AuditActions.SignInFailed, "User", auditName, detail: detail);
        return new SignInOutcome(false, WrongCredentials);
    }

    private static string Wait(TimeSpan wait) => wait.TotalSeconds < 90
        ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik"
        : $"{(int)Math.Ceiling(wait.TotalMinutes)} menit";
}
