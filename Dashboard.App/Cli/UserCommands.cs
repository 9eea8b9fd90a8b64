using System.Globalization;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Status;

namespace Dashboard.App.Cli;

/// <summary>
/// <c>create-user</c>, <c>create-token</c>, <c>revoke-token</c>, <c>list-tokens</c>, <c>assign</c>, <c>unassign</c>,
/// <c>unlock-user</c>, <c>end-sessions</c>: the same
/// <see cref="UserAdminService"/> as the page <c>/pengguna</c>, so the same rules and audit rows.
/// </summary>
public static class UserCommands
{
    public const string PasswordVariable = "RENAKSI_PASSWORD";

    /// <summary>Whoever can run the executable against the database file administers it; audited as <c>cli:&lt;OS user&gt;</c>.</summary>
    public static ActingUser Actor { get; } = new("cli", $"cli:{Environment.UserName}", "Baris perintah", new HashSet<string> { Roles.Admin });

    public static async Task<int> CreateUserAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout)
    {
        var userName = args.Require("username");
        var roles = ParseRoles(args.Require("role"));
        var displayName = args.Options.TryGetValue("name", out var n) ? n.Trim() : userName;
        var password = args.Options.GetValueOrDefault("password");
        var generated = false;
        if (string.IsNullOrEmpty(password))
        {
            password = Environment.GetEnvironmentVariable(PasswordVariable);
        }
        if (string.IsNullOrEmpty(password))
        {
            password = UserAdminService.GeneratePassword();
            generated = true;
        }

        var result = await services.GetRequiredService<UserAdminService>().CreateAsync(Actor, new NewUser(userName, displayName, password, roles));
        if (!result.Ok) throw new CliUsageException(result.Message);
        await stdout.WriteLineAsync($"Pengguna '{userName}' ({displayName}) dibuat dengan peran {string.Join(", ", roles)}.");
        if (generated)
        {
            await stdout.WriteLineAsync($"Kata sandi awal (hanya ditampilkan sekali, simpan sekarang): {password}");
        }
        return 0;
    }

    /// <summary>Only the token goes to standard output, so a script can capture it; the note goes to standard error.</summary>
    public static async Task<int> CreateTokenAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {
        var (result, token, secret) = await services.GetRequiredService<UserAdminService>().CreateTokenAsync(Actor, args.Require("user"), args.Require("name"));
        if (!result.Ok) throw new CliUsageException(result.Message);
        await stdout.WriteLineAsync(secret);
        await stderr.WriteLineAsync($"Token {token!.Id} '{token.Name}' untuk {token.UserName} dibuat. Simpan sekarang: token ini tidak ditampilkan lagi.");
        return 0;
    }

    public static async Task<int> RevokeTokenAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout)
    {
        var raw = args.Require("id");
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) throw new CliUsageException($"id token '{raw}' tidak sah (contoh: --id 3).");
        var result = await services.GetRequiredService<UserAdminService>().RevokeTokenAsync(Actor, id);
        if (!result.Ok) throw new CliUsageException(result.Message);
        await stdout.WriteLineAsync($"Token {id} dicabut.");
        return 0;
    }

    /// <summary>Tab-separated, one token a line, times in the agency's time zone.</summary>
    public static async Task<int> ListTokensAsync(IServiceProvider services, TextWriter stdout)
    {
        var zone = services.GetRequiredService<AgencyClock>().Zone;
        await stdout.WriteLineAsync(string.Join('\t', "id", "pengguna", "nama", "awalan", "dibuat", "terakhir_dipakai", "dicabut"));
        foreach (var t in await services.GetRequiredService<UserAdminService>().ListTokensAsync(Actor))
        {
            await stdout.WriteLineAsync(string.Join('\t', t.Id.ToString(CultureInfo.InvariantCulture), t.UserName, t.Name, t.Prefix,
                Time(t.CreatedAt, zone), Time(t.LastUsedAt, zone), Time(t.RevokedAt, zone)));
        }
        return 0;
    }

    public static async Task<int> AssignAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, bool add)
    {
        var user = args.Require("user");
        var year = args.RequireYear();
        var code = args.Require("code");
        var admin = services.GetRequiredService<UserAdminService>();
        var result = add ? await admin.AddAssignmentAsync(Actor, user, year, code) : await admin.RemoveAssignmentAsync(Actor, user, year, code);
        if (!result.Ok) throw new CliUsageException(result.Message);
        await stdout.WriteLineAsync(add ? $"{user} ditugaskan pada {code} ({year})." : $"Penugasan {user} pada {code} ({year}) dihapus.");
        return 0;
    }

    /// <summary>
    /// The way back in for an admin whose account is locked (by another admin or by hand in the database): whoever can
    /// run the executable on the server unlocks it. Failed sign-ins never lock an account (they slow the failing client).
    /// </summary>
    public static async Task<int> UnlockAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout)
    {
        var userName = args.Require("username");
        var result = await services.GetRequiredService<UserAdminService>().SetLockedAsync(Actor, userName, locked: false);
        if (!result.Ok) throw new CliUsageException(result.Message);
        await stdout.WriteLineAsync($"Kunci akun '{userName}' dibuka; pengguna dapat masuk kembali.");
        return 0;
    }

    public static async Task<int> EndSessionsAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout)
    {
        var userName = args.Require("username");
        var result = await services.GetRequiredService<UserAdminService>().SignOutEverywhereAsync(Actor, userName);
        if (!result.Ok) throw new CliUsageException(result.Message);
        await stdout.WriteLineAsync($"Semua sesi '{userName}' diakhiri.");
        return 0;
    }

    /// <summary>One role or several separated by commas, case-insensitive.</summary>
    private static List<string> ParseRoles(string raw)
    {
        var roles = new List<string>();
        foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = Roles.All.FirstOrDefault(r => string.Equals(r, part, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliUsageException($"peran '{part}' tidak dikenal (pilih: {string.Join(", ", Roles.All)}).");
            roles.Add(role);
        }
        return roles.Count > 0 ? roles : throw new CliUsageException("opsi --role wajib diisi.");
    }

    private static string Time(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
}
