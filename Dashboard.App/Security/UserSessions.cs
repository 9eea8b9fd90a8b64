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
}

/// <summary>
/// Is a signed-in session still valid? The user must exist, be unlocked, and carry the current security stamp. Locking,
/// role changes, password resets and "akhiri semua sesi" change the stamp, so every cookie, open page and hub connection
/// of that user stops: cookies on their next request, open pages within <see cref="SessionOptions.CircuitRevalidationSeconds"/>,
/// and every service call at once (the services ask here, not the claims the page started with).
/// </summary>
public sealed class UserSessions(IDbContextFactory<DashboardDbContext> factory, TimeProvider time)
{
    /// <summary>The claim Identity puts the security stamp in (IdentityOptions.ClaimsIdentity.SecurityStampClaimType).</summary>
    public const string StampClaim = "AspNet.Identity.SecurityStamp";

    public const string EndedMessage = "Sesi Anda sudah berakhir (akun dikunci, peran atau kata sandi diubah). Masuk kembali.";

    public async Task<bool> IsCurrentAsync(string? userId, string? stamp, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        return user is not null && user.SecurityStamp == stamp && !(user.LockoutEnd is { } end && end > time.GetUtcNow());
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
