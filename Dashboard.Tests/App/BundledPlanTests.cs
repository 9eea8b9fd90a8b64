using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.App.Data;
using Dashboard.App.Infrastructure;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.App;

/// <summary>The Renaksi 2025 as loaded into SQLite through the migrations equals the signed document.</summary>
public sealed partial class BundledPlanTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"renaksi-seed-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = BuildServices(_db);
        await _services.GetRequiredService<PlanSeeder>().MigrateAndSeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_db + suffix);
    }

    internal static ServiceProvider BuildServices(string dbPath)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={dbPath}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddDashboardCore(config, Path.GetTempPath());
        return services.BuildServiceProvider();
    }

    private async Task<Plan> LoadAsync() => (await _services.GetRequiredService<PlanRepository>().LoadAsync(2025))!.Plan;

    [Fact]
    public async Task LoadedPlan_HasTheDocumentsCountsPerLevel()
    {
        var plan = await LoadAsync();

        Assert.Equal(2025, plan.Year);
        Assert.Equal("Dinas Koperasi dan UKM Kabupaten Purbalingga", plan.Agency);
        var perLevel = plan.AllNodes().GroupBy(n => n.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, perLevel[NodeLevel.Tujuan]);
        Assert.Equal(3, perLevel[NodeLevel.Sasaran]);
        Assert.Equal(7, perLevel[NodeLevel.Program]);
        Assert.Equal(13, perLevel[NodeLevel.Kegiatan]);
        Assert.Equal(32, perLevel[NodeLevel.SubKegiatan]);
        Assert.Equal(63, plan.AllIndicators().Count());
    }

    [Fact]
    public async Task LoadedPlan_EveryIndicatorsUnitAndFiveTargets_EqualTheSourceDocument()
    {
        var plan = await LoadAsync();
        var document = ReadDocumentRows();
        Assert.Equal(63, document.Count);

        // The document repeats the "Tujuan 1" header after Sasaran 1's subtree to add Tujuan 1's second indicator
        // (Kontribusi UMKM terhadap PDRB): in the tree it belongs right after Tujuan 1's first indicator.
        var expected = document.ToList();
        var pdrb = expected.FindIndex(r => r.Annual == 66.83m);
        Assert.Equal(14, pdrb);
        var moved = expected[pdrb];
        expected.RemoveAt(pdrb);
        expected.Insert(1, moved);

        var actual = plan.AllIndicators()
            .Select(i => new Row(i.Unit, i.AnnualTarget, i.QuarterTargets[0]!.Value, i.QuarterTargets[1]!.Value, i.QuarterTargets[2]!.Value, i.QuarterTargets[3]!.Value))
            .ToList();
        for (var n = 0; n < expected.Count; n++)
        {
            Assert.True(expected[n] == actual[n], $"Indicator #{n + 1} ({plan.AllIndicators().ElementAt(n).Code}): document {expected[n]}, loaded {actual[n]}");
        }
        Assert.Equal("T1.I2", plan.AllIndicators().ElementAt(1).Code);
        Assert.Equal("Kontribusi UMKM terhadap PDRB", plan.AllIndicators().ElementAt(1).Name);
    }

    [Fact]
    public async Task LoadedPlan_KeepsNamesRemarksAndTheNumbersThatLookWrong()
    {
        var plan = await LoadAsync();

        var sakip = plan.AllIndicators().Single(i => i.Name == "Nilai SAKIP DINKOP UKM");
        Assert.Equal(73.33m, sakip.AnnualTarget);
        Assert.Equal([0m, 0m, 73.25m, 0m], sakip.QuarterTargets);
        Assert.Equal(Aggregation.Level, sakip.Aggregation);
        var wirausaha = plan.AllIndicators().Single(i => i.Name == "Jumlah Wirausaha Baru");
        Assert.Equal([0m, 12.7m, 25.3m, 38m], wirausaha.QuarterTargets);
        Assert.Equal(Aggregation.Cumulative, wirausaha.Aggregation);
        Assert.Equal("Capaian pada akhir tahun", plan.FindIndicator("T1.I1")!.Remark);
        Assert.Equal(6, plan.AllNodes().Single(n => n.Title == "Penunjang Urusan Pemerintah Daerah").Indicators.Count);
        Assert.Equal(2, plan.AllNodes().Count(n => n.Label == "Program 1"));
        Assert.Equal("Kepala Dinas Koperasi dan UKM", plan.SignerTitle);
        Assert.DoesNotContain("NIP", PlanJson.Write(plan), StringComparison.Ordinal);
        Assert.DoesNotContain("ENDI", PlanJson.Write(plan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_DoesNotDuplicateThePlan()
    {
        await _services.GetRequiredService<PlanSeeder>().MigrateAndSeedAsync();
        await using (var again = BuildServices(_db))
        {
            await again.GetRequiredService<PlanSeeder>().MigrateAndSeedAsync();
        }

        await using var db = await _services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Plans.CountAsync());
        Assert.Equal(57, await db.Nodes.CountAsync());
        Assert.Equal(63, await db.Indicators.CountAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialPlan", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private sealed record Row(string Unit, decimal Annual, decimal Tw1, decimal Tw2, decimal Tw3, decimal Tw4);

    /// <summary>Every "&lt;satuan&gt; &lt;target&gt; &lt;TW I&gt; &lt;TW II&gt; &lt;TW III&gt; &lt;TW IV&gt;" in the text dump, in order.</summary>
    private static List<Row> ReadDocumentRows()
    {
        var text = File.ReadAllText(RepoPaths.SourceDocument);
        var id = new CultureInfo("id-ID");
        return UnitAndTargets().Matches(text)
            .Select(m => new Row(m.Groups[1].Value,
                decimal.Parse(m.Groups[2].Value, id), decimal.Parse(m.Groups[3].Value, id), decimal.Parse(m.Groups[4].Value, id),
                decimal.Parse(m.Groups[5].Value, id), decimal.Parse(m.Groups[6].Value, id)))
            .ToList();
    }

    [GeneratedRegex(@"\b(Persentase|Orang|Unit|unit|Dokumen|Laporan|laporan|Buah|Bulan|Paket|paket|Angka)[ \t]+(\d+(?:,\d+)?)[ \t]+(\d+(?:,\d+)?)[ \t]+(\d+(?:,\d+)?)[ \t]+(\d+(?:,\d+)?)[ \t]+(\d+(?:,\d+)?)\b")]
    private static partial Regex UnitAndTargets();
}
