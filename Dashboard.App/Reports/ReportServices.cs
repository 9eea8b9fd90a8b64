using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Reports;

public static class ReportServices
{
    /// <summary>Services behind /laporan and its .xlsx download. Safe to call more than once.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton<EvaluationReportService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, DownloadStatusCodes>());
        return services;
    }

    /// <summary>
    /// The .xlsx is a file download, also fetched by scripts: without a valid session it answers 401/403 instead of
    /// redirecting to the sign-in page (which a spreadsheet download cannot show anyway). The page keeps the redirect.
    /// </summary>
    private sealed class DownloadStatusCodes : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name != IdentityConstants.ApplicationScheme) return;
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = ctx => IsDownload(ctx.Request) ? Status(ctx, StatusCodes.Status401Unauthorized) : toLogin(ctx);
            options.Events.OnRedirectToAccessDenied = ctx => IsDownload(ctx.Request) ? Status(ctx, StatusCodes.Status403Forbidden) : toDenied(ctx);
        }

        private static bool IsDownload(HttpRequest request) =>
            request.Path.StartsWithSegments(ReportEndpoints.WorkbookPath, StringComparison.OrdinalIgnoreCase);

        private static Task Status(RedirectContext<CookieAuthenticationOptions> ctx, int status)
        {
            ctx.Response.StatusCode = status;
            // Otherwise UseStatusCodePagesWithReExecute renders /not-found, which itself asks for a sign-in: a 302 again.
            if (ctx.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return Task.CompletedTask;
        }
    }
}
