using Dashboard.App.Data;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Realisations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Evidence;

/// <summary>
/// Uploading a bukti dukung file: permission first (assignment, entry window, lock), then the file is stored, then its
/// row; a refusal never leaves a file behind, and a save that fails after storing removes the file again unless another
/// row uses the same content.
/// </summary>
public sealed class EvidenceUploads(RealisationService realisations, EvidenceStore store, IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<SaveResult> UploadAsync(int year, string indicatorCode, int quarter, string fileName, Stream content, long? declaredLength,
        string? description, ActingUser actor, CancellationToken ct = default)
    {
        if (await realisations.EvidenceRefusalAsync(year, indicatorCode, quarter, actor, ct) is { } refused) return refused;
        EvidenceResult stored;
        try
        {
            stored = await store.SaveAsync(fileName, content, declaredLength, ct);
        }
        catch (IOException)
        {
            // The browser stream stops at its size limit with an IOException.
            stored = EvidenceResult.Failure($"Berkas terlalu besar; maksimal {Math.Round(store.MaxBytes / 1048576m, 1).ToString(System.Globalization.CultureInfo.GetCultureInfo("id-ID"))} MB.");
        }
        if (!stored.Ok) return new SaveResult(SaveStatus.Invalid, [new RuleIssue("Evidence", stored.Error, false)]);

        // The same file sent again by the same user for the same quarter (a queue resending after a lost answer) is stored once.
        if (await SameUploadAsync(year, indicatorCode, quarter, stored.Stored.Sha256Hex, actor, ct) is { } existing)
        {
            return new SaveResult(SaveStatus.Saved, [], existing, Replayed: true);
        }
        var saved = await realisations.AddEvidenceAsync(year, indicatorCode, quarter, stored.Stored, null, description, actor, ct);
        if (saved.Status != SaveStatus.Saved) await DeleteIfUnusedAsync(stored.Stored.RelativePath, ct);
        return saved;
    }

    private async Task<long?> SameUploadAsync(int year, string indicatorCode, int quarter, string sha256, ActingUser actor, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var indicatorId = await RealisationService.IndicatorIdAsync(db, year, indicatorCode, ct);
        return await db.Evidence.AsNoTracking()
            .Where(x => x.IndicatorId == indicatorId && x.Quarter == quarter && x.Sha256 == sha256 && x.UploadedById == actor.Id)
            .Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
    }

    private async Task DeleteIfUnusedAsync(string relativePath, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Evidence.AnyAsync(x => x.RelativePath == relativePath, ct)) store.Delete(relativePath);
    }
}
