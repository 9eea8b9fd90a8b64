using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Checks;
using Dashboard.Domain.Import;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Plans;

/// <summary>What an uploaded file would import: the parsed tree, its counts, findings, problems and the changes to a
/// stored plan of the same year. Nothing has been written when a preview exists.</summary>
public sealed record ImportPreview(
    int Year,
    string FileName,
    Plan? Plan,
    IReadOnlyList<ImportIssue> Issues,
    IReadOnlyList<PlanFinding> Findings,
    bool IsNewYear,
    IReadOnlyList<PlanChangeItem> Changes,
    string? Sheet,
    int Rows)
{
    public bool HasErrors => Issues.Any(i => i.IsError);

    /// <summary>Rows left out on purpose (signature block, footer, rows without Uraian or indicator): not errors.</summary>
    public IReadOnlyList<SkippedRow> Skipped { get; init; } = [];

    /// <summary>What was detected about the file (format, encoding, separator, sheet, header row), in Indonesian.</summary>
    public IReadOnlyList<string> Detected { get; init; } = [];

    /// <summary>Every sheet of the file and those holding a plan table, so the user can choose another one.</summary>
    public IReadOnlyList<string> SheetNames { get; init; } = [];

    public IReadOnlyList<string> PlanSheets { get; init; } = [];

    /// <summary>Indicators with an annual target only (TW I-IV blank, stored as no target, not 0).</summary>
    public int AnnualOnlyCount => Plan?.AllIndicators().Count(i => i.IsAnnualOnly) ?? 0;

    /// <summary>Nodes that only group others (no indicator of their own).</summary>
    public int ParentOnlyCount => Plan?.AllNodes().Count(n => n.Indicators.Count == 0 && n.Children.Count > 0) ?? 0;

    public int ErrorCount => Issues.Count(i => i.IsError);

    public int WarningCount => Issues.Count(i => !i.IsError);

    public bool CanConfirm => Plan is not null && !HasErrors;

    public int NodeCount => Plan?.AllNodes().Count() ?? 0;

    public int IndicatorCount => Plan?.AllIndicators().Count() ?? 0;

    /// <summary>Nodes per level, every level listed (0 where none).</summary>
    public IReadOnlyList<(NodeLevel Level, int Count)> NodesPerLevel =>
        Enum.GetValues<NodeLevel>().Select(l => (l, Plan?.AllNodes().Count(n => n.Level == l) ?? 0)).ToList();
}

/// <summary>The result of <see cref="PlanImportService.ConfirmAsync"/>.</summary>
public sealed record ImportOutcome(bool Saved, string Message, IReadOnlyList<PlanChangeItem> Changes)
{
    public static ImportOutcome Refused(string message) => new(false, message, []);
}

/// <summary>Raised after an import is committed, so open dashboards of that year reload.</summary>
public sealed record PlanImported(int Year, string By, DateTimeOffset At, bool IsNew) : PlanChange(Year);

/// <summary>
/// The one import pipeline: file checks and reading (<see cref="PlanFileReader"/>), parsing
/// (<see cref="PlanGridParser"/>), plan checks, and on confirmation the write: a new year through
/// <see cref="PlanRepository.AddAsync(Plan, Action{DashboardDbContext, int}?, CancellationToken)"/>, the same year in place by code
/// (names, units, targets, remarks; new nodes and indicators added; indicators with realisation never deleted), each
/// change audited with before and after in the same transaction.
/// </summary>
public sealed class PlanImportService(
    IDbContextFactory<DashboardDbContext> factory,
    PlanRepository plans,
    PlanChecker checker,
    TimeProvider time,
    IOptions<PlanImportOptions> options,
    IServiceProvider services)
{
    public PlanImportOptions Options => options.Value;

    /// <param name="sheet">The sheet to read; null for the first that holds a plan table.</param>
    public async Task<ImportPreview> PreviewAsync(int year, string fileName, Stream content, CancellationToken ct = default, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "berkas" : fileName);
        if (year is < 2000 or > 2100)
        {
            return Failed(year, name, new ImportIssue(Severity.Error, name, null, null, $"Tahun {year} tidak wajar: isi tahun rencana antara 2000 dan 2100."));
        }
        var file = await PlanFileReader.ReadAsync(name, content, Options, ct);
        if (file.Error is { } error) return Failed(year, name, error) with { Detected = file.Detected };

        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await LoadCurrentAsync(db, year, ct);
        var agency = current?.Plan.Agency
            ?? await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).Select(p => p.Agency).FirstOrDefaultAsync(ct)
            ?? Options.DefaultAgency;

        PlanParseResult parsed;
        try
        {
            parsed = new PlanGridParser().Parse(file.Sheets, new PlanGridOptions(year, agency, sheet));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The parser reports problems as issues; this is a safety net so no upload ever ends in an exception.
            return Failed(year, name, new ImportIssue(Severity.Error, name, null, null, $"Berkas tidak dapat dibaca sebagai rencana: {e.Message}"));
        }
        var findings = parsed.Plan is null ? [] : checker.Check(parsed.Plan);
        var changes = current is null || parsed.Plan is null ? [] : Diff(current, parsed.Plan);
        var detected = file.Detected.ToList();
        if (parsed.Sheet is { } read && parsed.HeaderRow is { } headerRow)
        {
            detected.Add(parsed.PlanSheets.Count > 1
                ? $"Tabel rencana dibaca dari lembar {read} (judul kolom di baris {headerRow}); lembar lain yang juga berisi tabel: {string.Join(", ", parsed.PlanSheets.Where(n => n != read))}"
                : $"Tabel rencana dibaca dari lembar {read} (judul kolom di baris {headerRow})");
        }
        return new ImportPreview(year, name, parsed.Plan, parsed.Issues, findings, current is null, changes, parsed.Sheet, parsed.Rows)
        {
            Skipped = parsed.Skipped, Detected = detected, SheetNames = parsed.SheetNames, PlanSheets = parsed.PlanSheets,
        };
    }

    /// <summary>For a file refused before it is read because its declared size is over the limit (browser uploads).</summary>
    public ImportPreview TooLarge(int year, string fileName) =>
        Failed(year, Path.GetFileName(fileName), new ImportIssue(Severity.Error, Path.GetFileName(fileName), null, null, PlanFileReader.TooLargeMessage(Options)));

    /// <summary>Writes the previewed plan; only for admins, only without errors. Re-reads the stored plan, so the
    /// changes applied are those against the plan as it is now.</summary>
    public async Task<ImportOutcome> ConfirmAsync(ImportPreview preview, ActingUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || !Permissions.CanEditPlan(actor.Roles.ToList()))
        {
            return ImportOutcome.Refused("Hanya Admin yang boleh menyimpan rencana hasil impor.");
        }
        if (preview.HasErrors || preview.Plan is null)
        {
            return ImportOutcome.Refused($"Berkas masih memiliki {preview.ErrorCount} kesalahan; perbaiki berkasnya lalu unggah lagi. Tidak ada yang disimpan.");
        }

        var plan = preview.Plan;
        var now = time.GetUtcNow();
        if (preview.IsNewYear)
        {
            if (await plans.LoadAsync(plan.Year, ct) is not null)
            {
                return ImportOutcome.Refused($"Rencana tahun {plan.Year} sudah dibuat sejak pratinjau ini. Unggah berkasnya lagi untuk melihat perubahannya.");
            }
            try
            {
                await plans.AddAsync(plan, (db, _) => AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, "Rencana", Key(plan.Year),
                    after: new { plan.Year, plan.Title, plan.Agency, Nodes = preview.NodeCount, Indicators = preview.IndicatorCount },
                    detail: $"Impor rencana baru dari {preview.FileName}"), ct);
            }
            catch (Exception e) when (e is InvalidOperationException or DbUpdateException)
            {
                return ImportOutcome.Refused($"Rencana tahun {plan.Year} tidak dapat disimpan: {e.Message}");
            }
            await PublishAsync(new PlanImported(plan.Year, actor.DisplayName, now, IsNew: true));
            return new ImportOutcome(true, $"Rencana {plan.Year} disimpan: {preview.NodeCount} node, {preview.IndicatorCount} indikator.", []);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await LoadCurrentAsync(db, plan.Year, ct, tracking: true);
        if (current is null)
        {
            return ImportOutcome.Refused($"Rencana tahun {plan.Year} sudah tidak ada sejak pratinjau ini. Unggah berkasnya lagi.");
        }
        var changes = Diff(current, plan);
        if (changes.Count == 0)
        {
            return new ImportOutcome(true, $"Tidak ada perubahan: rencana {plan.Year} sudah sama dengan berkas.", []);
        }
        await ApplyAsync(db, current, plan, changes, ct);
        foreach (var change in changes.Where(c => c.Kind != PlanChangeKind.Kept))
        {
            AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, change.Entity, Key(plan.Year, change.Code),
                change.Before, change.After, $"{change.KindLabel} oleh impor {preview.FileName}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(new PlanImported(plan.Year, actor.DisplayName, now, IsNew: false));

        var summary = string.Join(", ", changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.First().KindLabel.ToLowerInvariant()}"));
        return new ImportOutcome(true, $"Rencana {plan.Year} diperbarui: {summary}.", changes);
    }

    private static string Key(int year, string? code = null) => code is null ? $"{year}" : $"{year}:{code}";

    private static ImportPreview Failed(int year, string fileName, ImportIssue issue) =>
        new(year, fileName, null, [issue], [], false, [], null, 0);

    private async Task PublishAsync(PlanChange change)
    {
        // The command line has no live updates; the web app does.
        if (services.GetService<LiveUpdates>() is { } live) await live.PublishAsync(change);
    }

    /// <summary>The stored plan's records by code, and the indicators on which something has been recorded.</summary>
    private sealed record Current(PlanRecord Plan, Dictionary<string, NodeRecord> Nodes, Dictionary<string, IndicatorRecord> Indicators, HashSet<int> WithData);

    private static async Task<Current?> LoadCurrentAsync(DashboardDbContext db, int year, CancellationToken ct, bool tracking = false)
    {
        IQueryable<PlanRecord> query = tracking ? db.Plans : db.Plans.AsNoTracking();
        var plan = await query.SingleOrDefaultAsync(p => p.Year == year, ct);
        if (plan is null) return null;
        var nodes = tracking ? db.Nodes.Where(n => n.PlanId == plan.Id) : db.Nodes.AsNoTracking().Where(n => n.PlanId == plan.Id);
        var indicators = tracking ? db.Indicators.Where(i => i.PlanId == plan.Id) : db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id);
        var ids = db.Indicators.Where(i => i.PlanId == plan.Id).Select(i => i.Id);
        var withData = new HashSet<int>();
        withData.UnionWith(await db.Realisations.Where(r => ids.Contains(r.IndicatorId)).Select(r => r.IndicatorId).Distinct().ToListAsync(ct));
        withData.UnionWith(await db.Narratives.Where(r => ids.Contains(r.IndicatorId)).Select(r => r.IndicatorId).Distinct().ToListAsync(ct));
        withData.UnionWith(await db.Evidence.Where(r => ids.Contains(r.IndicatorId)).Select(r => r.IndicatorId).Distinct().ToListAsync(ct));
        withData.UnionWith(await db.Reviews.Where(r => ids.Contains(r.IndicatorId)).Select(r => r.IndicatorId).Distinct().ToListAsync(ct));
        withData.UnionWith(await db.Decisions.Where(r => ids.Contains(r.IndicatorId)).Select(r => r.IndicatorId).Distinct().ToListAsync(ct));
        return new Current(plan,
            (await nodes.ToListAsync(ct)).ToDictionary(n => n.Code, StringComparer.Ordinal),
            (await indicators.ToListAsync(ct)).ToDictionary(i => i.Code, StringComparer.Ordinal),
            withData);
    }

    private static List<PlanChangeItem> Diff(Current current, Plan incoming)
    {
        var changes = new List<PlanChangeItem>();
        var planBefore = new PlanValues(current.Plan.Title, current.Plan.Agency);
        var planAfter = new PlanValues(incoming.Title, incoming.Agency);
        if (planBefore != planAfter) changes.Add(new(PlanChangeKind.Changed, "Rencana", $"{incoming.Year}", incoming.Title, planBefore, planAfter));

        var incomingNodes = new HashSet<string>(StringComparer.Ordinal);
        var incomingIndicators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in incoming.AllNodes())
        {
            incomingNodes.Add(node.Code);
            var after = NodeValues.Of(node);
            if (!current.Nodes.TryGetValue(node.Code, out var record))
            {
                changes.Add(new(PlanChangeKind.Added, "Node", node.Code, node.Title, null, after));
            }
            else if (NodeValues.Of(record) is var before && before != after)
            {
                changes.Add(new(PlanChangeKind.Changed, "Node", node.Code, node.Title, before, after));
            }

            foreach (var indicator in node.Indicators)
            {
                incomingIndicators.Add(indicator.Code);
                var values = IndicatorValues.Of(indicator);
                if (!current.Indicators.TryGetValue(indicator.Code, out var existing))
                {
                    changes.Add(new(PlanChangeKind.Added, "Indikator", indicator.Code, indicator.Name, null, values));
                    continue;
                }
                var old = IndicatorValues.Of(existing);
                if (old == values) continue;
                string? note = null;
                if (current.WithData.Contains(existing.Id) && (old.Name != values.Name || old.Unit != values.Unit))
                {
                    note = "Indikator ini sudah memiliki realisasi. Nama atau satuannya berubah: pastikan baris-baris di berkas tidak bergeser " +
                        "(kode diberikan menurut urutan baris), karena realisasinya tetap melekat pada kode ini.";
                }
                changes.Add(new(PlanChangeKind.Changed, "Indikator", indicator.Code, indicator.Name, old, values, note));
            }
        }

        var keptNodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, record) in current.Indicators.OrderBy(i => i.Value.NodeId).ThenBy(i => i.Value.SortOrder))
        {
            if (incomingIndicators.Contains(code)) continue;
            if (current.WithData.Contains(record.Id))
            {
                changes.Add(new(PlanChangeKind.Kept, "Indikator", code, record.Name, IndicatorValues.Of(record), null,
                    "Tidak ada di berkas, tetapi sudah memiliki realisasi atau catatan: tetap disimpan. Hapus manual bila memang tidak dipakai lagi."));
                var nodeCode = current.Nodes.Values.First(n => n.Id == record.NodeId).Code;
                keptNodes.UnionWith(Prefixes(nodeCode));
            }
            else
            {
                changes.Add(new(PlanChangeKind.Removed, "Indikator", code, record.Name, IndicatorValues.Of(record), null));
            }
        }
        foreach (var (code, record) in current.Nodes.OrderBy(n => n.Value.SortOrder))
        {
            if (incomingNodes.Contains(code)) continue;
            changes.Add(keptNodes.Contains(code)
                ? new(PlanChangeKind.Kept, "Node", code, record.Title, NodeValues.Of(record), null, "Tidak ada di berkas, tetapi memuat indikator yang sudah memiliki realisasi: tetap disimpan.")
                : new(PlanChangeKind.Removed, "Node", code, record.Title, NodeValues.Of(record), null));
        }
        return changes;
    }

    /// <summary>"T1.S1.P1" → T1, T1.S1, T1.S1.P1: a node and its ancestors by positional code.</summary>
    private static IEnumerable<string> Prefixes(string code)
    {
        for (var i = code.IndexOf('.'); i >= 0; i = code.IndexOf('.', i + 1)) yield return code[..i];
        yield return code;
    }

    private static async Task ApplyAsync(DashboardDbContext db, Current current, Plan incoming, List<PlanChangeItem> changes, CancellationToken ct)
    {
        current.Plan.Title = incoming.Title;
        current.Plan.Agency = incoming.Agency;

        var order = 0;
        foreach (var node in incoming.AllNodes())
        {
            var parentId = node.Parent is { } parent ? current.Nodes[parent.Code].Id : (int?)null;
            if (!current.Nodes.TryGetValue(node.Code, out var record))
            {
                record = new NodeRecord { PlanId = current.Plan.Id, Code = node.Code, Level = (int)node.Level };
                db.Nodes.Add(record);
                current.Nodes[node.Code] = record;
            }
            record.ParentId = parentId;
            record.Label = node.Label;
            record.Title = node.Title;
            record.SortOrder = order++;
            // New nodes need their id before their children and indicators point at them.
            if (record.Id == 0) await db.SaveChangesAsync(ct);

            var sort = 0;
            foreach (var indicator in node.Indicators)
            {
                if (!current.Indicators.TryGetValue(indicator.Code, out var target))
                {
                    target = new IndicatorRecord { PlanId = current.Plan.Id, Code = indicator.Code };
                    db.Indicators.Add(target);
                    current.Indicators[indicator.Code] = target;
                }
                target.NodeId = record.Id;
                target.Name = indicator.Name;
                target.Unit = indicator.Unit;
                target.Polarity = (int)indicator.Polarity;
                target.Aggregation = (int)indicator.Aggregation;
                target.AnnualTarget = indicator.AnnualTarget;
                target.TargetTw1 = indicator.QuarterTargets[0];
                target.TargetTw2 = indicator.QuarterTargets[1];
                target.TargetTw3 = indicator.QuarterTargets[2];
                target.TargetTw4 = indicator.QuarterTargets[3];
                target.Remark = indicator.Remark;
                target.SortOrder = sort++;
            }
        }

        foreach (var change in changes)
        {
            switch (change.Kind, change.Entity)
            {
                case (PlanChangeKind.Removed, "Indikator"):
                    db.Indicators.Remove(current.Indicators[change.Code]);
                    break;
                case (PlanChangeKind.Kept, "Indikator"):
                    current.Indicators[change.Code].SortOrder += 1000;
                    break;
                case (PlanChangeKind.Kept, "Node"):
                    current.Nodes[change.Code].SortOrder = order++;
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
        // Children before parents: the parent link is restricted.
        foreach (var change in changes.Where(c => c is { Kind: PlanChangeKind.Removed, Entity: "Node" }).OrderByDescending(c => c.Code.Count(ch => ch == '.')))
        {
            db.Nodes.Remove(current.Nodes[change.Code]);
            await db.SaveChangesAsync(ct);
        }
    }
}
