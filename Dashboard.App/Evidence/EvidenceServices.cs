using Dashboard.App.Security;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Evidence;

public static class EvidenceServices
{
    /// <summary>Binds <see cref="EvidenceOptions"/> from "Dashboard:Evidence" and registers one shared <see cref="EvidenceStore"/>.</summary>
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.SectionName));
        // Singleton: the store holds configuration only, no user data.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            return new EvidenceStore(options, EvidenceOptions.ResolveRoot(options.Root, contentRoot));
        });
        services.AddSingleton<EvidenceAccess>();
        services.AddSingleton<EvidenceUploads>();
        services.AddSingleton<EvidenceSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceSweeper>());
        return services;
    }

    /// <summary><c>GET /bukti/{publicId}</c>: a stored file as a download, for those <see cref="EvidenceAccess"/> lets see it.</summary>
    public static IEndpointRouteBuilder MapEvidenceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bukti/{publicId}", DownloadAsync).RequireAuthorization();
        return app;
    }

    // Never rendered inline (a download with nosniff), so an uploaded file cannot run script.
    private static async Task<IResult> DownloadAsync(string publicId, EvidenceAccess access, EvidenceStore store, HttpContext http, CancellationToken ct)
    {
        var actor = ActingUser.From(http.User);
        if (!EvidenceAccess.MaySeeAny(actor)) return Forbidden();
        var record = await access.FindAsync(publicId, ct);
        if (record?.RelativePath is null) return Results.Problem(statusCode: 404, title: "Bukti tidak ditemukan");
        if (!await access.CanSeeAsync(actor, record, ct)) return Forbidden();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(store.OpenRead(record.RelativePath), record.ContentType ?? "application/octet-stream", record.OriginalName ?? "bukti");
    }

    private static IResult Forbidden() =>
        Results.Problem(statusCode: 403, title: "Tidak diizinkan", detail: "Bukti dukung hanya untuk perekamnya, petugas yang ditugaskan, perencana, Kepala Dinas dan admin.");
}
