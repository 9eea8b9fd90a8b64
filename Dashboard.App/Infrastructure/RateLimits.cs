using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dashboard.App.Infrastructure;

/// <summary><c>Dashboard:RateLimits</c>: per user (or token's user; per IP when anonymous), per minute.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Dashboard:RateLimits";

    /// <summary>Realisation saves through the API and the hub.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Evidence and plan files uploaded.</summary>
    public int UploadsPerMinute { get; set; } = 10;
}

/// <summary>
/// The write and upload limits. HTTP endpoints name a policy (<see cref="Writes"/>, <see cref="Uploads"/>) and get a 429
/// problem in Indonesian with <c>Retry-After</c>; hub methods and Blazor circuits (no HTTP request per call) ask
/// <see cref="TryAcquire"/> of the same limits.
/// </summary>
public sealed class RateLimits : IDisposable
{
    public const string Writes = "writes";
    public const string Uploads = "uploads";

    private readonly PartitionedRateLimiter<string> _writes;
    private readonly PartitionedRateLimiter<string> _uploads;

    public RateLimits(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
    {
        Options = options.Value;
        _writes = Create(Options.WritesPerMinute);
        _uploads = Create(Options.UploadsPerMinute);
    }

    public RateLimitOptions Options { get; }

    private static PartitionedRateLimiter<string> Create(int perMinute) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(perMinute)));

    internal static FixedWindowRateLimiterOptions Window(int perMinute) => new()
    {
        PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
    };

    /// <summary>For a hub call or a circuit: null when allowed, else the Indonesian message with the wait.</summary>
    public string? TryAcquire(string policy, string user)
    {
        var limiter = policy == Uploads ? _uploads : _writes;
        using var lease = limiter.AttemptAcquire(user);
        if (lease.IsAcquired) return null;
        return Message(policy, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1));
    }

    public string Message(string policy, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return policy == Uploads
            ? $"Terlalu banyak unggahan: paling banyak {Options.UploadsPerMinute} berkas per menit. Coba lagi dalam {seconds} detik."
            : $"Terlalu banyak penyimpanan: paling banyak {Options.WritesPerMinute} per menit. Coba lagi dalam {seconds} detik.";
    }

    /// <summary>The user a request counts against: the signed-in (or token) user, else the client's IP.</summary>
    public static string PartitionKey(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "u:" + name : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "?");

    public void Dispose()
    {
        _writes.Dispose();
        _uploads.Dispose();
    }
}

public static class RateLimitServices
{
    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddSingleton<RateLimits>();
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.Writes, http => RateLimitPartition.GetFixedWindowLimiter(RateLimits.PartitionKey(http), _ => RateLimits.Window(options.WritesPerMinute)));
            o.AddPolicy(RateLimits.Uploads, http => RateLimitPartition.GetFixedWindowLimiter(RateLimits.PartitionKey(http), _ => RateLimits.Window(options.UploadsPerMinute)));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? RateLimits.Writes;
                var limits = http.RequestServices.GetRequiredService<RateLimits>();
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Terlalu banyak permintaan",
                    detail: limits.Message(policy, retry),
                    extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds }).ExecuteAsync(http);
            };
        });
        return services;
    }
}
