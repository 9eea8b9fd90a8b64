using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Plans;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Plans;

public sealed class PlanYearServiceTests : IAsyncLifetime
{
    private static readonly ActingUser Admin = ActingUser.Of("admin-uji", Roles.Admin);

    private readonly AppFactory _app = new(today: "2025-05-15");
    private PlanYearService _years = default!;

    public Task InitializeAsync()
    {
        _years = _app.Services.GetRequiredService<PlanYearService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Plan> PlanAsync(int year) => (await _app.Plans.LoadAsync(year))!.Plan;

    /// <summary>Everything of the tree except the targets, in document order.</summary>
    private static List<string> Structure(Plan plan) => plan.AllNodes()
        .SelectMany(n => new[] { $"{n.Code}|{n.Level}|{n.Label}|{n.Title}|{n.Parent?.Code}" }
            .Concat(n.Indicators.Select(i => $"  {i.Code}|{i.Name}|{i.Unit}|{i.Polarity}|{i.Aggregation}|{i.Remark}")))
        .ToList();

    private static List<decimal?> Targets(Plan plan) => plan.AllIndicators().SelectMany(i => i.QuarterTargets.Prepend(i.AnnualTarget)).ToList();

    [Fact]
    public async Task CopyWithTargets_GivesNextYearTheSameTreeAndTargets_AndIsAudited()
    {
        // A change of order first, so the copy is seen to keep the order and not the seed file's.
        Assert.True((await _app.Services.GetRequiredService<PlanEditService>().ReorderNodeAsync(Admin, 2025, "T1.S1.P3", -1)).Ok);

        var result = await _years.CopyToNextYearAsync(Admin, 2025, carryTargets: true);

        Assert.True(result.Ok, result.Message);
        Assert.Equal(2026, result.Year);
        var source = await PlanAsync(2025);
        var copy = await PlanAsync(2026);
        Assert.Equal(Structure(source), Structure(copy));
        Assert.Equal(Targets(source), Targets(copy));
        Assert.Equal(63, copy.AllIndicators().Count());
        Assert.Equal("T1.S1.P3", copy.FindNode("T1.S1")!.Children[1].Code);
        Assert.Equal("Rencana Aksi Tahun 2026", copy.Title);
        Assert.Equal(source.Agency, copy.Agency);
        Assert.Equal([2025, 2026], await _years.YearsAsync());

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var audit = await db.Audit.AsNoTracking().SingleAsync(a => a.Action == AuditActions.PlanChanged && a.EntityKey == "2026");
        Assert.Equal("admin-uji", audit.Actor);
        Assert.Contains("\"DisalinDari\":2025", audit.After);
        Assert.Contains("\"Target\":\"dibawa\"", audit.After);
    }

    [Fact]
    public async Task CopyWithoutTargets_KeepsTheTree_AndEveryTargetIsZero()
    {
        var result = await _years.CopyToNextYearAsync(Admin, 2025, carryTargets: false);

        Assert.True(result.Ok, result.Message);
        var copy = await PlanAsync(2026);
        Assert.Equal(Structure(await PlanAsync(2025)), Structure(copy));
        Assert.All(Targets(copy), t => Assert.Equal(0m, t));
        Assert.Contains(Targets(await PlanAsync(2025)), t => t != 0m);
    }

    [Fact]
    public async Task Copy_IsRefused_WhenNextYearExists_OrTheYearHasNoPlan()
    {
        Assert.True((await _years.CopyToNextYearAsync(Admin, 2025, carryTargets: false)).Ok);
        var editor = _app.Services.GetRequiredService<PlanEditService>();
        Assert.True((await editor.EditNodeAsync(Admin, 2026, "T1", 0, new NodeDraft("Tujuan 1", "Tujuan 2026"))).Ok);

        var again = await _years.CopyToNextYearAsync(Admin, 2025, carryTargets: true);
        var missing = await _years.CopyToNextYearAsync(Admin, 2030, carryTargets: true);

        Assert.False(again.Ok);
        Assert.Contains("2026 sudah ada", again.Message);
        Assert.False(missing.Ok);
        Assert.Contains("2030 tidak ada", missing.Message);
        Assert.Equal("Tujuan 2026", (await PlanAsync(2026)).FindNode("T1")!.Title);
        Assert.All(Targets(await PlanAsync(2026)), t => Assert.Equal(0m, t));
        Assert.Equal([2025, 2026], await _years.YearsAsync());
    }

    [Fact]
    public async Task EditsInTheCopy_LeaveTheSourceYearAlone()
    {
        Assert.True((await _years.CopyToNextYearAsync(Admin, 2025, carryTargets: true)).Ok);
        var editor = _app.Services.GetRequiredService<PlanEditService>();
        var indicator = (await PlanAsync(2026)).FindIndicator("T1.S1.P1.I1")!;

        var result = await editor.EditIndicatorAsync(Admin, 2026, indicator.Code, 0, IndicatorDraft.From(indicator) with { AnnualTarget = "70" });

        Assert.True(result.Ok, result.Message);
        Assert.Equal(70m, (await PlanAsync(2026)).FindIndicator("T1.S1.P1.I1")!.AnnualTarget);
        Assert.Equal(62m, (await PlanAsync(2025)).FindIndicator("T1.S1.P1.I1")!.AnnualTarget);
    }

    [Fact]
    public async Task NonAdmins_MayNotCopy()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _years.CopyToNextYearAsync(ActingUser.Of("p", Roles.Planner), 2025, true));

        Assert.Equal([2025], await _years.YearsAsync());
    }
}
