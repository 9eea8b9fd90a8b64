using System.Security.Cryptography;

namespace Dashboard.App.Infrastructure;

/// <summary>
/// Headers on every response: a Content Security Policy that Blazor Server, MudBlazor and ApexCharts run under, no
/// framing, no MIME sniffing, no referrer to other sites. The one inline script (Blazor's import map) carries a
/// per-request nonce (<see cref="Nonce"/>); styles allow inline because MudBlazor and ApexCharts set style attributes.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce of this request's CSP, for <c>&lt;ImportMap nonce="…"/&gt;</c>.</summary>
    public static string Nonce(HttpContext http) => http.Items[NonceKey] as string ?? "";

    public static string Policy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        // Blazor's circuit and the hub: same origin, http(s) and ws(s).
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
