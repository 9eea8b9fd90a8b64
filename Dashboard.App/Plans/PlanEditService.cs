using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Plans;

/// <summary>
/// Changes to the plan itself, for admins only (checked here, whatever the caller): nodes and indicators added, edited,
/// moved, reordered and deleted. Edits carry the version they started from, so a stale edit is a conflict that shows
/// the stored values. Every change is audited (before/after) in the same SaveChanges and then published as
/// <see cref="PlanStructureChanged"/>, so open dashboards reload.
/// </summary>
public sealed class PlanEditService(
    IDbContextFactory<DashboardDbContext> factory,
    Dashboard.App.Live.PlanReadModel plans,
    LiveUpdates live,
    Dashboard.App.Security.AccessService access,
    TimeProvider time)
{
    public const string NodeEntity = "Node";
    public const string IndicatorEntity = "Indikator";

    // One plan edit at a time: new codes and sibling positions are computed from what is stored, then written.
    private static readonly SemaphoreSlim WriteGate = new(1, 1);

    public async Task<PlanEditView?> LoadAsync(ActingUser actor, int year, CancellationToken ct = default)
    {
        Demand(actor);
        // Versions first: should an edit slip in between, the editor holds an older version and gets a conflict, never a silent overwrite.
        await using var db = await factory.CreateDbContextAsync(ct);
        var planId = await db.Plans.AsNoTracking().Where(p => p.Year == year).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (planId is null) return null;
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in await db.Nodes.AsNoTracking().Where(n => n.PlanId == planId).Select(n => new { n.Code, n.Version }).ToListAsync(ct))
        {
            versions[n.Code] = n.Version;
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).Select(i => new { i.Id, i.Code, i.Version }).ToListAsync(ct);
        foreach (var i in indicators) versions[i.Code] = i.Version;
        var reportedIds = await ReportedAsync(db, indicators.Select(i => i.Id).ToList(), ct);

        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null) return null;
        var reported = indicators.Where(i => reportedIds.Contains(i.Id)).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        return new PlanEditView(snapshot.Plan, versions, reported);
    }

    // ---------------------------------------------------------------- nodes

    /// <summary>Adds a node under <paramref name="parentCode"/> (a deeper level than the parent), or a new Tujuan when it is null.</summary>
    public Task<PlanEditResult> AddNodeAsync(ActingUser actor, int year, string? parentCode, NodeLevel level, NodeDraft draft, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            if (!Enum.IsDefined(level)) return PlanEditResult.Invalid(PlanFields.Level, "Tingkat tidak dikenal.");
            var errors = draft.Check();
            if (errors.Count > 0) return PlanEditResult.Invalid(errors);
            var nodes = await NodesAsync(db, plan, ct);
            NodeRecord? parent = null;
            if (parentCode is null)
            {
                if (level != NodeLevel.Tujuan) return PlanEditResult.Invalid(PlanFields.Level, "Node tanpa induk harus bertingkat Tujuan.");
            }
            else
            {
                parent = nodes.FirstOrDefault(n => n.Code == parentCode);
                if (parent is null) return PlanEditResult.NotFound($"Node {parentCode} tidak ada pada rencana {year}.");
                if ((int)level <= parent.Level)
                {
                    return PlanEditResult.Invalid(PlanFields.Level,
                        $"{level.Label()} tidak boleh berada di bawah {((NodeLevel)parent.Level).Label()}: pilih tingkat yang lebih dalam.");
                }
            }

            var code = PlanCodes.NextNode(parentCode, level, await UsedCodesAsync(db, plan, nodes, ct));
            var record = new NodeRecord
            {
                PlanId = plan.Id, ParentId = parent?.Id, Code = code, Level = (int)level,
                Label = Blank(draft.Label) ?? $"{level.Label()} {PlanCodes.Number(code)}", Title = draft.Title!.Trim(),
                SortOrder = nodes.Count == 0 ? 0 : nodes.Max(n => n.SortOrder) + 1,
            };
            db.Nodes.Add(record);
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, NodeEntity, Key(year, code), after: NodeState(record, parentCode),
                detail: "Node ditambahkan");
            return PlanEditResult.Saved(code, record.Version);
        }, ct);

    /// <summary>Changes a node's label and title.</summary>
    public Task<PlanEditResult> EditNodeAsync(ActingUser actor, int year, string code, int expectedVersion, NodeDraft draft, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var errors = draft.Check();
            if (errors.Count > 0) return PlanEditResult.Invalid(errors);
            var nodes = await NodesAsync(db, plan, ct);
            var node = nodes.FirstOrDefault(n => n.Code == code);
            if (node is null) return NodeMissing(year, code);
            if (node.Version != expectedVersion) return await NodeConflictAsync(db, year, node, nodes, ct);

            var label = Blank(draft.Label) ?? ((NodeLevel)node.Level).Label();
            var title = draft.Title!.Trim();
            if (label == node.Label && title == node.Title) return PlanEditResult.Saved(code, node.Version);
            var parentCode = ParentCode(nodes, node);
            var before = NodeState(node, parentCode);
            node.Label = label;
            node.Title = title;
            node.Version++;
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, NodeEntity, Key(year, code), before, NodeState(node, parentCode), "Node diubah");
            return PlanEditResult.Saved(code, node.Version);
        }, ct);

    /// <summary>Moves a node (with its subtree and indicators) under another parent of a higher level; it goes last there.</summary>
    public Task<PlanEditResult> MoveNodeAsync(ActingUser actor, int year, string code, string newParentCode, int expectedVersion, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var nodes = await NodesAsync(db, plan, ct);
            var node = nodes.FirstOrDefault(n => n.Code == code);
            if (node is null) return NodeMissing(year, code);
            if (node.Version != expectedVersion) return await NodeConflictAsync(db, year, node, nodes, ct);
            if (node.Level == (int)NodeLevel.Tujuan)
            {
                return PlanEditResult.Invalid(PlanFields.Parent, "Tujuan berada di puncak pohon dan tidak dapat dipindahkan; ubah urutannya dengan naik/turun.");
            }
            var parent = nodes.FirstOrDefault(n => n.Code == newParentCode);
            if (parent is null) return PlanEditResult.Invalid(PlanFields.Parent, $"Node tujuan {newParentCode} tidak ada pada rencana {year}.");
            if (parent.Id == node.ParentId) return PlanEditResult.Invalid(PlanFields.Parent, $"{node.Code} sudah berada di bawah {parent.Code}.");
            if (Subtree(nodes, node).Any(n => n.Id == parent.Id))
            {
                return PlanEditResult.Invalid(PlanFields.Parent, "Node tidak dapat dipindahkan ke bawah dirinya sendiri atau turunannya.");
            }
            if (parent.Level >= node.Level)
            {
                return PlanEditResult.Invalid(PlanFields.Parent,
                    $"{((NodeLevel)node.Level).Label()} tidak dapat dipindahkan ke bawah {((NodeLevel)parent.Level).Label()} {parent.Code}: induk harus bertingkat lebih tinggi.");
            }

            var before = NodeState(node, ParentCode(nodes, node));
            node.ParentId = parent.Id;
            node.SortOrder = nodes.Max(n => n.SortOrder) + 1;
            node.Version++;
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, NodeEntity, Key(year, code), before, NodeState(node, parent.Code),
                $"Node dipindahkan ke bawah {parent.Code}");
            return PlanEditResult.Saved(code, node.Version);
        }, ct);

    /// <summary>Moves a node one place up (<paramref name="direction"/> -1) or down (+1) among its siblings.</summary>
    public Task<PlanEditResult> ReorderNodeAsync(ActingUser actor, int year, string code, int direction, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var nodes = await NodesAsync(db, plan, ct);
            var node = nodes.FirstOrDefault(n => n.Code == code);
            if (node is null) return NodeMissing(year, code);
            var siblings = nodes.Where(n => n.ParentId == node.ParentId).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToList();
            if (Swap(siblings, node, direction, n => n.SortOrder, (n, v) => n.SortOrder = v) is not { } positions)
            {
                return PlanEditResult.Invalid(PlanFields.General, direction < 0 ? $"{code} sudah paling atas." : $"{code} sudah paling bawah.");
            }
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, NodeEntity, Key(year, code),
                new { Kode = code, Urutan = positions.Before }, new { Kode = code, Urutan = positions.After }, "Urutan node diubah");
            return PlanEditResult.Saved(code, node.Version);
        }, ct);

    /// <summary>Deletes a node with its subtree and indicators, refused when any of them has realisation, narratives or evidence.</summary>
    public Task<PlanEditResult> DeleteNodeAsync(ActingUser actor, int year, string code, int expectedVersion, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var nodes = await NodesAsync(db, plan, ct);
            var node = nodes.FirstOrDefault(n => n.Code == code);
            if (node is null) return NodeMissing(year, code);
            if (node.Version != expectedVersion) return await NodeConflictAsync(db, year, node, nodes, ct);

            var subtree = Subtree(nodes, node).ToList();
            var subtreeIds = subtree.Select(n => n.Id).ToHashSet();
            var indicators = await db.Indicators.Where(i => i.PlanId == plan.Id && subtreeIds.Contains(i.NodeId)).ToListAsync(ct);
            var reported = await ReportedAsync(db, indicators.Select(i => i.Id).ToList(), ct);
            if (reported.Count > 0)
            {
                var examples = indicators.Where(i => reported.Contains(i.Id)).Select(i => i.Code).Order(StringComparer.Ordinal).Take(3);
                return PlanEditResult.Invalid(PlanFields.General,
                    $"{code} tidak dapat dihapus: {reported.Count} indikator di dalamnya sudah memiliki realisasi ({string.Join(", ", examples)}).");
            }

            var codes = subtree.Select(n => n.Code).Concat(indicators.Select(i => i.Code)).ToList();
            var assignments = await db.Assignments.Where(a => a.Year == year && codes.Contains(a.Code)).ToListAsync(ct);
            var before = new
            {
                Kode = node.Code, Tingkat = ((NodeLevel)node.Level).Label(), node.Label, Uraian = node.Title, Induk = ParentCode(nodes, node),
                Subnode = subtree.Skip(1).Select(n => n.Code).ToList(),
                Indikator = indicators.Select(i => $"{i.Code} {i.Name}").ToList(),
                Penugasan = assignments.Select(a => a.Code).Distinct().ToList(),
            };
            db.Assignments.RemoveRange(assignments);
            db.Indicators.RemoveRange(indicators);
            db.Nodes.RemoveRange(subtree);
            db.RetiredCodes.AddRange(codes.Select(c => new RetiredCodeRecord { PlanId = plan.Id, Code = c, RetiredAt = now }));
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, NodeEntity, Key(year, code), before, null,
                $"Node dihapus beserta {subtree.Count - 1} node dan {indicators.Count} indikator di bawahnya");
            return PlanEditResult.Saved(code);
        }, ct);

    // ---------------------------------------------------------------- indicators

    public Task<PlanEditResult> AddIndicatorAsync(ActingUser actor, int year, string nodeCode, IndicatorDraft draft, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var check = draft.Check();
            if (!check.Ok) return PlanEditResult.Invalid(check.Errors);
            var nodes = await NodesAsync(db, plan, ct);
            var node = nodes.FirstOrDefault(n => n.Code == nodeCode);
            if (node is null) return NodeMissing(year, nodeCode);

            var code = PlanCodes.NextIndicator(nodeCode, await UsedCodesAsync(db, plan, nodes, ct));
            var siblings = await db.Indicators.Where(i => i.NodeId == node.Id).Select(i => i.SortOrder).ToListAsync(ct);
            var record = new IndicatorRecord
            {
                PlanId = plan.Id, NodeId = node.Id, Code = code, SortOrder = siblings.Count == 0 ? 0 : siblings.Max() + 1,
            };
            Apply(record, check);
            db.Indicators.Add(record);
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, IndicatorEntity, Key(year, code), after: IndicatorState(record, nodeCode),
                detail: "Indikator ditambahkan");
            return PlanEditResult.Saved(code, record.Version);
        }, ct);

    /// <summary>Changes name, unit, polarity, aggregation, remark and targets.</summary>
    public Task<PlanEditResult> EditIndicatorAsync(ActingUser actor, int year, string code, int expectedVersion, IndicatorDraft draft, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var check = draft.Check();
            if (!check.Ok) return PlanEditResult.Invalid(check.Errors);
            var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.PlanId == plan.Id && i.Code == code, ct);
            if (indicator is null) return IndicatorMissing(year, code);
            var nodeCode = await db.Nodes.Where(n => n.Id == indicator.NodeId).Select(n => n.Code).SingleAsync(ct);
            if (indicator.Version != expectedVersion) return await IndicatorConflictAsync(db, year, indicator, nodeCode, ct);
            if ((int)check.Aggregation != indicator.Aggregation && (await ReportedAsync(db, [indicator.Id], ct)).Count > 0)
            {
                return PlanEditResult.Invalid(PlanFields.Aggregation,
                    "Agregasi tidak dapat diubah: indikator ini sudah memiliki realisasi yang dicatat dengan cara hitung sekarang.");
            }

            var before = IndicatorState(indicator, nodeCode);
            Apply(indicator, check);
            if (!db.Entry(indicator).Properties.Any(p => p.IsModified)) return PlanEditResult.Saved(code, indicator.Version);
            indicator.Version++;
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, IndicatorEntity, Key(year, code), before, IndicatorState(indicator, nodeCode),
                "Indikator diubah");
            return PlanEditResult.Saved(code, indicator.Version);
        }, ct);

    /// <summary>Moves an indicator to another node, where it goes last; its code stays (realisation and assignments refer to it).</summary>
    public Task<PlanEditResult> MoveIndicatorAsync(ActingUser actor, int year, string code, string nodeCode, int expectedVersion, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.PlanId == plan.Id && i.Code == code, ct);
            if (indicator is null) return IndicatorMissing(year, code);
            var nodes = await NodesAsync(db, plan, ct);
            var from = nodes.Single(n => n.Id == indicator.NodeId);
            if (indicator.Version != expectedVersion) return await IndicatorConflictAsync(db, year, indicator, from.Code, ct);
            var to = nodes.FirstOrDefault(n => n.Code == nodeCode);
            if (to is null) return PlanEditResult.Invalid(PlanFields.Parent, $"Node {nodeCode} tidak ada pada rencana {year}.");
            if (to.Id == from.Id) return PlanEditResult.Invalid(PlanFields.Parent, $"{code} sudah berada pada {nodeCode}.");

            var before = IndicatorState(indicator, from.Code);
            var last = await db.Indicators.Where(i => i.NodeId == to.Id).Select(i => (int?)i.SortOrder).MaxAsync(ct);
            indicator.NodeId = to.Id;
            indicator.SortOrder = (last ?? -1) + 1;
            indicator.Version++;
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, IndicatorEntity, Key(year, code), before, IndicatorState(indicator, to.Code),
                $"Indikator dipindahkan ke {to.Code}");
            return PlanEditResult.Saved(code, indicator.Version);
        }, ct);

    public Task<PlanEditResult> ReorderIndicatorAsync(ActingUser actor, int year, string code, int direction, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.PlanId == plan.Id && i.Code == code, ct);
            if (indicator is null) return IndicatorMissing(year, code);
            var siblings = await db.Indicators.Where(i => i.NodeId == indicator.NodeId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
            if (Swap(siblings, indicator, direction, i => i.SortOrder, (i, v) => i.SortOrder = v) is not { } positions)
            {
                return PlanEditResult.Invalid(PlanFields.General, direction < 0 ? $"{code} sudah paling atas." : $"{code} sudah paling bawah.");
            }
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, IndicatorEntity, Key(year, code),
                new { Kode = code, Urutan = positions.Before }, new { Kode = code, Urutan = positions.After }, "Urutan indikator diubah");
            return PlanEditResult.Saved(code, indicator.Version);
        }, ct);

    /// <summary>Deletes an indicator, refused when it has realisation, narratives or evidence.</summary>
    public Task<PlanEditResult> DeleteIndicatorAsync(ActingUser actor, int year, string code, int expectedVersion, CancellationToken ct = default) =>
        EditAsync(actor, year, async (db, plan, now) =>
        {
            var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.PlanId == plan.Id && i.Code == code, ct);
            if (indicator is null) return IndicatorMissing(year, code);
            var nodeCode = await db.Nodes.Where(n => n.Id == indicator.NodeId).Select(n => n.Code).SingleAsync(ct);
            if (indicator.Version != expectedVersion) return await IndicatorConflictAsync(db, year, indicator, nodeCode, ct);
            if ((await ReportedAsync(db, [indicator.Id], ct)).Count > 0)
            {
                return PlanEditResult.Invalid(PlanFields.General, $"{code} tidak dapat dihapus: indikator ini sudah memiliki realisasi.");
            }

            var assignments = await db.Assignments.Where(a => a.Year == year && a.Code == code).ToListAsync(ct);
            var before = IndicatorState(indicator, nodeCode);
            db.Assignments.RemoveRange(assignments);
            db.Indicators.Remove(indicator);
            db.RetiredCodes.Add(new RetiredCodeRecord { PlanId = plan.Id, Code = code, RetiredAt = now });
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, IndicatorEntity, Key(year, code), before, null,
                assignments.Count == 0 ? "Indikator dihapus" : $"Indikator dihapus beserta {assignments.Count} penugasan");
            return PlanEditResult.Saved(code);
        }, ct);

    // ---------------------------------------------------------------- plumbing

    internal static void Demand(ActingUser actor)
    {
        if (!actor.IsAuthenticated || !Permissions.CanEditPlan(actor.Roles.ToList()))
        {
            throw new UnauthorizedAccessException("Hanya admin yang dapat mengubah rencana aksi.");
        }
    }

    /// <summary>One change in one transaction; saved, committed and published only when the change went through and changed something.</summary>
    private async Task<PlanEditResult> EditAsync(ActingUser actor, int year,
        Func<DashboardDbContext, PlanRecord, DateTimeOffset, Task<PlanEditResult>> change, CancellationToken ct)
    {
        Demand(actor);
        var now = time.GetUtcNow();
        PlanEditResult result;
        await WriteGate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Year == year, ct);
            if (plan is null) return PlanEditResult.NotFound($"Rencana tahun {year} tidak ada.");
            result = await change(db, plan, now);
            if (!result.Ok || !db.ChangeTracker.HasChanges()) return result;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException e)
            {
                // Written meanwhile by something outside this gate (another app instance): report what is stored now.
                await tx.RollbackAsync(ct);
                return await RaceConflictAsync(year, e, ct);
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            WriteGate.Release();
        }
        // A deleted node or indicator takes its assignments with it.
        access.Invalidate();
        await live.PublishAsync(new PlanStructureChanged(year, actor.DisplayName, now));
        return result;
    }

    private async Task<PlanEditResult> RaceConflictAsync(int year, DbUpdateConcurrencyException e, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var plan = await db.Plans.SingleAsync(p => p.Year == year, ct);
        switch (e.Entries.FirstOrDefault()?.Entity)
        {
            case IndicatorRecord stale:
                var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == stale.Id, ct);
                if (indicator is null) return IndicatorMissing(year, stale.Code);
                var nodeCode = await db.Nodes.Where(n => n.Id == indicator.NodeId).Select(n => n.Code).SingleAsync(ct);
                return await IndicatorConflictAsync(db, year, indicator, nodeCode, ct);
            case NodeRecord staleNode:
                var nodes = await NodesAsync(db, plan, ct);
                var node = nodes.FirstOrDefault(n => n.Id == staleNode.Id);
                return node is null ? NodeMissing(year, staleNode.Code) : await NodeConflictAsync(db, year, node, nodes, ct);
            default:
                return new PlanEditResult(PlanEditStatus.Conflict, [new FieldError(PlanFields.General, ConflictText)],
                    Conflict: new PlanEditConflict(ConflictText, 0, null, null, null, null, null));
        }
    }

    private const string ConflictText = "Data ini sudah diubah orang lain sejak Anda membukanya.";

    private static async Task<PlanEditResult> NodeConflictAsync(DashboardDbContext db, int year, NodeRecord node, List<NodeRecord> nodes, CancellationToken ct)
    {
        var (by, at) = await LastChangeAsync(db, year, node.Code, ct);
        var message = ConflictMessage(by, at);
        return new PlanEditResult(PlanEditStatus.Conflict, [new FieldError(PlanFields.General, message)], node.Code, node.Version,
            new PlanEditConflict(message, node.Version, new NodeDraft(node.Label, node.Title), null, ParentCode(nodes, node), by, at));
    }

    private static async Task<PlanEditResult> IndicatorConflictAsync(DashboardDbContext db, int year, IndicatorRecord indicator, string nodeCode, CancellationToken ct)
    {
        var (by, at) = await LastChangeAsync(db, year, indicator.Code, ct);
        var message = ConflictMessage(by, at);
        var current = new IndicatorDraft(indicator.Name, indicator.Unit, IdNumber.Format(Decimals.Trim(indicator.AnnualTarget)),
            [Format(indicator.TargetTw1), Format(indicator.TargetTw2), Format(indicator.TargetTw3), Format(indicator.TargetTw4)],
            (Polarity)indicator.Polarity, (Aggregation)indicator.Aggregation, indicator.Remark);
        return new PlanEditResult(PlanEditStatus.Conflict, [new FieldError(PlanFields.General, message)], indicator.Code, indicator.Version,
            new PlanEditConflict(message, indicator.Version, null, current, nodeCode, by, at));
    }

    private static string ConflictMessage(string? by, DateTimeOffset? at) => by is null
        ? $"{ConflictText} Periksa nilai terbaru di bawah, lalu simpan lagi bila perlu."
        : $"{ConflictText} Terakhir diubah oleh {by} pada {Dashboard.Domain.Status.AgencyClock.ToAgencyTime(at!.Value):dd/MM/yyyy HH:mm} WIB. Periksa nilai terbaru di bawah, lalu simpan lagi bila perlu.";

    private static async Task<(string? By, DateTimeOffset? At)> LastChangeAsync(DashboardDbContext db, int year, string code, CancellationToken ct)
    {
        var key = Key(year, code);
        var last = await db.Audit.AsNoTracking().Where(a => a.Action == AuditActions.PlanChanged && a.EntityKey == key)
            .OrderByDescending(a => a.Id).Select(a => new { a.Actor, a.At }).FirstOrDefaultAsync(ct);
        return (last?.Actor, last?.At);
    }

    private static Task<List<NodeRecord>> NodesAsync(DashboardDbContext db, PlanRecord plan, CancellationToken ct) =>
        db.Nodes.Where(n => n.PlanId == plan.Id).ToListAsync(ct);

    /// <summary>Every code of the plan, present or deleted.</summary>
    private static async Task<IReadOnlyList<string>> UsedCodesAsync(DashboardDbContext db, PlanRecord plan, List<NodeRecord> nodes, CancellationToken ct)
    {
        var indicators = await db.Indicators.Where(i => i.PlanId == plan.Id).Select(i => i.Code).ToListAsync(ct);
        var retired = await db.RetiredCodes.Where(r => r.PlanId == plan.Id).Select(r => r.Code).ToListAsync(ct);
        return [.. nodes.Select(n => n.Code), .. indicators, .. retired];
    }

    /// <summary>Indicators with anything reported: realisation entries, narratives or evidence.</summary>
    private static async Task<HashSet<int>> ReportedAsync(DashboardDbContext db, IReadOnlyCollection<int> indicatorIds, CancellationToken ct)
    {
        if (indicatorIds.Count == 0) return [];
        var ids = await db.Realisations.Where(r => indicatorIds.Contains(r.IndicatorId)).Select(r => r.IndicatorId)
            .Concat(db.Narratives.Where(n => indicatorIds.Contains(n.IndicatorId)).Select(n => n.IndicatorId))
            .Concat(db.Evidence.Where(e => indicatorIds.Contains(e.IndicatorId)).Select(e => e.IndicatorId))
            .Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }

    private static IEnumerable<NodeRecord> Subtree(List<NodeRecord> nodes, NodeRecord root)
    {
        var byParent = nodes.ToLookup(n => n.ParentId);
        var stack = new Stack<NodeRecord>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in byParent[node.Id]) stack.Push(child);
        }
    }

    /// <summary>Swaps an item with its neighbour; the 1-based positions before and after, or null at the edge.</summary>
    private static (int Before, int After)? Swap<T>(List<T> siblings, T item, int direction, Func<T, int> order, Action<T, int> setOrder)
    {
        var index = siblings.IndexOf(item);
        var target = index + Math.Sign(direction);
        if (direction == 0 || target < 0 || target >= siblings.Count) return null;
        // Sort orders may repeat (rows written by hand or by an import): renumber the siblings first, so the swap always moves.
        if (order(siblings[index]) == order(siblings[target]))
        {
            for (var i = 0; i < siblings.Count; i++) setOrder(siblings[i], i);
        }
        var mine = order(siblings[index]);
        setOrder(siblings[index], order(siblings[target]));
        setOrder(siblings[target], mine);
        return (index + 1, target + 1);
    }

    private static void Apply(IndicatorRecord record, IndicatorDraftCheck check)
    {
        record.Name = check.Name;
        record.Unit = check.Unit;
        record.Polarity = (int)check.Polarity;
        record.Aggregation = (int)check.Aggregation;
        record.Remark = check.Remark;
        // Compared trimmed, so that 15 and the stored 15.0 are no change.
        if (Decimals.Trim(record.AnnualTarget) != check.AnnualTarget) record.AnnualTarget = check.AnnualTarget;
        if (Decimals.Trim(record.TargetTw1) != check.QuarterTargets[0]) record.TargetTw1 = check.QuarterTargets[0];
        if (Decimals.Trim(record.TargetTw2) != check.QuarterTargets[1]) record.TargetTw2 = check.QuarterTargets[1];
        if (Decimals.Trim(record.TargetTw3) != check.QuarterTargets[2]) record.TargetTw3 = check.QuarterTargets[2];
        if (Decimals.Trim(record.TargetTw4) != check.QuarterTargets[3]) record.TargetTw4 = check.QuarterTargets[3];
    }

    private static object NodeState(NodeRecord node, string? parentCode) => new
    {
        Kode = node.Code, Tingkat = ((NodeLevel)node.Level).Label(), node.Label, Uraian = node.Title, Induk = parentCode,
    };

    private static object IndicatorState(IndicatorRecord i, string nodeCode) => new
    {
        Kode = i.Code, Node = nodeCode, Nama = i.Name, Satuan = i.Unit,
        Polaritas = (Polarity)i.Polarity == Polarity.Negative ? "Negatif" : "Positif",
        Agregasi = (Aggregation)i.Aggregation == Aggregation.Level ? "Level" : "Kumulatif",
        TargetTahunan = Decimals.Trim(i.AnnualTarget), TW1 = Decimals.Trim(i.TargetTw1), TW2 = Decimals.Trim(i.TargetTw2),
        TW3 = Decimals.Trim(i.TargetTw3), TW4 = Decimals.Trim(i.TargetTw4), Keterangan = i.Remark,
    };

    private static string? ParentCode(List<NodeRecord> nodes, NodeRecord node) =>
        node.ParentId is { } id ? nodes.FirstOrDefault(n => n.Id == id)?.Code : null;

    private static PlanEditResult NodeMissing(int year, string code) => PlanEditResult.NotFound($"Node {code} tidak ada (lagi) pada rencana {year}.");

    private static PlanEditResult IndicatorMissing(int year, string code) => PlanEditResult.NotFound($"Indikator {code} tidak ada (lagi) pada rencana {year}.");

    internal static string Key(int year, string code) => $"{year}:{code}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Format(decimal value) => IdNumber.Format(Decimals.Trim(value));

    private static string Format(decimal? value) => value is { } v ? Format(v) : "";
}
