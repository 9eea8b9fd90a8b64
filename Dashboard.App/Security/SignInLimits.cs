using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Security;

public sealed class SignInLimitOptions
{
    public const string SectionName = "Dashboard:SignInLimits";

    /// <summary>Sign-in and setup form posts per client IP address per minute (an office behind one NAT address shares it).</summary>
    public int PermitsPerMinute { get; set; } = 20;
}

/// <summary>
/// The rate-limit policy of the anonymous account forms (<c>/masuk</c>, <c>/setup</c>): form posts per client IP address
/// per minute, answered with 429, <c>Retry-After</c> and an Indonesian message. Pages opt in with
/// <c>[EnableRateLimiting(SignInLimits.Policy)]</c>. Other concerns add their own named policy with their own
/// <c>AddRateLimiter</c> call; none of them sets the global limiter or the global OnRejected.
/// </summary>
public sealed class SignInLimits(IOptions<SignInLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "masuk";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Showing the form is free; only submissions cost.
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter(ClientOf(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.PermitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync($"Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {Math.Max(1, seconds)} detik.", ct);
    };

    /// <summary>The client as the sign-in limits see it: its IP address (behind a reverse proxy, configure forwarded headers).</summary>
    public static string ClientOf(HttpContext httpContext) => httpContext.Connection.RemoteIpAddress?.ToString() ?? "tidak-diketahui";
}

public static class SignInLimitsSetup
{
    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.SectionName));
        services.AddRateLimiter(o => o.AddPolicy<string, SignInLimits>(SignInLimits.Policy));
        return services;
    }
}
