using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Audit;

public static class AuditServices
{
    /// <summary>The audit log reader and the export's sign-in behaviour. Safe to call more than once.</summary>
    public static IServiceCollection AddAuditQuery(this IServiceCollection services)
    {
        services.TryAddSingleton<AuditQuery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, ExportStatusCodes>());
        return services;
    }

    /// <summary>
    /// The export is a file download, also fetched by scripts: without a valid session it answers 401/403 instead of
    /// redirecting to the sign-in page (which a spreadsheet download cannot show anyway).
    /// </summary>
    private sealed class ExportStatusCodes : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name != IdentityConstants.ApplicationScheme) return;
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = ctx => IsExport(ctx.Request) ? Status(ctx, StatusCodes.Status401Unauthorized) : toLogin(ctx);
            options.Events.OnRedirectToAccessDenied = ctx => IsExport(ctx.Request) ? Status(ctx, StatusCodes.Status403Forbidden) : toDenied(ctx);
        }

        private static bool IsExport(HttpRequest request) => request.Path.StartsWithSegments(AuditEndpoints.ExportPath, StringComparison.OrdinalIgnoreCase);

        private static Task Status(RedirectContext<CookieAuthenticationOptions> ctx, int status)
        {
            ctx.Response.StatusCode = status;
            // Otherwise UseStatusCodePagesWithReExecute renders /not-found, which itself asks for a sign-in: a 302 again.
            if (ctx.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return Task.CompletedTask;
        }
    }
}
