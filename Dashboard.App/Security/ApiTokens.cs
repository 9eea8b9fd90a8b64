using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Security;

/// <summary>Creates, lists and revokes API tokens. The token itself is shown once; only its SHA-256 is stored.</summary>
public sealed class ApiTokenService(IDbContextFactory<DashboardDbContext> factory, TimeProvider time, UserSessions sessions)
{
    public const string TokenPrefix = "rk_";

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<(ApiTokenRecord Record, string Token)> CreateAsync(string userName, string name, string createdBy, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Nama token wajib diisi.", nameof(name));
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw new KeyNotFoundException($"Pengguna '{userName}' tidak ada.");
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiTokenRecord
        {
            UserId = user.Id, Name = name.Trim(), TokenHash = Hash(token), Prefix = token[..10], CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(record);
        AuditLog.Add(db, record.CreatedAt, createdBy, AuditActions.TokenCreated, "ApiToken", userName, after: new { record.Name, record.Prefix, User = userName });
        await db.SaveChangesAsync(ct);
        return (record, token);
    }

    public async Task<bool> RevokeAsync(int id, string revokedBy, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (record is null || record.RevokedAt is not null) return false;
        record.RevokedAt = time.GetUtcNow();
        AuditLog.Add(db, record.RevokedAt.Value, revokedBy, AuditActions.TokenRevoked, "ApiToken", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { record.Name, record.Prefix, Revoked = false }, after: new { record.Name, record.Prefix, Revoked = true });
        await db.SaveChangesAsync(ct);
        sessions.Forget();
        return true;
    }

    public async Task<List<(ApiTokenRecord Token, string UserName)>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking().Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t, u.UserName }).ToListAsync(ct);
        return rows.OrderBy(r => r.t.Id).Select(r => (r.t, r.UserName ?? "")).ToList();
    }
}

/// <summary>Authenticates <c>Authorization: Bearer rk_…</c> as the token's user, with that user's roles.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<DashboardDbContext> factory,
    IUserClaimsPrincipalFactory<AppUser> principals,
    SecurityCheckCache cache,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiTokenService.TokenPrefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Token tidak dikenal.");

        var hash = ApiTokenService.Hash(token);
        var now = time.GetUtcNow();
        if (cache.Token(hash) is { } known)
        {
            if (known.LastUsedAt is null || now - known.LastUsedAt > LastUsedPrecision)
            {
                await using var touch = await factory.CreateDbContextAsync(Context.RequestAborted);
                await touch.ApiTokens.Where(t => t.Id == known.TokenId).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
                cache.TokenUsed(hash, now);
            }
            return Success(known.Claims);
        }

        var generation = cache.Generation;
        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var record = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (record is null || record.RevokedAt is not null) return AuthenticateResult.Fail("Token tidak berlaku.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == record.UserId, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow())) return AuthenticateResult.Fail("Pengguna token tidak aktif.");

        if (record.LastUsedAt is null || now - record.LastUsedAt > LastUsedPrecision)
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var claims = (await principals.CreateAsync(user)).Claims.ToList();
        cache.RememberToken(hash, record.Id, claims, record.LastUsedAt, generation);
        return Success(claims);
    }

    // A fresh principal per request: the claims are shared, the identity is not.
    private AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role)), Scheme.Name));

    // Scripts get a problem body with the status, never a login page or a friendly error page in its place.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Token tidak berlaku", "Kirim token API yang sah: Authorization: Bearer rk_…");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Tidak diizinkan", "Peran pemilik token tidak berhak atas tindakan ini.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new { type = "about:blank", title, status, detail }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
