using Dashboard.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Evidence;

/// <summary>
/// Removes evidence files no row refers to (a crash between storing a file and writing its row) and abandoned upload
/// temp files: at start and every six hours, only files untouched for an hour (an upload in flight is younger).
/// A database without a single evidence row next to a folder full of files is taken for a wrong connection string,
/// not for orphans: nothing is deleted then.
/// </summary>
public sealed class EvidenceSweeper(EvidenceStore store, IDbContextFactory<DashboardDbContext> factory, ILogger<EvidenceSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan MinAge = TimeSpan.FromHours(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var removed = await SweepAsync(DateTime.UtcNow - MinAge, stoppingToken);
                if (removed > 0) logger.LogInformation("{Count} berkas bukti tanpa data dihapus.", removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pembersihan berkas bukti gagal; dicoba lagi nanti.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes orphans last written before <paramref name="olderThanUtc"/>; returns how many.</summary>
    public async Task<int> SweepAsync(DateTime olderThanUtc, CancellationToken ct = default)
    {
        if (!Directory.Exists(store.Root)) return 0;
        var candidates = new List<(string Full, string Relative, bool Temp)>();
        foreach (var file in Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(store.Root, file).Replace('\\', '/');
            var temp = !relative.Contains('/') && relative.StartsWith("upload-", StringComparison.Ordinal) && relative.EndsWith(".tmp", StringComparison.Ordinal);
            if (!temp && !EvidenceStore.IsStoredPath(relative)) continue;
            if (File.GetLastWriteTimeUtc(file) >= olderThanUtc) continue;
            candidates.Add((file, relative, temp));
        }
        if (candidates.Count == 0) return 0;

        await using var db = await factory.CreateDbContextAsync(ct);
        var referenced = (await db.Evidence.AsNoTracking().Where(x => x.RelativePath != null).Select(x => x.RelativePath!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (referenced.Count == 0 && candidates.Any(c => !c.Temp))
        {
            logger.LogWarning("Folder bukti {Root} berisi berkas tetapi basis data tidak punya satu pun baris bukti: tidak ada yang dihapus.", store.Root);
            return 0;
        }
        var removed = 0;
        foreach (var (full, relative, temp) in candidates)
        {
            if (!temp && referenced.Contains(relative)) continue;
            File.Delete(full);
            removed++;
        }
        return removed;
    }
}
