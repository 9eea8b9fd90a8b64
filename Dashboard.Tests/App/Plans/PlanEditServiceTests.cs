using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Plans;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Plans;

/// <summary>Plan editing against the real app's services and a fresh SQLite file holding the bundled 2025 plan.</summary>
public sealed class PlanEditServiceTests : IAsyncLifetime
{
    // Persentase SDM koperasi yang memiliki kompetensi bidang perkoperasian: Persentase 62; TW 0 15 45 62 (level).
    private const string Kompetensi = "T1.S1.P1.I1";

    private static readonly ActingUser Admin = ActingUser.Of("admin-uji", Roles.Admin);
    private static readonly ActingUser OtherAdmin = ActingUser.Of("admin-lain", Roles.Admin);

    private readonly AppFactory _app = new(today: "2025-05-15");
    private readonly List<PlanChange> _published = [];
    private PlanEditService _editor = default!;
    private IDisposable? _subscription;

    public Task InitializeAsync()
    {
        _editor = _app.Services.GetRequiredService<PlanEditService>();
        _subscription = _app.Services.GetRequiredService<LiveUpdates>().Subscribe(change =>
        {
            lock (_published) _published.Add(change);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _subscription?.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<Plan> PlanAsync(int year = 2025) => (await _app.Plans.LoadAsync(year))!.Plan;

    private async Task<List<AuditRecord>> AuditAsync(string key)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.Action == AuditActions.PlanChanged && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
    }

    private static IndicatorDraft WithQuarter(Indicator indicator, int quarter, string value) =>
        IndicatorDraft.From(indicator) with
        {
            QuarterTargets = IndicatorDraft.From(indicator).QuarterTargets.Select((t, i) => i == quarter - 1 ? value : t).ToArray(),
        };

    [Fact]
    public async Task EditIndicator_ChangesTargetsAndFields_AuditsBeforeAfter_AndPublishesPlanStructureChanged()
    {
        var indicator = (await PlanAsync()).FindIndicator(Kompetensi)!;
        var draft = WithQuarter(indicator, 2, "17,5") with { Remark = "Target TW II dinaikkan", Unit = "Persentase" };

        var result = await _editor.EditIndicatorAsync(Admin, 2025, Kompetensi, 0, draft);

        Assert.Equal(PlanEditStatus.Saved, result.Status);
        Assert.Equal(1, result.Version);
        var saved = (await PlanAsync()).FindIndicator(Kompetensi)!;
        Assert.Equal([0m, 17.5m, 45m, 62m], saved.QuarterTargets);
        Assert.Equal("Target TW II dinaikkan", saved.Remark);
        var audit = Assert.Single(await AuditAsync($"2025:{Kompetensi}"));
        Assert.Equal("admin-uji", audit.Actor);
        Assert.Equal(PlanEditService.IndicatorEntity, audit.Entity);
        Assert.Contains("\"TW2\":15", audit.Before);
        Assert.Contains("\"Keterangan\":null", audit.Before);
        Assert.Contains("\"TW2\":17.5", audit.After);
        Assert.Contains("\"Keterangan\":\"Target TW II dinaikkan\"", audit.After);
        var change = Assert.IsType<PlanStructureChanged>(Assert.Single(_published));
        Assert.Equal(2025, change.Year);
        Assert.Equal("admin-uji", change.By);
        Assert.Equal(1, (await _editor.LoadAsync(Admin, 2025))!.VersionOf(Kompetensi));
    }

    [Fact]
    public async Task EditIndicator_BlankQuarters_AreStoredAsNoTarget_NotZero_AndAuditedAsNull()
    {
        var indicator = (await PlanAsync()).FindIndicator(Kompetensi)!;
        var draft = IndicatorDraft.From(indicator) with { QuarterTargets = ["", "0", "", "62"] };

        var result = await _editor.EditIndicatorAsync(Admin, 2025, Kompetensi, 0, draft);

        Assert.Equal(PlanEditStatus.Saved, result.Status);
        var saved = (await PlanAsync()).FindIndicator(Kompetensi)!;
        Assert.Equal(new decimal?[] { null, 0m, null, 62m }, saved.QuarterTargets);
        Assert.Equal(["", "0", "", "62"], IndicatorDraft.From(saved).QuarterTargets);
        var audit = Assert.Single(await AuditAsync($"2025:{Kompetensi}"));
        Assert.Contains("\"TW1\":null", audit.After);
        Assert.Contains("\"TW2\":0", audit.After);
    }

    [Fact]
    public async Task EditIndicator_WithoutAnyChange_SavesNothing_AndAuditsNothing()
    {
        var indicator = (await PlanAsync()).FindIndicator(Kompetensi)!;

        var result = await _editor.EditIndicatorAsync(Admin, 2025, Kompetensi, 0, IndicatorDraft.From(indicator));

        Assert.Equal(PlanEditStatus.Saved, result.Status);
        Assert.Equal(0, result.Version);
        Assert.Empty(await AuditAsync($"2025:{Kompetensi}"));
        Assert.Empty(_published);
    }

    [Fact]
    public async Task EditIndicator_WithInvalidValues_IsRefusedPerField_AndNothingChanges()
    {
        var draft = new IndicatorDraft(" ", "", "abc", ["4.25", "-1", "", "62"]);

        var result = await _editor.EditIndicatorAsync(Admin, 2025, Kompetensi, 0, draft);

        Assert.Equal(PlanEditStatus.Invalid, result.Status);
        Assert.Equal(IndicatorDraft.NameRequired, result.For(PlanFields.Name));
        Assert.Equal(IndicatorDraft.UnitRequired, result.For(PlanFields.Unit));
        Assert.Equal(IdNumber.NotANumber, result.For(PlanFields.AnnualTarget));
        Assert.Equal(IdNumber.Ambiguous, result.For("Tw1"));
        Assert.Equal(IndicatorDraft.NegativeTarget, result.For("Tw2"));
        Assert.Null(result.For("Tw3")); // blank: no target for TW III, not an error
        Assert.Null(result.For("Tw4"));
        Assert.Equal([0m, 15m, 45m, 62m], (await PlanAsync()).FindIndicator(Kompetensi)!.QuarterTargets);
        Assert.Empty(await AuditAsync($"2025:{Kompetensi}"));
        Assert.Empty(_published);
    }

    [Fact]
    public async Task TwoEdits_FromTheSameVersion_OneSaves_TheOtherIsAConflictShowingTheCurrentValues()
    {
        var indicator = (await PlanAsync()).FindIndicator(Kompetensi)!;

        var results = await Task.WhenAll(
            Task.Run(() => _editor.EditIndicatorAsync(Admin, 2025, Kompetensi, 0, WithQuarter(indicator, 2, "20"))),
            Task.Run(() => _editor.EditIndicatorAsync(OtherAdmin, 2025, Kompetensi, 0, WithQuarter(indicator, 2, "25"))));

        var saved = Assert.Single(results, r => r.Status == PlanEditStatus.Saved);
        var conflict = Assert.Single(results, r => r.Status == PlanEditStatus.Conflict).Conflict!;
        var stored = (await PlanAsync()).FindIndicator(Kompetensi)!.QuarterTargets[1]!.Value;
        Assert.Contains(stored, new[] { 20m, 25m });
        Assert.Equal(IdNumber.Format(stored), conflict.Indicator!.QuarterTargets[1]);
        Assert.Equal(1, conflict.CurrentVersion);
        Assert.Equal(saved.Version, conflict.CurrentVersion);
        Assert.Equal("T1.S1.P1", conflict.ParentCode);
        Assert.Equal(stored == 20m ? "admin-uji" : "admin-lain", conflict.By);
        Assert.Contains("sudah diubah orang lain", conflict.Message);
        Assert.Single(await AuditAsync($"2025:{Kompetensi}"));
    }

    [Fact]
    public async Task NodeEdit_FromAnOlderVersion_IsAConflictWithTheCurrentTitle()
    {
        Assert.True((await _editor.EditNodeAsync(Admin, 2025, "T1.S1", 0, new NodeDraft("Sasaran 1", "Meningkatnya Koperasi Sehat dan Mandiri"))).Ok);

        var stale = await _editor.EditNodeAsync(OtherAdmin, 2025, "T1.S1", 0, new NodeDraft("Sasaran 1", "Judul lain"));

        Assert.Equal(PlanEditStatus.Conflict, stale.Status);
        Assert.Equal("Meningkatnya Koperasi Sehat dan Mandiri", stale.Conflict!.Node!.Title);
        Assert.Equal("T1", stale.Conflict.ParentCode);
        Assert.Equal("admin-uji", stale.Conflict.By);
        Assert.Equal("Meningkatnya Koperasi Sehat dan Mandiri", (await PlanAsync()).FindNode("T1.S1")!.Title);
        var retry = await _editor.EditNodeAsync(OtherAdmin, 2025, "T1.S1", stale.Conflict.CurrentVersion, new NodeDraft("", "Judul lain"));
        Assert.True(retry.Ok);
        var node = (await PlanAsync()).FindNode("T1.S1")!;
        Assert.Equal("Judul lain", node.Title);
        Assert.Equal("Sasaran", node.Label);
    }

    [Fact]
    public async Task EditNode_WithoutTitle_IsRefusedNextToTheTitle()
    {
        var result = await _editor.EditNodeAsync(Admin, 2025, "T1.S1", 0, new NodeDraft("Sasaran 1", "  "));

        Assert.Equal(PlanEditStatus.Invalid, result.Status);
        Assert.Equal(NodeDraft.TitleRequired, result.For(PlanFields.Title));
    }

    [Fact]
    public async Task AddNode_TakesTheNextCodeUnderItsParent_AndADeletedCodeIsNeverGivenAgain()
    {
        var added = await _editor.AddNodeAsync(Admin, 2025, "T1.S1", NodeLevel.Program, new NodeDraft(null, "Program baru"));

        Assert.True(added.Ok, added.Message);
        Assert.Equal("T1.S1.P5", added.Code);
        var node = (await PlanAsync()).FindNode("T1.S1.P5")!;
        Assert.Equal("Program 5", node.Label);
        Assert.Equal("T1.S1", node.Parent!.Code);
        Assert.Same(node, node.Parent.Children[^1]);

        Assert.True((await _editor.DeleteNodeAsync(Admin, 2025, "T1.S1.P5", 0)).Ok);
        var again = await _editor.AddNodeAsync(Admin, 2025, "T1.S1", NodeLevel.Program, new NodeDraft("Program 5", "Program baru lagi"));

        Assert.Equal("T1.S1.P6", again.Code);
        Assert.Null((await PlanAsync()).FindNode("T1.S1.P5"));
    }

    [Fact]
    public async Task AddNode_MustBeDeeperThanItsParent_AndWithoutParentMustBeATujuan()
    {
        var sameLevel = await _editor.AddNodeAsync(Admin, 2025, "T1.S1", NodeLevel.Sasaran, new NodeDraft(null, "Sasaran di bawah Sasaran"));
        var rootProgram = await _editor.AddNodeAsync(Admin, 2025, null, NodeLevel.Program, new NodeDraft(null, "Program tanpa induk"));
        var tujuan = await _editor.AddNodeAsync(Admin, 2025, null, NodeLevel.Tujuan, new NodeDraft(null, "Tujuan baru"));
        var skipping = await _editor.AddNodeAsync(Admin, 2025, "T1.S1", NodeLevel.Kegiatan, new NodeDraft(null, "Kegiatan langsung di bawah Sasaran"));

        Assert.Equal(PlanEditStatus.Invalid, sameLevel.Status);
        Assert.Contains("tidak boleh berada di bawah Sasaran", sameLevel.For(PlanFields.Level));
        Assert.Equal(PlanEditStatus.Invalid, rootProgram.Status);
        Assert.NotNull(rootProgram.For(PlanFields.Level));
        Assert.Equal("T3", tujuan.Code);
        Assert.Equal("T1.S1.K1", skipping.Code);
        var plan = await PlanAsync();
        Assert.Equal(["T1", "T2", "T3"], plan.Roots.Select(r => r.Code));
        Assert.Equal("Tujuan 3", plan.FindNode("T3")!.Label);
    }

    [Fact]
    public async Task AddIndicator_GetsTheNextCodeOnItsNode_WithTheTypedValues()
    {
        var draft = new IndicatorDraft("Jumlah koperasi sehat", "Unit", "1.200", ["300", "600", "900", "1.200"], Polarity.Positive, Aggregation.Cumulative, "baru");

        var result = await _editor.AddIndicatorAsync(Admin, 2025, "T1.S1", draft);

        Assert.True(result.Ok, result.Message);
        Assert.Equal("T1.S1.I2", result.Code);
        var indicator = (await PlanAsync()).FindIndicator("T1.S1.I2")!;
        Assert.Equal(1200m, indicator.AnnualTarget);
        Assert.Equal([300m, 600m, 900m, 1200m], indicator.QuarterTargets);
        Assert.Equal("T1.S1", indicator.Node!.Code);
        Assert.Same(indicator, indicator.Node.Indicators[^1]);
        var audit = Assert.Single(await AuditAsync("2025:T1.S1.I2"));
        Assert.Null(audit.Before);
        Assert.Contains("\"Nama\":\"Jumlah koperasi sehat\"", audit.After);
    }

    [Fact]
    public async Task MoveNode_TakesItsSubtreeToTheNewParent_KeepsItsCode_AndGoesLast()
    {
        var result = await _editor.MoveNodeAsync(Admin, 2025, "T1.S1.P2", "T1.S2", 0);

        Assert.True(result.Ok, result.Message);
        var plan = await PlanAsync();
        var moved = plan.FindNode("T1.S1.P2")!;
        Assert.Equal("T1.S2", moved.Parent!.Code);
        Assert.Same(moved, moved.Parent.Children[^1]);
        Assert.Equal("T1.S1.P2.K1.SK1", moved.Children[0].Children[0].Code);
        Assert.DoesNotContain(plan.FindNode("T1.S1")!.Children, c => c.Code == "T1.S1.P2");
        var audit = Assert.Single(await AuditAsync("2025:T1.S1.P2"));
        Assert.Contains("\"Induk\":\"T1.S1\"", audit.Before);
        Assert.Contains("\"Induk\":\"T1.S2\"", audit.After);
    }

    [Fact]
    public async Task MoveNode_UnderItsOwnDescendantOrAShallowerLevel_OrATujuan_IsRefused()
    {
        var cycle = await _editor.MoveNodeAsync(Admin, 2025, "T1.S1", "T1.S1.P1", 0);
        var level = await _editor.MoveNodeAsync(Admin, 2025, "T1.S1.P1", "T1.S2.P1.K1", 0);
        var tujuan = await _editor.MoveNodeAsync(Admin, 2025, "T2", "T1", 0);

        Assert.Contains("dirinya sendiri atau turunannya", cycle.For(PlanFields.Parent));
        Assert.Contains("induk harus bertingkat lebih tinggi", level.For(PlanFields.Parent));
        Assert.Contains("tidak dapat dipindahkan", tujuan.For(PlanFields.Parent));
        Assert.Equal("T1", (await PlanAsync()).FindNode("T1.S1")!.Parent!.Code);
    }

    [Fact]
    public async Task ReorderNode_SwapsWithItsNeighbour_AndStopsAtTheTop()
    {
        var up = await _editor.ReorderNodeAsync(Admin, 2025, "T1.S1.P2", -1);
        var again = await _editor.ReorderNodeAsync(Admin, 2025, "T1.S1.P2", -1);

        Assert.True(up.Ok, up.Message);
        Assert.Equal(PlanEditStatus.Invalid, again.Status);
        Assert.Contains("paling atas", again.Message);
        Assert.Equal(["T1.S1.P2", "T1.S1.P1", "T1.S1.P3", "T1.S1.P4"], (await PlanAsync()).FindNode("T1.S1")!.Children.Select(c => c.Code));
        var audit = Assert.Single(await AuditAsync("2025:T1.S1.P2"));
        Assert.Contains("\"Urutan\":2", audit.Before);
        Assert.Contains("\"Urutan\":1", audit.After);
    }

    [Fact]
    public async Task ReorderAndMoveIndicator_ChangeItsPlace()
    {
        Assert.True((await _editor.ReorderIndicatorAsync(Admin, 2025, "T1.I2", -1)).Ok);
        Assert.Equal(["T1.I2", "T1.I1"], (await PlanAsync()).FindNode("T1")!.Indicators.Select(i => i.Code));

        var moved = await _editor.MoveIndicatorAsync(Admin, 2025, "T1.I2", "T1.S2", 0);

        Assert.True(moved.Ok, moved.Message);
        var plan = await PlanAsync();
        Assert.Equal(["T1.I1"], plan.FindNode("T1")!.Indicators.Select(i => i.Code));
        Assert.Equal(["T1.S2.I1", "T1.I2"], plan.FindNode("T1.S2")!.Indicators.Select(i => i.Code));
    }

    [Fact]
    public async Task DeleteNode_WithoutRealisation_RemovesItsSubtree_AndRetiresTheCodes()
    {
        var result = await _editor.DeleteNodeAsync(Admin, 2025, "T1.S1.P4", 0);

        Assert.True(result.Ok, result.Message);
        var plan = await PlanAsync();
        Assert.Null(plan.FindNode("T1.S1.P4"));
        Assert.Null(plan.FindNode("T1.S1.P4.K1.SK1"));
        Assert.Null(plan.FindIndicator("T1.S1.P4.K1.SK1.I1"));
        var audit = Assert.Single(await AuditAsync("2025:T1.S1.P4"));
        Assert.Null(audit.After);
        Assert.Contains("T1.S1.P4.K1.SK1.I1", audit.Before);
        Assert.Equal("T1.S1.P5", (await _editor.AddNodeAsync(Admin, 2025, "T1.S1", NodeLevel.Program, new NodeDraft(null, "Pengganti"))).Code);
        Assert.Equal("T1.S1.I2", (await _editor.AddIndicatorAsync(Admin, 2025, "T1.S1", IndicatorDraft.Empty with { Name = "Baru", Unit = "Unit" })).Code);
    }

    [Fact]
    public async Task DeleteIndicator_WithoutRealisation_IsRemoved_AndItsCodeIsNotReused()
    {
        var deleted = await _editor.DeleteIndicatorAsync(Admin, 2025, "T2.S1.P1.I6", 0);

        Assert.True(deleted.Ok, deleted.Message);
        Assert.Null((await PlanAsync()).FindIndicator("T2.S1.P1.I6"));
        var audit = Assert.Single(await AuditAsync("2025:T2.S1.P1.I6"));
        Assert.NotNull(audit.Before);
        Assert.Null(audit.After);
        var added = await _editor.AddIndicatorAsync(Admin, 2025, "T2.S1.P1", IndicatorDraft.Empty with { Name = "Baru", Unit = "Dokumen" });
        Assert.Equal("T2.S1.P1.I7", added.Code);
    }

    [Fact]
    public async Task Delete_IsRefused_OnceRealisationWasRecorded()
    {
        var recorded = await _app.Services.GetRequiredService<RealisationService>().RecordAsync(
            new RecordRealisation(2025, Kompetensi, 2, EntryKind.Level, 14m, new DateOnly(2025, 5, 12), ActingUser.Of("x", Roles.Planner)));
        Assert.Equal(SaveStatus.Saved, recorded.Status);

        var node = await _editor.DeleteNodeAsync(Admin, 2025, "T1.S1.P1", 0);
        var indicator = await _editor.DeleteIndicatorAsync(Admin, 2025, Kompetensi, 0);
        var aggregation = await _editor.EditIndicatorAsync(Admin, 2025, Kompetensi, 0,
            IndicatorDraft.From((await PlanAsync()).FindIndicator(Kompetensi)!) with { Aggregation = Aggregation.Cumulative });

        Assert.Equal(PlanEditStatus.Invalid, node.Status);
        Assert.Contains("sudah memiliki realisasi", node.Message);
        Assert.Contains(Kompetensi, node.Message);
        Assert.Equal(PlanEditStatus.Invalid, indicator.Status);
        Assert.Contains("sudah memiliki realisasi", indicator.Message);
        Assert.NotNull(aggregation.For(PlanFields.Aggregation));
        var plan = await PlanAsync();
        Assert.NotNull(plan.FindNode("T1.S1.P1"));
        Assert.NotNull(plan.FindIndicator(Kompetensi));
        Assert.Contains(Kompetensi, (await _editor.LoadAsync(Admin, 2025))!.Reported);
        // The rest of the plan is still editable.
        Assert.True((await _editor.DeleteIndicatorAsync(Admin, 2025, "T1.S1.P2.I1", 0)).Ok);
    }

    [Fact]
    public async Task NonAdmins_AreRefused_AndNothingChanges()
    {
        var indicator = (await PlanAsync()).FindIndicator(Kompetensi)!;
        foreach (var role in new[] { Roles.Planner, Roles.Head, Roles.Officer, Roles.Screen })
        {
            var user = ActingUser.Of("bukan-admin", role);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _editor.EditIndicatorAsync(user, 2025, Kompetensi, 0, WithQuarter(indicator, 2, "99")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _editor.DeleteNodeAsync(user, 2025, "T1.S1.P4", 0));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _editor.AddNodeAsync(user, 2025, null, NodeLevel.Tujuan, new NodeDraft(null, "x")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _editor.LoadAsync(user, 2025));
        }
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _editor.ReorderNodeAsync(ActingUser.Anonymous, 2025, "T1.S1.P2", -1));

        Assert.Equal(15m, (await PlanAsync()).FindIndicator(Kompetensi)!.QuarterTargets[1]);
        Assert.NotNull((await PlanAsync()).FindNode("T1.S1.P4"));
        Assert.Empty(_published);
    }
}
