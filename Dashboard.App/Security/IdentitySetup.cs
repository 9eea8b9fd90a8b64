using System.Security.Claims;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Security;

public static class IdentitySetup
{
    public const string LoginPath = "/masuk";
    public const string ApiScheme = "ApiToken";
    private const string SmartScheme = "CookieOrToken";

    /// <summary>ASP.NET Core Identity on the same database; cookies for people, bearer tokens for scripts.</summary>
    public static IServiceCollection AddDashboardIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie atau token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiScheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiScheme, null)
            .AddIdentityCookies();

        services.AddDashboardIdentityCore()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/akun/keluar";
            o.AccessDeniedPath = "/ditolak";
            o.Cookie.Name = "renaksi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Scripts and SignalR clients get status codes, not a login page.
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
            // Every request, not Identity's 30 minutes: a locked or demoted user's cookie stops at once.
            o.Events.OnValidatePrincipal = UserSessions.ValidateCookieAsync;
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        // Open pages re-check their user every few seconds (registered after AddInteractiveServerComponents' default).
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInService>();
        return services;
    }

    /// <summary>
    /// Users, roles and the password rules without sign-in or cookies: shared by the web app and the command line,
    /// so a password the one refuses the other refuses too.
    /// </summary>
    public static IdentityBuilder AddDashboardIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Failed sign-ins never lock an account for everyone (SignInThrottle slows the failing client instead);
                // lockout stays enabled for admins locking a user.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>();

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsMachineRequest(ctx.Request))
        {
            ctx.Response.StatusCode = status;
            // Otherwise the status-code page re-executes /not-found, which itself asks for a sign-in: a 302 again.
            if (ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Requests that scripts, hub clients and downloads make (API, hub, evidence files, .xlsx exports): they get bare
    /// status codes, never a sign-in page or a friendly error page in place of what they asked for.
    /// </summary>
    public static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/bukti")
        || (request.Path.Value?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ?? false);

    private sealed class DisplayNameClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(ActingUser.DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
            return identity;
        }
    }
}

/// <summary>Identity's messages in Indonesian.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Kata sandi minimal {length} karakter." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Kata sandi harus memuat angka." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Kata sandi harus memuat huruf kecil." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Nama pengguna '{userName}' sudah dipakai." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Nama pengguna '{userName}' tidak sah: gunakan huruf, angka, titik, garis bawah atau minus." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Kata sandi salah." };
}
