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
        return services;
    }
}
