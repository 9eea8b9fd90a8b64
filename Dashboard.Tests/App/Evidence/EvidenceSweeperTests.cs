using Dashboard.App.Evidence;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Evidence;

public sealed class EvidenceSweeperTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2025-05-15");
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-2);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Put(string relative, DateTime lastWriteUtc)
    {
        var full = Path.Combine(_app.EvidenceRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, EvidenceFiles.Pdf());
        File.SetLastWriteTimeUtc(full, lastWriteUtc);
        return full;
    }

    private async Task<string> UploadAsync()
    {
        var saved = await _app.Services.GetRequiredService<EvidenceUploads>().UploadAsync(2025, "T1.S2.P1.K1.SK1.I1", 2, "a.pdf",
            new MemoryStream(EvidenceFiles.Pdf()), null, null, ActingUser.Of("root", Roles.Admin));
        Assert.Equal(SaveStatus.Saved, saved.Status);
        var referenced = Assert.Single(Directory.EnumerateFiles(_app.EvidenceRoot, "*.pdf", SearchOption.AllDirectories));
        File.SetLastWriteTimeUtc(referenced, LongAgo);
        return referenced;
    }

    [Fact]
    public async Task Sweep_RemovesOldOrphansAndTempFiles_KeepsReferencedAndRecentFiles()
    {
        var referenced = await UploadAsync();
        var orphan = Put($"aa/{new string('a', 64)}.pdf", LongAgo);
        var recentOrphan = Put($"bb/{new string('b', 64)}.pdf", DateTime.UtcNow);
        var abandonedTemp = Put($"upload-{Guid.NewGuid():N}.tmp", LongAgo);
        var foreign = Put("catatan.txt", LongAgo);

        var removed = await _app.Services.GetRequiredService<EvidenceSweeper>().SweepAsync(DateTime.UtcNow - EvidenceSweeper.MinAge);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(abandonedTemp));
        Assert.True(File.Exists(referenced));
        Assert.True(File.Exists(recentOrphan));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public async Task Sweep_DeletesNothing_WhenTheDatabaseHasNoEvidenceAtAll()
    {
        var file = Put($"cc/{new string('c', 64)}.pdf", LongAgo);

        Assert.Equal(0, await _app.Services.GetRequiredService<EvidenceSweeper>().SweepAsync(DateTime.UtcNow - EvidenceSweeper.MinAge));
        Assert.True(File.Exists(file));
    }
}
