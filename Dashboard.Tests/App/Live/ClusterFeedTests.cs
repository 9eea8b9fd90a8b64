using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Plans;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.App.Live;

/// <summary>The Redis live feed's messages and what an instance does with another instance's change (no Redis needed:
/// the two-instance tests in Browser/ClusterBrowserTests run it for real).</summary>
public sealed class ClusterFeedTests
{
    private static ClusterFeed Feed() =>
        new(Options.Create(new ClusterFeedOptions { Configuration = "127.0.0.1:1" }), NullLogger<ClusterFeed>.Instance);

    public static TheoryData<PlanChange> Changes => new()
    {
        new RealisationRecorded(2025, "T1.S1.P1.I1", "Persentase SDM", 4, 60.5m, 61.25m, "Rina", new DateTimeOffset(2025, 11, 15, 3, 0, 0, TimeSpan.Zero), 42, "Level"),
        new RealisationRecorded(2025, "T1.S1.P1.I1", "Persentase SDM", 1, null, 1m, "Rina", new DateTimeOffset(2025, 2, 1, 3, 0, 0, TimeSpan.Zero), 7, "Increment"),
        new ReviewChanged(2025, "T1.S1.I1", "Nilai", 3, ReviewState.Returned, "Periksa bukti", "Planner", new DateTimeOffset(2025, 10, 2, 1, 0, 0, TimeSpan.Zero), 4),
        new PlanStructureChanged(2026, "admin", new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)),
        new PlanImported(2026, "admin", new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), true),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AChange_ArrivesAtAnotherInstanceUnchanged(PlanChange change)
    {
        var sender = Feed();
        var receiver = Feed();

        Assert.Equal(change, receiver.Read(sender.Write(change)));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnInstancesOwnMessage_IsSkipped(PlanChange change)
    {
        var feed = Feed();

        Assert.Null(feed.Read(feed.Write(change)));
    }

    [Fact]
    public void TheLocalResyncNotice_NeverTravels() =>
        Assert.Throws<ArgumentException>(() => Feed().Write(new FeedResynced(2025, DateTimeOffset.UtcNow)));

    [Fact]
    public void WithoutRedis_TheFeedIsOff_AndNothingIsReportedMissing()
    {
        var feed = new ClusterFeed(Options.Create(new ClusterFeedOptions()), NullLogger<ClusterFeed>.Instance);

        Assert.False(feed.Enabled);
        Assert.True(feed.Connected);
    }

    [Fact]
    public async Task AnotherInstancesEntry_IsReadFromTheDatabase_IntoTheReadModel_AndReachesThisInstancesPages()
    {
        await using var app = new AppFactory(today: "2025-11-15");
        var model = app.Services.GetRequiredService<PlanReadModel>();
        var before = (await model.GetAsync(2025))!;
        const string Code = "T2.S1.P1.K3.SK3.I1";
        Assert.DoesNotContain(before.EntriesOf(Code), e => e.Quarter == 4);

        // What another instance committed: a row in the shared database, announced on the channel.
        long id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Code == Code && db.Plans.Any(p => p.Id == i.PlanId && p.Year == 2025));
            var record = new RealisationRecord
            {
                IndicatorId = indicator.Id, Quarter = 4, Sequence = 1, Kind = (int)EntryKind.Increment, Date = new DateOnly(2025, 11, 15),
                Value = 3, RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "Petugas di server lain",
            };
            db.Realisations.Add(record);
            await db.SaveChangesAsync();
            id = record.Id;
        }
        var change = new RealisationRecorded(2025, Code, "Paket", 4, null, 3, "Petugas di server lain", DateTimeOffset.UtcNow, id, "Increment");
        var seen = new List<PlanChange>();
        using var subscription = app.Services.GetRequiredService<LiveUpdates>().Subscribe(c => { seen.Add(c); return Task.CompletedTask; });

        await app.Services.GetRequiredService<ClusterFeedListener>().HandleAsync(Feed().Write(change));

        var after = (await model.GetAsync(2025))!;
        var entry = Assert.Single(after.EntriesOf(Code), e => e.Quarter == 4);
        Assert.Equal((id, 3m, "Petugas di server lain"), (entry.Id, entry.Value, entry.RecordedBy));
        Assert.Equal(change, Assert.Single(seen));
    }
}
