using Dashboard.App.Live;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Realisations;

/// <summary>The save path end to end against the real app's services and a fresh SQLite file (clock: 15 May 2025, TW II).</summary>
public sealed class RealisationServiceTests : IAsyncLifetime
{
    // Jumlah SDM yang memahami pengetahuan perkoperasian: Orang 145; TW 35 70 105 145 (cumulative).
    private const string Sdm = "T1.S1.P1.K1.SK1.I1";
    // Persentase SDM koperasi yang memiliki kompetensi bidang perkoperasian: 62; TW 0 15 45 62 (level).
    private const string Kompetensi = "T1.S1.P1.I1";

    private readonly AppFactory _app = new(today: "2025-05-15");
    private RealisationService _service = default!;

    public Task InitializeAsync()
    {
        _service = _app.Services.GetRequiredService<RealisationService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ActingUser Planner(string name) => ActingUser.Of(name, Roles.Planner);

    private static RecordRealisation Increment(decimal value, string by = "Siti", int? expected = null, NarrativeInput? narrative = null) =>
        new(2025, Sdm, 2, EntryKind.Increment, value, new DateOnly(2025, 5, 10), Planner(by), "Bobotsari", "pelatihan", ExpectedSequence: expected, Narrative: narrative);

    private static RecordRealisation Level(decimal value, int? expected, string by = "Budi") =>
        new(2025, Kompetensi, 2, EntryKind.Level, value, new DateOnly(2025, 5, 12), Planner(by), ExpectedSequence: expected);

    private async Task<decimal?> RealisationAsync(string code, int quarter)
    {
        var snapshot = (await _app.Plans.LoadAsync(2025))!;
        var indicator = snapshot.Plan.FindIndicator(code)!;
        return RealisationMath.ForQuarter(indicator.Aggregation, snapshot.Entries.Where(e => e.IndicatorCode == code), quarter).Value;
    }

    [Fact]
    public async Task FiftyParallelIncrements_AreAllKept_AndTheTotalIsExact()
    {
        // Low early figures turn the indicator red, which needs a faktor penghambat: give one first.
        Assert.Equal(SaveStatus.Saved, (await _service.SaveNarrativeAsync(2025, Sdm, 2, new NarrativeInput(null, "Peserta terlambat daftar", null, 0), Planner("Siti"))).Status);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(n => Task.Run(() => _service.RecordAsync(Increment(1m, $"Petugas {n}")))));

        Assert.All(results, r => Assert.Equal(SaveStatus.Saved, r.Status));
        Assert.Equal(50m, await RealisationAsync(Sdm, 2));
        var history = (await _service.HistoryAsync(2025, Sdm))!;
        Assert.Equal(50, history.Entries.Count);
        Assert.Equal(Enumerable.Range(1, 50), history.Entries.Select(e => e.Sequence).Order());
    }

    [Fact]
    public async Task ParallelSaves_WithRefusedOnesAmongThem_KeepEveryValidOne_InOneUnbrokenChain()
    {
        // Saves arriving together are written as one batch: a refused save in the middle must not take the others with
        // it, and each save must be judged against (and report as Before) the total the saves before it made.
        Assert.Equal(SaveStatus.Saved, (await _service.SaveNarrativeAsync(2025, Sdm, 2, new NarrativeInput(null, "Peserta terlambat daftar", null, 0), Planner("Siti"))).Status);

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(n => Task.Run(() => _service.RecordAsync(
            n % 4 == 0 ? Increment(-1m, $"Petugas {n}") : Increment(1m, $"Petugas {n}")))));

        Assert.Equal(10, results.Count(r => r.Status == SaveStatus.Invalid));
        var saved = results.Where(r => r.Status == SaveStatus.Saved).ToList();
        Assert.Equal(30, saved.Count);
        // The first save finds no realisation yet (null), then every total 1..29 is somebody's Before exactly once.
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i == 0 ? null : (decimal?)i), saved.Select(r => r.Change!.Before).Order());
        Assert.All(saved, r => Assert.Equal((r.Change!.Before ?? 0) + 1, r.Change.After));
        Assert.Equal(30m, await RealisationAsync(Sdm, 2));
        var history = (await _service.HistoryAsync(2025, Sdm))!;
        Assert.Equal(Enumerable.Range(1, 30), history.Entries.Select(e => e.Sequence).Order());
        var model = (await _app.Services.GetRequiredService<PlanReadModel>().GetAsync(2025))!;
        Assert.Equal(history.Entries.Select(e => e.Id).Order(), model.EntriesOf(Sdm).Select(e => e.Id).Order());
    }

    [Fact]
    public async Task ASaveWhoseCallerGaveUpBeforeItsTurn_IsNotStored()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _service.RecordAsync(Increment(1m), cancelled.Token));

        Assert.Empty((await _service.HistoryAsync(2025, Sdm))!.Entries);
        Assert.Equal(SaveStatus.Saved, (await _service.SaveNarrativeAsync(2025, Sdm, 2, new NarrativeInput(null, "Peserta terlambat daftar", null, 0), Planner("Siti"))).Status);
        Assert.Equal(SaveStatus.Saved, (await _service.RecordAsync(Increment(1m))).Status);
        Assert.Single((await _service.HistoryAsync(2025, Sdm))!.Entries);
    }

    [Fact]
    public async Task ConcurrentLevelEdits_FromTheSameStartingPoint_OneSavesAndTheOtherGetsTheCurrentValue()
    {
        var results = await Task.WhenAll(Task.Run(() => _service.RecordAsync(Level(14m, expected: 0, by: "Budi"))),
            Task.Run(() => _service.RecordAsync(Level(13m, expected: 0, by: "Ani"))));

        Assert.Single(results, r => r.Status == SaveStatus.Saved);
        var conflict = Assert.Single(results, r => r.Status == SaveStatus.Conflict);
        var winner = results.Single(r => r.Status == SaveStatus.Saved);
        Assert.Equal(winner.Change!.After, conflict.Conflict!.CurrentValue);
        Assert.Contains(winner.Change.RecordedBy, conflict.Conflict.Message);
        Assert.Contains("Periksa nilai terbaru", conflict.Conflict.Message);
        Assert.Equal(winner.Change.After, await RealisationAsync(Kompetensi, 2));
    }

    [Fact]
    public async Task LevelEdit_StartedBeforeAnotherSave_IsAConflict_AndAfterReloadItSaves()
    {
        Assert.Equal(SaveStatus.Saved, (await _service.RecordAsync(Level(14m, expected: 0))).Status);

        var stale = await _service.RecordAsync(Level(12.5m, expected: 0, by: "Ani"));
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(14m, stale.Conflict!.CurrentValue);
        Assert.Contains("14", stale.Conflict.Message);

        var fresh = await _service.RecordAsync(Level(12.5m, expected: 1, by: "Ani"));
        Assert.Equal(SaveStatus.Saved, fresh.Status);
        Assert.Equal(12.5m, await RealisationAsync(Kompetensi, 2));
        Assert.Equal(2, (await _service.HistoryAsync(2025, Kompetensi))!.Entries.Count);
    }

    [Fact]
    public async Task ConcurrentNarrativeEdits_TheLaterGetsAConflictWithTheCurrentText()
    {
        var first = await _service.SaveNarrativeAsync(2025, Sdm, 2, new NarrativeInput("Antusias", "Hujan", "Jadwal ulang", 0), Planner("Siti"));
        var second = await _service.SaveNarrativeAsync(2025, Sdm, 2, new NarrativeInput("Dukungan desa", null, null, 0), Planner("Budi"));

        Assert.Equal(SaveStatus.Saved, first.Status);
        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.Equal("Hujan", second.Conflict!.CurrentNarrative!.Obstacles);
        Assert.Contains("Siti", second.Conflict.Message);
        var history = (await _service.HistoryAsync(2025, Sdm))!;
        Assert.Equal("Antusias", history.NarrativeFor(2).Drivers);
        Assert.Equal(1, history.NarrativeFor(2).Version);
    }

    [Fact]
    public async Task Correction_IsANewEntry_WithItsReason_AndNothingIsOverwritten()
    {
        var narrative = new NarrativeInput(null, "Data awal belum lengkap", null, 0);
        var first = await _service.RecordAsync(Increment(40m, narrative: narrative));
        Assert.Equal(SaveStatus.Saved, first.Status);

        var withoutReason = await _service.RecordAsync(new RecordRealisation(2025, Sdm, 2, EntryKind.Correction, -5m, new DateOnly(2025, 5, 11), Planner("Siti")));
        Assert.Equal(SaveStatus.Invalid, withoutReason.Status);
        Assert.Contains(withoutReason.Issues, i => i.Field == "CorrectionReason");

        var negativeIncrement = await _service.RecordAsync(Increment(-5m));
        Assert.Equal(SaveStatus.Invalid, negativeIncrement.Status);

        var correction = await _service.RecordAsync(new RecordRealisation(2025, Sdm, 2, EntryKind.Correction, -5m, new DateOnly(2025, 5, 11), Planner("Siti"),
            CorrectionReason: "Lima peserta tercatat dua kali", CorrectsId: first.EntryId));
        Assert.Equal(SaveStatus.Saved, correction.Status);

        Assert.Equal(35m, await RealisationAsync(Sdm, 2));
        var history = (await _service.HistoryAsync(2025, Sdm))!;
        Assert.Equal([-5m, 40m], history.Entries.Select(e => e.Value).ToArray());
        var corrected = history.Entries[0];
        Assert.Equal(EntryKind.Correction, corrected.Kind);
        Assert.Equal("Lima peserta tercatat dua kali", corrected.CorrectionReason);
        Assert.Equal(first.EntryId, corrected.CorrectsId);
    }

    [Fact]
    public async Task Save_PublishesOneRealisationRecorded_WithBeforeAfterAndWho()
    {
        var received = new List<RealisationRecorded>();
        using var _ = _app.Services.GetRequiredService<LiveUpdates>().Subscribe(c => { lock (received) received.Add((RealisationRecorded)c); return Task.CompletedTask; });

        await _service.RecordAsync(Level(14m, expected: 0, by: "Budi"));
        await _service.RecordAsync(Level(15m, expected: 1, by: "Budi"));

        Assert.Equal(2, received.Count);
        Assert.Equal((null, 14m), (received[0].Before, received[0].After));
        Assert.Equal((14m, 15m), (received[1].Before, received[1].After));
        Assert.All(received, c => Assert.Equal(("Budi", Kompetensi, 2, 2025), (c.RecordedBy, c.IndicatorCode, c.Quarter, c.Year)));
    }

    [Fact]
    public async Task InvalidSave_PublishesNothing_AndStoresNothing()
    {
        var received = 0;
        using var _ = _app.Services.GetRequiredService<LiveUpdates>().Subscribe(_ => { Interlocked.Increment(ref received); return Task.CompletedTask; });

        var anonymous = await _service.RecordAsync(Level(14m, 0) with { Actor = ActingUser.Anonymous });
        var unknown = await _service.RecordAsync(Level(14m, 0) with { IndicatorCode = "X.9" });
        var redWithoutObstacle = await _service.RecordAsync(Increment(1m));

        Assert.Equal(SaveStatus.Refused, anonymous.Status);
        Assert.Equal(SaveStatus.NotFound, unknown.Status);
        Assert.Equal(SaveStatus.Invalid, redWithoutObstacle.Status);
        Assert.Contains(redWithoutObstacle.Issues, i => i.Field == "Penghambat");
        Assert.Equal(0, received);
        Assert.Empty((await _service.HistoryAsync(2025, Sdm))!.Entries);
    }

    [Fact]
    public async Task OverTwoHundredPercent_NeedsConfirmation_ThenSaves()
    {
        var unconfirmed = await _service.RecordAsync(Increment(500m));
        Assert.Equal(SaveStatus.Invalid, unconfirmed.Status);
        Assert.Contains(unconfirmed.Issues, i => i.NeedsConfirmation);

        var confirmed = await _service.RecordAsync(Increment(500m) with { Confirmed = true });
        Assert.Equal(SaveStatus.Saved, confirmed.Status);
        Assert.True(confirmed.After!.Warning);
        Assert.Equal(StatusKind.InProgress, confirmed.After.Kind);
    }
}
