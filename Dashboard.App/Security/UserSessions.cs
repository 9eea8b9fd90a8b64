using System.Security.Claims;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Security;

public sealed class SessionOptions
{
    public const string SectionName = "Dashboard:Sessions";

    /// <summary>How often an open page (circuit) checks that its user is still the same, unlocked user.</summary>
    public int CircuitRevalidationSeconds { get; set; } = 5;

    /// <summary>How long a passed session or API-token check is remembered (0: every request reads the database). A
    /// change made in this app (lock, roles, password, ended sessions, revoked token) forgets them at once; one made by
    /// another process (the command line, another instance) takes effect within this many seconds.</summary>
    public int CheckCacheSeconds { get; set; } = 2;
}

/// <summary>
/// Remembers, for a few seconds, session and API-token checks that passed, so that a busy API client or page does not
/// read its user row on every request. <see cref="Forget"/> drops everything; a check that was reading the database
/// while something changed is not remembered.
/// </summary>
public sealed class SecurityCheckCache(IOptions<SessionOptions> options)
{
    private const int MaxEntries = 10_000;
    private long _generation;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string UserId, string Stamp), long> _sessions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>A token that authenticated: its user's claims at the time, and when its last use was stored.</summary>
    public sealed record CachedToken(int TokenId, IReadOnlyList<Claim> Claims, DateTimeOffset? LastUsedAt, long Until);

    private long Lifetime => Math.Max(0, options.Value.CheckCacheSeconds) * System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Read before the database check; pass it back to Remember… so a check that raced a change is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _sessions.Clear();
        _tokens.Clear();
    }

    public bool SessionPassed(string userId, string stamp) =>
        _sessions.TryGetValue((userId, stamp), out var until) && System.Diagnostics.Stopwatch.GetTimestamp() < until;

    public void RememberSession(string userId, string stamp, long generation)
    {
        if (Lifetime == 0) return;
        if (_sessions.Count > MaxEntries) _sessions.Clear();
        _sessions[(userId, stamp)] = System.Diagnostics.Stopwatch.GetTimestamp() + Lifetime;
        if (Generation != generation) _sessions.TryRemove((userId, stamp), out _);
    }

    public CachedToken? Token(string hash) =>
        _tokens.TryGetValue(hash, out var token) && System.Diagnostics.Stopwatch.GetTimestamp() < token.Until ? token : null;

    public void RememberToken(string hash, int tokenId, IReadOnlyList<Claim> claims, DateTimeOffset? lastUsedAt, long generation)
    {
        if (Lifetime == 0) return;
        if (_tokens.Count > MaxEntries) _tokens.Clear();
        _tokens[hash] = new CachedToken(tokenId, claims, lastUsedAt, System.Diagnostics.Stopwatch.GetTimestamp() + Lifetime);
        if (Generation != generation) _tokens.TryRemove(hash, out _);
    }

    public void TokenUsed(string hash, DateTimeOffset at)
    {
        if (_tokens.TryGetValue(hash, out var token)) _tokens.TryUpdate(hash, token with { LastUsedAt = at }, token);
    }
}

/// <summary>
/// Is a signed-in session still valid? The user must exist, be unlocked, and carry the current security stamp. Locking,
/// role changes, password resets and "akhiri semua sesi" change the stamp, so every cookie, open page and hub connection
/// of that user stops: cookies on their next request, open pages within <see cref="SessionOptions.CircuitRevalidationSeconds"/>,
/// and every service call at once (the services ask here, not the claims the page started with).
/// </summary>
public sealed class UserSessions(IDbContextFactory<DashboardDbContext> factory, TimeProvider time, SecurityCheckCache cache)
{
    /// <summary>Security facts changed in this process (lock, roles, password, sessions, tokens): check again from the database.</summary>
    public void Forget() => cache.Forget();

    /// <summary>The claim Identity puts the security stamp in (IdentityOptions.ClaimsIdentity.SecurityStampClaimType).</summary>
    public const string StampClaim = "AspNet.Identity.SecurityStamp";

    public const string EndedMessage = "Sesi Anda sudah berakhir (akun dikunci, peran atau kata sandi diubah). Masuk kembali.";

    public async Task<bool> IsCurrentAsync(string? userId, string? stamp, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;
        if (cache.SessionPassed(userId, stamp)) return true;
        var generation = cache.Generation;
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        var current = user is not null && user.SecurityStamp == stamp && !(user.LockoutEnd is { } end && end > time.GetUtcNow());
        if (current) cache.RememberSession(userId, stamp, generation);
        return current;
    }

    public Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default) =>
        IsCurrentAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.FindFirstValue(StampClaim), ct);

    /// <summary>
    /// For services: the actor of a request or an open page must still be current. Actors built in process (the command
    /// line, tests) carry no stamp and are taken as they are; every signed-in principal carries one.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ActingUser actor, CancellationToken ct = default) =>
        actor.IsAuthenticated && (actor.SecurityStamp is null || await IsCurrentAsync(actor.Id, actor.SecurityStamp, ct));

    /// <summary>Cookie check on every request (one primary-key read), replacing Identity's 30-minute interval.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>Open pages re-check their user every few seconds; a stale user is signed out of the page (it then asks for a sign-in).</summary>
public sealed class RevalidatingUserStateProvider(ILoggerFactory loggers, UserSessions sessions, IOptions<SessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, options.Value.CircuitRevalidationSeconds));

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsCurrentAsync(authenticationState.User, cancellationToken);
}
