using Dashboard.App.Audit;
using static Dashboard.Tests.App.Audit.AuditDb;

namespace Dashboard.Tests.App.Audit;

public sealed class AuditQueryTests(AuditDb db) : IClassFixture<AuditDb>, IAsyncLifetime
{
    public Task InitializeAsync() => db.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset Noon = Utc(5, 15, 5);

    private Task<AuditResultPage> PageAsync(AuditFilter filter, int page = 1) => db.Query.PageAsync(filter, page);

    private static string[] Keys(AuditResultPage page) => page.Rows.Select(r => r.EntityKey ?? "").ToArray();

    [Fact]
    public async Task NoFilter_ReturnsEveryRow_NewestWrittenFirst()
    {
        // Written in this order; the log is ordered by id, so a row written later with an earlier time still comes first.
        await db.AddAsync(new Row(Utc(5, 15, 1), Key: "a"), new Row(Utc(5, 15, 3), Key: "b"), new Row(Utc(5, 15, 2), Key: "c"));

        var page = await PageAsync(AuditFilter.None);

        Assert.Equal(["c", "b", "a"], Keys(page));
        Assert.Equal(3, page.Total);
        Assert.Equal(1, page.PageCount);
    }

    [Fact]
    public async Task ActorFilter_MatchesPartOfTheName_IgnoringCase()
    {
        await db.AddAsync(new Row(Noon, Actor: "Sri Lestari", Key: "1"), new Row(Noon, Actor: "agus", Key: "2"), new Row(Noon, Actor: "admin.sri", Key: "3"));

        var page = await PageAsync(new AuditFilter(Actor: "SRI"));

        Assert.Equal(["3", "1"], Keys(page));
    }

    [Fact]
    public async Task ActorFilter_TakesPercentAndUnderscoreLiterally()
    {
        await db.AddAsync(new Row(Noon, Actor: "a_b", Key: "1"), new Row(Noon, Actor: "axb", Key: "2"), new Row(Noon, Actor: "100%", Key: "3"), new Row(Noon, Actor: "1000", Key: "4"));

        Assert.Equal(["1"], Keys(await PageAsync(new AuditFilter(Actor: "a_b"))));
        Assert.Equal(["3"], Keys(await PageAsync(new AuditFilter(Actor: "0%"))));
    }

    [Fact]
    public async Task ActionFilter_ReturnsOnlyThatAction()
    {
        await db.AddAsync(
            new Row(Noon, Action: AuditActions.SignIn, Key: "1"),
            new Row(Noon, Action: AuditActions.SignInFailed, Key: "2"),
            new Row(Noon, Action: AuditActions.SignIn, Key: "3"),
            new Row(Noon, Action: AuditActions.RealisationRecorded, Key: "4"));

        var page = await PageAsync(new AuditFilter(Action: AuditActions.SignIn));

        Assert.Equal(["3", "1"], Keys(page));
        Assert.All(page.Rows, r => Assert.Equal(AuditActions.SignIn, r.Action));
    }

    [Fact]
    public async Task EntityFilter_ReturnsOnlyThatEntity()
    {
        await db.AddAsync(new Row(Noon, Entity: "Narasi", Key: "1"), new Row(Noon, Entity: "Realisasi", Key: "2"), new Row(Noon, Entity: "Narasi", Key: "3"));

        Assert.Equal(["3", "1"], Keys(await PageAsync(new AuditFilter(Entity: "Narasi"))));
    }

    [Fact]
    public async Task TextFilter_MatchesKeyBeforeAfterAndDetail_ButNotTheActor()
    {
        await db.AddAsync(
            new Row(Noon, Key: "2025:T1.S1:TW2"),
            new Row(Noon, Key: "k-before", Before: new { Catatan = "Koperasi Sejahtera" }),
            new Row(Noon, Key: "k-after", After: new { Catatan = "koperasi sejahtera makmur" }),
            new Row(Noon, Key: "k-detail", Detail: "dipindah ke T1.S1"),
            new Row(Noon, Key: "k-actor", Actor: "sejahtera"),
            new Row(Noon, Key: "k-none", Detail: "lain"));

        Assert.Equal(["k-after", "k-before"], Keys(await PageAsync(new AuditFilter(Text: "SEJAHTERA"))));
        Assert.Equal(["k-detail", "2025:T1.S1:TW2"], Keys(await PageAsync(new AuditFilter(Text: "T1.S1"))));
    }

    [Fact]
    public async Task Paging_60Rows_FirstPageHasThe50Newest_SecondPageTheOther10()
    {
        await db.AddAsync(Enumerable.Range(1, 60).Select(i => new Row(Noon, Key: i.ToString("D2"))).ToArray());

        var first = await PageAsync(AuditFilter.None, 1);
        var second = await PageAsync(AuditFilter.None, 2);

        Assert.Equal(60, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(AuditQuery.PageSize, first.Rows.Count);
        Assert.Equal("60", first.Rows[0].EntityKey);
        Assert.Equal("11", first.Rows[^1].EntityKey);
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => i.ToString("D2")).ToArray(), Keys(second));
        Assert.Equal(2, second.Page);
    }

    [Fact]
    public async Task Paging_PageBeyondTheEnd_GivesTheLastPage()
    {
        await db.AddAsync(Enumerable.Range(1, 55).Select(i => new Row(Noon, Key: i.ToString("D2"))).ToArray());

        var page = await PageAsync(AuditFilter.None, 9);

        Assert.Equal(2, page.Page);
        Assert.Equal(5, page.Rows.Count);
    }

    [Fact]
    public async Task DateFilter_IsByWibDay_AcrossMidnightUtc()
    {
        // 17:00 UTC is midnight WIB (UTC+7).
        await db.AddAsync(
            new Row(Utc(5, 14, 16, 59, 59), Key: "14 Mei 23:59:59 WIB"),
            new Row(Utc(5, 14, 17), Key: "15 Mei 00:00 WIB"),
            new Row(Utc(5, 15, 16, 59, 59), Key: "15 Mei 23:59:59 WIB"),
            new Row(Utc(5, 15, 17), Key: "16 Mei 00:00 WIB"));
        var may15 = new DateOnly(2025, 5, 15);

        Assert.Equal(["15 Mei 23:59:59 WIB", "15 Mei 00:00 WIB"], Keys(await PageAsync(new AuditFilter(From: may15, To: may15))));
        Assert.Equal(["16 Mei 00:00 WIB", "15 Mei 23:59:59 WIB", "15 Mei 00:00 WIB"], Keys(await PageAsync(new AuditFilter(From: may15))));
        Assert.Equal(["15 Mei 23:59:59 WIB", "15 Mei 00:00 WIB", "14 Mei 23:59:59 WIB"], Keys(await PageAsync(new AuditFilter(To: may15))));
        Assert.Empty(Keys(await PageAsync(new AuditFilter(From: new DateOnly(2025, 5, 17)))));
    }

    [Fact]
    public async Task DateFilter_ComparesInstants_WhateverOffsetARowWasStoredWith()
    {
        var wib = TimeSpan.FromHours(7);
        await db.AddAsync(
            // Stored as "2025-05-14 23:59:00+07:00": as text it sorts after the start of 15 May WIB in UTC ("2025-05-14 17:00:00").
            new Row(new DateTimeOffset(2025, 5, 14, 23, 59, 0, wib), Key: "14 Mei WIB"),
            new Row(new DateTimeOffset(2025, 5, 15, 0, 30, 0, wib), Key: "15 Mei WIB"),
            new Row(new DateTimeOffset(2025, 5, 15, 1, 0, 0, TimeSpan.FromHours(-5)), Key: "15 Mei 13:00 WIB"));
        var may15 = new DateOnly(2025, 5, 15);

        Assert.Equal(["15 Mei 13:00 WIB", "15 Mei WIB"], Keys(await PageAsync(new AuditFilter(From: may15, To: may15))));
    }

    [Fact]
    public async Task DateFilter_RowsWithFractionalSeconds_AreCompared()
    {
        await db.AddAsync(
            new Row(Utc(5, 14, 16, 59, 59).AddTicks(9_000_000), Key: "14 Mei 23:59:59,9 WIB"),
            new Row(Utc(5, 14, 17).AddTicks(1_234_567), Key: "15 Mei 00:00:00,12 WIB"));
        var may15 = new DateOnly(2025, 5, 15);

        Assert.Equal(["15 Mei 00:00:00,12 WIB"], Keys(await PageAsync(new AuditFilter(From: may15, To: may15))));
    }

    [Fact]
    public async Task Filters_Combine()
    {
        await db.AddAsync(
            new Row(Utc(5, 15, 3), Actor: "sri", Action: AuditActions.SignIn, Key: "hit"),
            new Row(Utc(5, 15, 3), Actor: "agus", Action: AuditActions.SignIn, Key: "other actor"),
            new Row(Utc(5, 15, 3), Actor: "sri", Action: AuditActions.SignOut, Key: "other action"),
            new Row(Utc(5, 16, 3), Actor: "sri", Action: AuditActions.SignIn, Key: "other day"));
        var may15 = new DateOnly(2025, 5, 15);

        var page = await PageAsync(new AuditFilter(From: may15, To: may15, Actor: "sr", Action: AuditActions.SignIn, Entity: "Realisasi"));

        Assert.Equal(["hit"], Keys(page));
        Assert.Equal(1, await db.Query.CountAsync(new AuditFilter(From: may15, To: may15, Actor: "sr", Action: AuditActions.SignIn)));
    }

    [Fact]
    public async Task Export_ReturnsMatchingRowsOfAllPages_NewestFirst_UpToTheLimit()
    {
        await db.AddAsync(Enumerable.Range(1, 130).Select(i => new Row(Noon, Key: i.ToString("D3"), Entity: i % 2 == 0 ? "Narasi" : "Realisasi")).ToArray());

        var all = await db.Query.ExportAsync(new AuditFilter(Entity: "Narasi"));
        var capped = await db.Query.ExportAsync(AuditFilter.None, limit: 100);

        Assert.Equal(65, all.Count);
        Assert.Equal("130", all[0].EntityKey);
        Assert.Equal("002", all[^1].EntityKey);
        Assert.Equal(100, capped.Count);
        Assert.Equal("031", capped[^1].EntityKey);
    }

    [Fact]
    public async Task Entities_ListsEachEntityNameOnce_Sorted()
    {
        await db.AddAsync(new Row(Noon, Entity: "Realisasi"), new Row(Noon, Entity: "Narasi"), new Row(Noon, Entity: "Realisasi"));

        Assert.Equal(["Narasi", "Realisasi"], await db.Query.EntitiesAsync());
    }
}
