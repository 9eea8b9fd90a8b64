using Dashboard.App.Evidence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Evidence;

public sealed class EvidenceOptionsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "renaksi-app");

    [Fact]
    public void Defaults_AreAppDataEvidence_AndTenMebibytes()
    {
        var options = new EvidenceOptions();

        Assert.Equal("App_Data/evidence", options.Root);
        Assert.Equal(10L * 1024 * 1024, options.MaxBytes);
        Assert.Equal(Path.Combine(ContentRoot, "App_Data", "evidence"), EvidenceOptions.ResolveRoot(null, ContentRoot));
        Assert.Equal(Path.Combine(ContentRoot, "App_Data", "evidence"), EvidenceOptions.ResolveRoot("  ", ContentRoot));
    }

    [Fact]
    public void ResolveRoot_TakesRelativePathsFromTheContentRoot_AndKeepsAbsoluteOnes()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "bukti-dukung");

        Assert.Equal(Path.Combine(ContentRoot, "data", "bukti"), EvidenceOptions.ResolveRoot("data/bukti/", ContentRoot));
        Assert.Equal(elsewhere, EvidenceOptions.ResolveRoot(elsewhere, ContentRoot));
        Assert.Equal(Path.Combine(ContentRoot, "wwwroot-bukti"), EvidenceOptions.ResolveRoot("wwwroot-bukti", ContentRoot));
    }

    [Theory]
    [InlineData("wwwroot")]
    [InlineData("wwwroot/evidence")]
    [InlineData("WWWROOT/evidence")]
    [InlineData("App_Data/../wwwroot/uploads")]
    public void ResolveRoot_RefusesAFolderInsideWwwroot(string root)
    {
        var error = Assert.Throws<InvalidOperationException>(() => EvidenceOptions.ResolveRoot(root, ContentRoot));

        Assert.Contains("di luar wwwroot", error.Message);
    }

    [Fact]
    public void AddEvidenceStore_BindsDashboardEvidenceSection_AndSharesOneStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Evidence:Root"] = "data/bukti",
            ["Dashboard:Evidence:MaxBytes"] = "2048",
        }).Build();
        using var services = new ServiceCollection().AddEvidenceStore(configuration, ContentRoot).BuildServiceProvider();

        var store = services.GetRequiredService<EvidenceStore>();

        Assert.Equal(Path.Combine(ContentRoot, "data", "bukti"), store.Root);
        Assert.Equal(2048, store.MaxBytes);
        Assert.Same(store, services.GetRequiredService<EvidenceStore>());
    }

    [Fact]
    public void AddEvidenceStore_WithoutConfiguration_UsesTheDefaults()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddEvidenceStore(configuration, ContentRoot).BuildServiceProvider();

        var store = services.GetRequiredService<EvidenceStore>();

        Assert.Equal(Path.Combine(ContentRoot, "App_Data", "evidence"), store.Root);
        Assert.Equal(EvidenceOptions.DefaultMaxBytes, store.MaxBytes);
    }
}
