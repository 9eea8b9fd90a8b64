using System.Data.Common;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Realisations;

/// <summary>
/// The group-commit write path when an insert fails the way a concurrent writer on another node makes it fail (a
/// unique-index violation): the batch is written again one save at a time, and only the save that still collides is a
/// conflict. The collision is injected by a command interceptor on the app's own database.
/// </summary>
public sealed class RealisationBatchTests : IAsyncLifetime
{
    private const string Sdm = "T1.S1.P1.K1.SK1.I1";
    // Persentase SDM koperasi yang memiliki kompetensi bidang perkoperasian (level).
    private const string Kompetensi = "T1.S1.P1.I1";

    private readonly CollidingApp _app = new();
    private RealisationService _service = default!;

    public async Task InitializeAsync()
    {
        _service = _app.Services.GetRequiredService<RealisationService>();
        var planner = ActingUser.Of("Siti", Roles.Planner);
        Assert.Equal(SaveStatus.Saved, (await _service.SaveNarrativeAsync(2025, Sdm, 2, new NarrativeInput(null, "Peserta terlambat daftar", null, 0), planner)).Status);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static RecordRealisation Increment(decimal value) =>
        new(2025, Sdm, 2, EntryKind.Increment, value, new DateOnly(2025, 5, 10), ActingUser.Of("Siti", Roles.Planner), "Bobotsari");

    private async Task<List<RealisationRecord>> StoredAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Realisations.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync();
    }

    [Fact]
    public async Task ABatchThatCollidesOnce_IsWrittenAgainOneByOne_AndTheSaveIsKept()
    {
        _app.Collisions.Remaining = 1;

        var result = await _service.RecordAsync(Increment(3m));

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.Equal(0, _app.Collisions.Remaining);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((result.EntryId, 1, 3m), (stored.Id, stored.Sequence, stored.Value));
        var model = (await _app.Services.GetRequiredService<PlanReadModel>().GetAsync(2025))!;
        Assert.Equal([stored.Id], model.EntriesOf(Sdm).Select(e => e.Id));
    }

    [Fact]
    public async Task AnIncrementThatKeepsColliding_TakesTheNextNumberEachTime_UntilItIsStored()
    {
        _app.Collisions.Remaining = 4; // the batch, then three tries one by one

        var result = await _service.RecordAsync(Increment(3m));

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.Equal([(1, 3m)], (await StoredAsync()).Select(r => (r.Sequence, r.Value)));
    }

    [Fact]
    public async Task ALevelValueThatExpectedASequence_AndCollides_IsAConflict_NothingIsStored_AndTheNextSaveWorks()
    {
        _app.Collisions.Remaining = 2;
        var level = new RecordRealisation(2025, Kompetensi, 2, EntryKind.Level, 14m, new DateOnly(2025, 5, 12), ActingUser.Of("Budi", Roles.Planner),
            ExpectedSequence: 0);

        var result = await _service.RecordAsync(level);

        Assert.Equal(SaveStatus.Conflict, result.Status);
        Assert.Contains("penyimpanan lain", result.Issues.Single().Message);
        Assert.Empty(await StoredAsync());
        Assert.Empty((await _app.Services.GetRequiredService<PlanReadModel>().GetAsync(2025))!.EntriesOf(Kompetensi));

        Assert.Equal(SaveStatus.Saved, (await _service.RecordAsync(level)).Status);
        Assert.Equal([14m], (await StoredAsync()).Select(r => r.Value));
    }

    private sealed class CollidingApp : AppFactory
    {
        public Collisions Collisions { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureDbContext<DashboardDbContext>(o => o.AddInterceptors(Collisions)));
        }
    }

    /// <summary>Fails the next <see cref="Remaining"/> inserts of realisation rows as a unique-index violation would.</summary>
    private sealed class Collisions : DbCommandInterceptor
    {
        public int Remaining;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"Realisations\"", StringComparison.Ordinal) && Interlocked.Decrement(ref Remaining) >= 0)
            {
                throw new DbUpdateException("Simulated concurrent write",
                    new InvalidOperationException("SQLite Error 19: 'UNIQUE constraint failed: Realisations.IndicatorId, Realisations.Quarter, Realisations.Sequence'."));
            }
            if (Remaining < 0) Remaining = 0;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
