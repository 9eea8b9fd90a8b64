using System.Collections.Concurrent;
using Dashboard.App.Data;
using Dashboard.App.Audit;
using Dashboard.App.Live;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Realisations;

/// <summary>
/// Records realisation for the input page and the HTTP API alike: validates with the domain rules, writes immutable
/// rows, and publishes one <see cref="RealisationRecorded"/> after the commit.
/// </summary>
public sealed class RealisationService(
    IDbContextFactory<DashboardDbContext> factory,
    PlanReadModel plans,
    StatusEvaluator evaluator,
    LiveUpdates live,
    AccessService access,
    TimeProvider time,
    ILogger<RealisationService> logger)
{
    // SQLite has one writer anyway; queueing here avoids busy retries. The unique (indicator, quarter, sequence)
    // index is what keeps concurrent writers on several nodes honest.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Group commit: a save queues itself, then whoever holds the gate writes every queued save in one transaction (one
    // disk sync for the lot), each behind its own savepoint so that one refused or failing save does not take the others
    // down. Under load the batches grow by themselves; a lone save is a batch of one.
    private readonly ConcurrentQueue<PendingRecord> _pending = new();
    private const int MaxBatch = 64;

    public async Task<SaveResult> RecordAsync(RecordRealisation command, CancellationToken ct = default)
    {
        var actor = command.Actor;
        var snapshot = await plans.GetAsync(command.Year, ct);
        var indicator = snapshot?.Index.FindIndicator(command.IndicatorCode);
        if (snapshot is null || indicator is null)
        {
            return SaveResult.NotFound($"Indikator {command.IndicatorCode} tidak ada pada rencana {command.Year}.");
        }
        var indicatorId = snapshot.IndicatorIds[indicator.Code];
        var idempotencyKey = command.IdempotencyKey is { Length: > 0 } key && actor.IsAuthenticated ? $"{actor.Id}:{key}" : null;
        // A resent entry that was stored already is answered before the checks: the window may have closed since.
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, command, indicator, indicatorId, ct) is { } first) return first;
        if (await AccessRefusalAsync(actor, command.Year, indicator, command.Quarter, ct, command.CapturedAt) is { } refused) return refused;
        // Without narratives in the command, the faktor penghambat is read in the batch (as saved, by then).
        var draft = new RealisationDraft(indicator, command.Year, command.Quarter, command.Kind, command.Value, command.Date,
            command.Kecamatan, command.Note, command.CorrectionReason, command.Narrative?.Obstacles, command.Confirmed);
        var kecamatan = command.Kecamatan is { Length: > 0 } k && Kecamatan.TryNormalize(k, out var canonical) ? canonical : null;

        var written = await WriteAsync(new PendingRecord(command, indicator, indicatorId, draft, kecamatan, idempotencyKey, snapshot, ct), ct);
        if (written.Result is { } notSaved) return notSaved;
        var (existing, entry, check) = (written.Existing, written.Entry!, written.Check!);

        var before = RealisationMath.ForQuarter(indicator.Aggregation, existing, command.Quarter).Value;
        var afterEntries = existing.Append(entry).ToList();
        var after = RealisationMath.ForQuarter(indicator.Aggregation, afterEntries, command.Quarter).Value;
        var change = new RealisationRecorded(command.Year, indicator.Code, indicator.Name, command.Quarter, before, after, entry.RecordedBy, entry.RecordedAt, entry.Id,
            command.Kind.ToString());
        logger.LogInformation("Realisasi dicatat: {Year} {Indicator} TW{Quarter} {Kind} {Value} oleh {User}, entri {EntryId}",
            command.Year, indicator.Code, command.Quarter, command.Kind, command.Value, actor.UserName, entry.Id);
        await live.PublishAsync(change);
        return new SaveResult(SaveStatus.Saved, check.Issues, entry.Id, evaluator.Evaluate(indicator, command.Year, command.Quarter, afterEntries), Change: change);
    }

    /// <summary>One save waiting for the writer: what the request prepared, and what the batch made of it.</summary>
    private sealed class PendingRecord(RecordRealisation command, Indicator indicator, int indicatorId, RealisationDraft draft, string? kecamatan,
        string? idempotencyKey, PlanSnapshot snapshot, CancellationToken cancel)
    {
        public const int Queued = 0, Taken = 1, Abandoned = 2;
        public int State = Queued;
        public RecordRealisation Command { get; } = command;
        public Indicator Indicator { get; } = indicator;
        public int IndicatorId { get; } = indicatorId;
        public RealisationDraft Draft { get; } = draft;
        public string? Kecamatan { get; } = kecamatan;
        /// <summary>The client's key, scoped to the user ("userId:key"), or null.</summary>
        public string? IdempotencyKey { get; } = idempotencyKey;
        public PlanSnapshot Snapshot { get; } = snapshot;
        public CancellationToken Cancel { get; } = cancel;
        public TaskCompletionSource<Written> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A save's outcome: <see cref="Result"/> when it was not saved, else the entries it was judged against and the new entry.</summary>
    private sealed record Written(SaveResult? Result, IReadOnlyList<RealisationEntry> Existing, RealisationEntry? Entry = null, RuleResult? Check = null,
        ReviewView? Submitted = null)
    {
        public static Written NotSaved(SaveResult result) => new(result, []);
    }

    /// <summary>What the saves earlier in a batch changed, not yet in the read model (it is updated after the commit), and
    /// the quarters' latest entry and penghambat as the database has them (null: none).</summary>
    private sealed class BatchState
    {
        public readonly Dictionary<string, List<RealisationEntry>> Added = new(StringComparer.Ordinal);
        public readonly Dictionary<(string Code, int Quarter), ReviewView> Reviews = new();
        public readonly Dictionary<(int IndicatorId, int Quarter), RealisationRecord?> Latest = new();
        public readonly Dictionary<(int IndicatorId, int Quarter), string?> Obstacles = new();
        /// <summary>Idempotency keys: the entry stored (or written earlier in this batch) under each, null: none.</summary>
        public readonly Dictionary<string, RealisationRecord?> Keys = new(StringComparer.Ordinal);

        public IReadOnlyList<RealisationEntry> EntriesOf(PlanSnapshot snapshot, string code) =>
            Added.TryGetValue(code, out var added) ? [.. snapshot.EntriesOf(code), .. added] : snapshot.EntriesOf(code);

        public ReviewView ReviewOf(PlanSnapshot snapshot, string code, int quarter) =>
            Reviews.TryGetValue((code, quarter), out var review) ? review : snapshot.ReviewOf(code, quarter);

        public void Saved(PendingRecord item, Judgement judgement, RealisationRecord record, ReviewView? submitted, RealisationEntry entry)
        {
            var (code, quarter) = (item.Indicator.Code, item.Command.Quarter);
            (Added.TryGetValue(code, out var added) ? added : Added[code] = []).Add(entry);
            if (submitted is not null) Reviews[(code, quarter)] = submitted;
            Latest[(item.IndicatorId, quarter)] = record;
            Obstacles[(item.IndicatorId, quarter)] = Blank(judgement.Draft.Penghambat);
            if (item.IdempotencyKey is { } key) Keys[key] = record;
        }

        /// <summary>Three queries for the whole batch: each quarter's latest entry, its latest narrative's penghambat, and the
        /// entries already stored under the batch's idempotency keys.</summary>
        public async Task LoadAsync(DashboardDbContext db, IReadOnlyList<PendingRecord> items)
        {
            var keys = items.Select(i => (i.IndicatorId, i.Command.Quarter)).ToHashSet();
            var ids = keys.Select(k => k.IndicatorId).Distinct().ToList();
            var latest = await db.Realisations.AsNoTracking()
                .Where(r => ids.Contains(r.IndicatorId)
                    && r.Sequence == db.Realisations.Where(x => x.IndicatorId == r.IndicatorId && x.Quarter == r.Quarter).Max(x => x.Sequence))
                .ToListAsync();
            var narratives = await db.Narratives.AsNoTracking().Where(n => ids.Contains(n.IndicatorId))
                .Select(n => new { n.IndicatorId, n.Quarter, n.Version, n.Obstacles }).ToListAsync();
            var idempotencyKeys = items.Select(i => i.IdempotencyKey).OfType<string>().Distinct().ToList();
            if (idempotencyKeys.Count > 0)
            {
                foreach (var key in idempotencyKeys) Keys[key] = null;
                foreach (var stored in await db.Realisations.AsNoTracking().Where(r => r.IdempotencyKey != null && idempotencyKeys.Contains(r.IdempotencyKey)).ToListAsync())
                {
                    Keys[stored.IdempotencyKey!] = stored;
                }
            }
            foreach (var key in keys)
            {
                Latest[key] = latest.FirstOrDefault(r => r.IndicatorId == key.IndicatorId && r.Quarter == key.Quarter);
                Obstacles[key] = narratives.Where(n => n.IndicatorId == key.IndicatorId && n.Quarter == key.Quarter).MaxBy(n => n.Version)?.Obstacles;
            }
        }
    }

    private async Task<Written> WriteAsync(PendingRecord item, CancellationToken ct)
    {
        _pending.Enqueue(item);
        try
        {
            await _writeGate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Not yet taken by a batch: it never will be. Taken: it is being written, so its outcome is the answer.
            if (Interlocked.CompareExchange(ref item.State, PendingRecord.Abandoned, PendingRecord.Queued) == PendingRecord.Queued) throw;
            return await item.Done.Task;
        }
        try
        {
            // A batch written by the previous holder may have carried this save already.
            while (!item.Done.Task.IsCompleted)
            {
                var batch = new List<PendingRecord>();
                while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
                {
                    if (Interlocked.CompareExchange(ref next.State, PendingRecord.Taken, PendingRecord.Queued) == PendingRecord.Queued) batch.Add(next);
                }
                if (batch.Count == 0) throw new InvalidOperationException("A queued realisation was neither written nor waiting.");
                await WriteBatchAsync(batch);
            }
        }
        finally
        {
            _writeGate.Release();
        }
        return await item.Done.Task;
    }

    /// <summary>Writes a batch; every item is completed (saved, refused or failed) before this returns.</summary>
    private async Task WriteBatchAsync(List<PendingRecord> batch)
    {
        var items = new List<PendingRecord>(batch.Count);
        foreach (var item in batch)
        {
            if (item.Cancel.IsCancellationRequested) item.Done.TrySetCanceled(item.Cancel);
            else items.Add(item);
        }
        if (items.Count == 0) return;
        IReadOnlyList<(PendingRecord Item, Written Written)> outcomes;
        try
        {
            outcomes = await WriteTogetherAsync(items);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Another node wrote one of these quarters meanwhile: write them one by one, so only that save is a conflict.
            logger.LogInformation("Realisation batch of {Count} met a concurrent write; writing one by one", items.Count);
            try
            {
                outcomes = await WriteOneByOneAsync(items);
            }
            catch (Exception again)
            {
                Fail(items, again);
                return;
            }
        }
        catch (Exception e)
        {
            Fail(items, e);
            return;
        }
        foreach (var (item, written) in outcomes)
        {
            if (written.Entry is { } entry) plans.ApplyEntry(item.Command.Year, entry, written.Submitted, entry.RecordedAt);
            item.Done.TrySetResult(written);
        }
    }

    private void Fail(List<PendingRecord> items, Exception e)
    {
        // The transaction did not commit: nothing of this batch is stored.
        logger.LogError(e, "Realisation batch of {Count} not committed", items.Count);
        foreach (var item in items) item.Done.TrySetException(e);
    }

    /// <summary>The fast path: one transaction, the batch's current sequences and penghambat read in two queries, every
    /// entry and review inserted in one statement batch, then every audit row. Any write error leaves nothing stored.</summary>
    private async Task<IReadOnlyList<(PendingRecord Item, Written Written)>> WriteTogetherAsync(List<PendingRecord> items)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        await LockQuartersAsync(db, items);
        var state = new BatchState();
        await state.LoadAsync(db, items);

        var outcomes = new List<(PendingRecord Item, Written Written)>(items.Count);
        var inserted = new List<(int Index, RealisationRecord Record, Judgement Judgement, ReviewView? Submitted)>();
        var replays = new List<(int Index, Judgement Judgement)>();
        foreach (var item in items)
        {
            var judged = await JudgeAsync(db, item, state);
            if (judged.Refusal is { } refusal)
            {
                outcomes.Add((item, Written.NotSaved(refusal)));
                continue;
            }
            var judgement = judged.Go!;
            if (judgement.Replays is not null)
            {
                replays.Add((outcomes.Count, judgement));
                outcomes.Add((item, Written.NotSaved(SaveResult.NotFound(""))));
                continue;
            }
            if (item.Command.Narrative is { } narrative && await SaveNarrativeAsync(db, item, narrative, judgement.Now) is { } conflict)
            {
                outcomes.Add((item, Written.NotSaved(conflict)));
                continue;
            }
            var record = NewRecord(item, judgement);
            db.Realisations.Add(record);
            var submitted = SubmitForReview(db, item.IndicatorId, item.Command.Quarter, judgement.Review, item.Command.Actor, judgement.Now);
            // The id is not known before the insert; saves judged later in this batch need only the entry's value and date.
            state.Saved(item, judgement, record, submitted, ToEntry(item, record));
            inserted.Add((outcomes.Count, record, judgement, submitted));
            outcomes.Add((item, Written.NotSaved(SaveResult.NotFound(""))));
        }
        if (inserted.Count > 0)
        {
            await db.SaveChangesAsync();
            foreach (var (index, record, judgement, submitted) in inserted)
            {
                var item = outcomes[index].Item;
                AddAudit(db, item, judgement, record);
                outcomes[index] = (item, new Written(null, judgement.Existing, ToEntry(item, record), judgement.Check, submitted));
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        // After the insert: a key sent twice in this batch answers with the first entry's id.
        foreach (var (index, judgement) in replays)
        {
            var item = outcomes[index].Item;
            outcomes[index] = (item, Written.NotSaved(ReplayOf(judgement.Replays!, item, judgement.Existing)));
        }
        return outcomes;
    }

    /// <summary>The careful path: one transaction, each save behind its own savepoint, so a save that meets a concurrent
    /// write is a conflict and the others are kept.</summary>
    private async Task<IReadOnlyList<(PendingRecord Item, Written Written)>> WriteOneByOneAsync(List<PendingRecord> items)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        await LockQuartersAsync(db, items);
        var state = new BatchState();
        var outcomes = new List<(PendingRecord Item, Written Written)>(items.Count);
        foreach (var item in items)
        {
            // An increment (nothing expected) that loses its sequence number to another instance simply takes the next
            // one; a level value that expected a sequence, or a save with narratives, is a conflict.
            for (var attempt = 1; ; attempt++)
            {
                await tx.CreateSavepointAsync("entry");
                try
                {
                    outcomes.Add((item, await WriteOneAsync(db, item, state)));
                    await tx.ReleaseSavepointAsync("entry");
                    break;
                }
                catch (DbUpdateException e) when (IsUniqueViolation(e))
                {
                    await tx.RollbackToSavepointAsync("entry");
                    await tx.ReleaseSavepointAsync("entry");
                    logger.LogInformation("Concurrent realisation on {Indicator} TW {Quarter} (attempt {Attempt})", item.Indicator.Code, item.Command.Quarter, attempt);
                    var key = (item.IndicatorId, item.Command.Quarter);
                    // A collision on the idempotency key (another instance stored the same entry) is answered on the retry.
                    if (item.IdempotencyKey is { } idempotencyKey) state.Keys.Remove(idempotencyKey);
                    if (attempt < MaxSequenceAttempts && (item.IdempotencyKey is not null || (item.Command.ExpectedSequence is null && item.Command.Narrative is null)))
                    {
                        // Read the quarter's latest entry and review again from the database: the read model of this
                        // instance may lag the other instance's save (it catches up through the live feed).
                        state.Latest.Remove(key);
                        if (await CurrentReviewAsync(db, item.IndicatorId, item.Command.Quarter) is { } review)
                        {
                            state.Reviews[(item.Indicator.Code, item.Command.Quarter)] = review;
                        }
                        continue;
                    }
                    outcomes.Add((item, Written.NotSaved(new SaveResult(SaveStatus.Conflict,
                        [new RuleIssue("Value", "Ada penyimpanan lain pada saat yang sama. Muat ulang dan coba lagi.", false)],
                        Conflict: new ConflictInfo("Ada penyimpanan lain pada saat yang sama.", null, state.Latest.GetValueOrDefault(key)?.Sequence ?? 0, null, null, null)))));
                    break;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        await tx.CommitAsync();
        return outcomes;
    }

    /// <summary>Tries at the next sequence number after another instance took this one (the careful path).</summary>
    private const int MaxSequenceAttempts = 8;

    /// <summary>
    /// On PostgreSQL, instances queue per indicator quarter (transaction advisory locks, released at commit or rollback,
    /// taken in one order so that two batches cannot deadlock), so the sequence read next is the one a save may take;
    /// the unique index and the retry stay as the backstop. SQLite has one writer at a time anyway.
    /// </summary>
    private static async Task LockQuartersAsync(DashboardDbContext db, IEnumerable<PendingRecord> items)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var (indicatorId, quarter) in items.Select(i => (i.IndicatorId, i.Command.Quarter)).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({indicatorId}, {quarter})");
        }
    }

    private static async Task<ReviewView?> CurrentReviewAsync(DashboardDbContext db, int indicatorId, int quarter)
    {
        var r = await db.Reviews.AsNoTracking().Where(v => v.IndicatorId == indicatorId && v.Quarter == quarter)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync();
        return r is null ? null : new ReviewView((ReviewState)r.State, r.Version, r.Reason, r.By, r.At);
    }

    private async Task<Written> WriteOneAsync(DashboardDbContext db, PendingRecord item, BatchState state)
    {
        var judged = await JudgeAsync(db, item, state);
        if (judged.Refusal is { } refusal) return Written.NotSaved(refusal);
        var judgement = judged.Go!;
        if (judgement.Replays is { } replayed) return Written.NotSaved(ReplayOf(replayed, item, judgement.Existing));
        if (item.Command.Narrative is { } narrative && await SaveNarrativeAsync(db, item, narrative, judgement.Now) is { } conflict) return Written.NotSaved(conflict);
        var record = NewRecord(item, judgement);
        db.Realisations.Add(record);
        await db.SaveChangesAsync();
        var submitted = SubmitForReview(db, item.IndicatorId, item.Command.Quarter, judgement.Review, item.Command.Actor, judgement.Now);
        AddAudit(db, item, judgement, record);
        await db.SaveChangesAsync();
        var entry = ToEntry(item, record);
        state.Saved(item, judgement, record, submitted, entry);
        return new Written(null, judgement.Existing, entry, judgement.Check, submitted);
    }

    /// <summary>What a save was judged against, when the rules let it through.</summary>
    private sealed record Judgement(IReadOnlyList<RealisationEntry> Existing, ReviewView Review, RuleResult Check, RealisationDraft Draft, RealisationRecord? Latest,
        DateTimeOffset Now)
    {
        /// <summary>An entry stored under the same idempotency key (earlier in this batch: its id is known after the insert).</summary>
        public RealisationRecord? Replays { get; init; }

        /// <summary>The quarter's realisation before this save (the audit row's "before").</summary>
        public decimal? Before { get; } = RealisationMath.ForQuarter(Draft.Indicator.Aggregation, Existing, Draft.Quarter).Value;
    }

    /// <summary>The rules for one save, against the entries and review as they stand after the saves before it: the read
    /// model (which the previous batch updated) plus what this batch wrote, so that Before/After and the rules never see a
    /// stale quarter under concurrent saves.</summary>
    private async Task<(SaveResult? Refusal, Judgement? Go)> JudgeAsync(DashboardDbContext db, PendingRecord item, BatchState state)
    {
        var (command, indicator, key) = (item.Command, item.Indicator, (item.IndicatorId, item.Command.Quarter));
        var snapshot = await plans.GetAsync(command.Year) ?? item.Snapshot;
        var existing = state.EntriesOf(snapshot, indicator.Code);
        if (item.IdempotencyKey is { } idempotencyKey)
        {
            // The same key sent twice at once, or stored by another instance meanwhile: the first entry is the answer.
            if (!state.Keys.TryGetValue(idempotencyKey, out var stored))
            {
                stored = state.Keys[idempotencyKey] = await db.Realisations.AsNoTracking().Where(r => r.IdempotencyKey == idempotencyKey).FirstOrDefaultAsync();
            }
            if (stored is not null) return (null, new Judgement(existing, ReviewView.None, new RuleResult([], null), item.Draft, null, time.GetUtcNow()) { Replays = stored });
        }
        var review = state.ReviewOf(snapshot, indicator.Code, command.Quarter);
        if (VerifiedRefusal(command.Actor, command.Quarter, review) is { } verified) return (verified, null);
        var draft = item.Draft;
        if (command.Narrative is null)
        {
            if (!state.Obstacles.TryGetValue(key, out var obstacles))
            {
                obstacles = state.Obstacles[key] = (await LatestNarrativeAsync(db, item.IndicatorId, command.Quarter, CancellationToken.None))?.Obstacles;
            }
            draft = draft with { Penghambat = obstacles };
        }
        var check = RealisationRules.Preview(draft, existing, evaluator);
        if (!check.CanSave) return (new SaveResult(SaveStatus.Invalid, check.Issues, After: check.After), null);

        if (!state.Latest.TryGetValue(key, out var latest))
        {
            latest = state.Latest[key] = await db.Realisations.AsNoTracking()
                .Where(r => r.IndicatorId == item.IndicatorId && r.Quarter == command.Quarter)
                .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync();
        }
        var latestSequence = latest?.Sequence ?? 0;
        if (indicator.Aggregation == Aggregation.Level && command.ExpectedSequence is { } expected && expected != latestSequence)
        {
            return (new SaveResult(SaveStatus.Conflict, [new RuleIssue("Value", ConflictMessage(latest), false)],
                Conflict: new ConflictInfo(ConflictMessage(latest), latest?.Value is { } v ? Decimals.Trim(v) : null, latestSequence, null, latest?.RecordedBy, latest?.RecordedAt)), null);
        }
        return (null, new Judgement(existing, review, check, draft, latest, time.GetUtcNow()));
    }

    private static async Task<SaveResult?> SaveNarrativeAsync(DashboardDbContext db, PendingRecord item, NarrativeInput narrative, DateTimeOffset now)
    {
        var (command, actor) = (item.Command, item.Command.Actor);
        var conflict = await SaveNarrativeVersionAsync(db, item.IndicatorId, command.Quarter, narrative, actor.DisplayName, now, CancellationToken.None, actor.UserName,
            $"{command.Year}:{item.Indicator.Code}:TW{command.Quarter}");
        return conflict is null ? null : new SaveResult(SaveStatus.Conflict, [new RuleIssue("Narrative", conflict.Message, false)], Conflict: conflict);
    }

    private static RealisationRecord NewRecord(PendingRecord item, Judgement judgement)
    {
        var command = item.Command;
        return new RealisationRecord
        {
            IndicatorId = item.IndicatorId, Quarter = command.Quarter, Sequence = (judgement.Latest?.Sequence ?? 0) + 1, Kind = (int)command.Kind,
            Date = command.Date, Value = command.Value, RecordedAt = judgement.Now, RecordedBy = command.Actor.DisplayName, Kecamatan = item.Kecamatan,
            Note = Blank(command.Note), CorrectionReason = Blank(command.CorrectionReason), CorrectsId = command.CorrectsId,
            IdempotencyKey = item.IdempotencyKey, CapturedAt = command.CapturedAt is { } captured ? (captured > judgement.Now ? judgement.Now : captured) : null,
        };
    }

    private static RealisationEntry ToEntry(PendingRecord item, RealisationRecord record) =>
        new(item.Indicator.Code, record.Quarter, record.Date, record.Value, record.RecordedAt, record.RecordedBy, record.Kecamatan, record.Note, record.Id, record.CorrectsId);

    private static void AddAudit(DashboardDbContext db, PendingRecord item, Judgement judgement, RealisationRecord record)
    {
        var command = item.Command;
        AuditLog.Add(db, judgement.Now, command.Actor.UserName, command.Kind == EntryKind.Correction ? AuditActions.RealisationCorrected : AuditActions.RealisationRecorded,
            "Realisasi", $"{command.Year}:{item.Indicator.Code}:TW{command.Quarter}",
            before: new { Realisasi = judgement.Before },
            after: new { record.Id, Jenis = command.Kind.ToString(), Nilai = command.Value, Tanggal = command.Date, record.Kecamatan, record.Note, record.CorrectionReason, record.CorrectsId });
    }

    /// <summary>
    /// The entry stored under this (user-scoped) idempotency key as a saved result marked <see cref="SaveResult.Replayed"/>;
    /// a key reused for a different entry is refused; null when the key is new.
    /// </summary>
    private async Task<SaveResult?> ReplayAsync(string idempotencyKey, RecordRealisation command, Indicator indicator, int indicatorId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.Realisations.AsNoTracking().Where(r => r.IdempotencyKey == idempotencyKey).FirstOrDefaultAsync(ct);
        if (stored is null) return null;
        var snapshot = await plans.GetAsync(command.Year, ct);
        return ReplayOf(stored, command, indicator, indicatorId, snapshot?.EntriesOf(indicator.Code));
    }

    private SaveResult ReplayOf(RealisationRecord stored, PendingRecord item, IReadOnlyList<RealisationEntry> entries) =>
        ReplayOf(stored, item.Command, item.Indicator, item.IndicatorId, entries);

    private SaveResult ReplayOf(RealisationRecord stored, RecordRealisation command, Indicator indicator, int indicatorId, IReadOnlyList<RealisationEntry>? entries)
    {
        if (stored.IndicatorId != indicatorId || stored.Quarter != command.Quarter || stored.Kind != (int)command.Kind || stored.Value != command.Value
            || stored.Date != command.Date)
        {
            return new SaveResult(SaveStatus.Invalid, [new RuleIssue("IdempotencyKey", IdempotencyKeyReused, false)]);
        }
        var after = entries is null ? null : evaluator.Evaluate(indicator, command.Year, command.Quarter, entries);
        logger.LogInformation("Realisasi dikirim ulang: entri {EntryId} sudah tersimpan, tidak disimpan lagi", stored.Id);
        return new SaveResult(SaveStatus.Saved, [], stored.Id, after, Replayed: true);
    }

    public const string IdempotencyKeyReused = "Idempotency-Key ini sudah dipakai untuk isian lain. Buat kunci baru untuk setiap isian.";

    /// <summary>Saves the narratives alone; a version saved meanwhile by someone else is a conflict.</summary>
    public async Task<SaveResult> SaveNarrativeAsync(int year, string indicatorCode, int quarter, NarrativeInput narrative, ActingUser actor, CancellationToken ct = default)
    {
        if (quarter is < 1 or > 4) return new SaveResult(SaveStatus.Invalid, [new RuleIssue("Quarter", "Triwulan harus 1 sampai 4.", false)]);
        var snapshot = await plans.GetAsync(year, ct);
        var indicator = snapshot?.Index.FindIndicator(indicatorCode);
        if (snapshot is null || indicator is null) return SaveResult.NotFound($"Indikator {indicatorCode} tidak ada pada rencana {year}.");
        if (await RefusalAsync(actor, year, indicator, quarter, snapshot, ct) is { } refused) return refused;
        var tooLong = LongNarrative(narrative);
        if (tooLong is not null) return new SaveResult(SaveStatus.Invalid, [tooLong]);

        await _writeGate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            int indicatorId;
            try
            {
                indicatorId = await IndicatorIdAsync(db, year, indicatorCode, ct);
            }
            catch (KeyNotFoundException e)
            {
                return SaveResult.NotFound(e.Message);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var conflict = await SaveNarrativeVersionAsync(db, indicatorId, quarter, narrative, actor.DisplayName, time.GetUtcNow(), ct, actor.UserName, $"{year}:{indicatorCode}:TW{quarter}");
            if (conflict is not null) return new SaveResult(SaveStatus.Conflict, [new RuleIssue("Narrative", conflict.Message, false)], Conflict: conflict);
            await tx.CommitAsync(ct);
            return new SaveResult(SaveStatus.Saved, []);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return new SaveResult(SaveStatus.Conflict, [new RuleIssue("Narrative", "Narasi baru saja disimpan orang lain. Muat ulang dan coba lagi.", false)]);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Attaches bukti dukung (a stored file or a link) to an indicator's quarter.</summary>
    public async Task<SaveResult> AddEvidenceAsync(int year, string indicatorCode, int quarter, Evidence.StoredEvidence? file, string? url,
        string? description, ActingUser actor, CancellationToken ct = default)
    {
        if (await EvidenceRefusalAsync(year, indicatorCode, quarter, actor, ct) is { } refused) return refused;
        if ((file is null) == (url is null)) return new SaveResult(SaveStatus.Invalid, [new RuleIssue("Evidence", "Lampirkan satu berkas atau satu tautan.", false)]);
        if (description is { Length: > 500 }) return new SaveResult(SaveStatus.Invalid, [new RuleIssue("Description", "Keterangan maksimal 500 karakter.", false)]);

        await using var db = await factory.CreateDbContextAsync(ct);
        int indicatorId;
        try
        {
            indicatorId = await IndicatorIdAsync(db, year, indicatorCode, ct);
        }
        catch (KeyNotFoundException e)
        {
            return SaveResult.NotFound(e.Message);
        }
        var record = new EvidenceRecord
        {
            IndicatorId = indicatorId, Quarter = quarter, OriginalName = file?.OriginalName, RelativePath = file?.RelativePath, Sha256 = file?.Sha256Hex,
            Size = file?.Size, ContentType = file?.ContentType, Url = url, Description = Blank(description), UploadedAt = time.GetUtcNow(),
            UploadedBy = actor.DisplayName, UploadedById = actor.Id,
        };
        db.Evidence.Add(record);
        AuditLog.Add(db, record.UploadedAt, actor.UserName, AuditActions.EvidenceAdded, "Bukti", $"{year}:{indicatorCode}:TW{quarter}",
            after: new { record.OriginalName, record.Sha256, record.Size, record.Url, record.Description });
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveStatus.Saved, [], record.Id);
    }

    /// <summary>Why this actor may not attach evidence to this indicator's quarter now, or null: asked before a file is stored.</summary>
    public async Task<SaveResult?> EvidenceRefusalAsync(int year, string indicatorCode, int quarter, ActingUser actor, CancellationToken ct = default)
    {
        if (quarter is < 1 or > 4) return new SaveResult(SaveStatus.Invalid, [new RuleIssue("Quarter", "Triwulan harus 1 sampai 4.", false)]);
        var snapshot = await plans.GetAsync(year, ct);
        var indicator = snapshot?.Index.FindIndicator(indicatorCode);
        if (snapshot is null || indicator is null) return SaveResult.NotFound($"Indikator {indicatorCode} tidak ada pada rencana {year}.");
        return await RefusalAsync(actor, year, indicator, quarter, snapshot, ct);
    }

    public async Task<IndicatorHistory?> HistoryAsync(int year, string indicatorCode, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        int indicatorId;
        try
        {
            indicatorId = await IndicatorIdAsync(db, year, indicatorCode, ct);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }

        var entries = await db.Realisations.AsNoTracking().Where(r => r.IndicatorId == indicatorId).ToListAsync(ct);
        var narratives = await db.Narratives.AsNoTracking().Where(n => n.IndicatorId == indicatorId).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(x => x.IndicatorId == indicatorId).ToListAsync(ct);

        var narrativeViews = narratives.OrderByDescending(n => n.SavedAt).ThenByDescending(n => n.Version)
            .Select(n => (n.Quarter, View: new NarrativeView(n.Version, n.Drivers, n.Obstacles, n.FollowUp, n.SavedBy, n.SavedAt))).ToList();
        return new IndicatorHistory(
            entries.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
                .Select(e => new EntryView(e.Id, e.Quarter, e.Sequence, (EntryKind)e.Kind, Decimals.Trim(e.Value), e.Date, e.RecordedBy, e.RecordedAt,
                    e.Kecamatan, e.Note, e.CorrectionReason, e.CorrectsId, e.IsSample)).ToList(),
            narrativeViews.Select(n => n.View).ToList(),
            evidence.OrderByDescending(x => x.UploadedAt).ThenByDescending(x => x.Id)
                .Select(x => new EvidenceView(x.Id, x.PublicId, x.Quarter, x.OriginalName, x.Sha256, x.Size, x.ContentType, x.Url, x.Description, x.UploadedBy, x.UploadedAt)).ToList(),
            narrativeViews.GroupBy(n => n.Quarter).ToDictionary(g => g.Key, g => g.MaxBy(n => n.View.Version).View));
    }

    /// <summary>Why this user may not change this indicator's quarter now, or null: assignment, window and lock, verification.</summary>
    private async Task<SaveResult?> RefusalAsync(ActingUser actor, int year, Indicator indicator, int quarter, PlanSnapshot snapshot, CancellationToken ct) =>
        await AccessRefusalAsync(actor, year, indicator, quarter, ct) ?? (quarter is < 1 or > 4 ? null : VerifiedRefusal(actor, quarter, snapshot.ReviewOf(indicator.Code, quarter)));

    /// <summary>Assignment, entry window and lock (cached access facts).</summary>
    private async Task<SaveResult?> AccessRefusalAsync(ActingUser actor, int year, Indicator indicator, int quarter, CancellationToken ct,
        DateTimeOffset? capturedAt = null)
    {
        if (!await access.CanRecordAsync(actor, year, indicator, ct))
        {
            return SaveResult.Refused("IndicatorCode", actor.IsAuthenticated
                ? $"Anda tidak ditugaskan pada indikator \"{indicator.Name}\"."
                : "Masuk terlebih dahulu.");
        }
        if (quarter is < 1 or > 4) return null;
        var window = await access.WindowAsync(actor, year, quarter, ct, capturedAt is null ? null : access.JudgedDay(capturedAt));
        return window.Open ? null : SaveResult.Refused("Quarter", window.Message);
    }

    /// <summary>Verified figures are read-only for officers.</summary>
    private static SaveResult? VerifiedRefusal(ActingUser actor, int quarter, ReviewView review) =>
        review.State == ReviewState.Verified && !Permissions.CanChangeVerified(actor.Roles.ToList())
            ? SaveResult.Refused("Quarter", $"Realisasi {Quarters.Label(quarter)} sudah diverifikasi oleh {review.By}; hubungi perencana bila perlu diubah.")
            : null;

    /// <summary>Any new figure goes (back) to Diajukan, so a planner looks at it again; the new review state, or null if
    /// it was Diajukan already. A review stored meanwhile by another node fails the unique version index.</summary>
    private static ReviewView? SubmitForReview(DashboardDbContext db, int indicatorId, int quarter, ReviewView current, ActingUser actor, DateTimeOffset now)
    {
        if (current.State == ReviewState.Submitted) return null;
        var record = new ReviewRecord
        {
            IndicatorId = indicatorId, Quarter = quarter, Version = current.Version + 1, State = (int)ReviewState.Submitted, At = now, By = actor.DisplayName,
        };
        db.Reviews.Add(record);
        return new ReviewView(ReviewState.Submitted, record.Version, null, record.By, now);
    }

    /// <summary>The current narratives of every indicator of a plan year for one quarter, by indicator code.</summary>
    public async Task<IReadOnlyDictionary<string, NarrativeView>> CurrentNarrativesAsync(int year, int quarter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Narratives.AsNoTracking()
            .Where(n => n.Quarter == quarter)
            .Join(db.Indicators, n => n.IndicatorId, i => i.Id, (n, i) => new { n, i.Code, i.PlanId })
            .Where(x => db.Plans.Any(p => p.Id == x.PlanId && p.Year == year))
            .ToListAsync(ct);
        return rows.GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.MaxBy(x => x.n.Version) is var x
            ? new NarrativeView(x!.n.Version, x.n.Drivers, x.n.Obstacles, x.n.FollowUp, x.n.SavedBy, x.n.SavedAt)
            : NarrativeView.Empty);
    }

    private static Task<NarrativeRecord?> LatestNarrativeAsync(DashboardDbContext db, int indicatorId, int quarter, CancellationToken ct) =>
        db.Narratives.AsNoTracking()
            .Where(n => n.IndicatorId == indicatorId && n.Quarter == quarter)
            .OrderByDescending(n => n.Version).FirstOrDefaultAsync(ct);

    internal static async Task<int> IndicatorIdAsync(DashboardDbContext db, int year, string code, CancellationToken ct)
    {
        var id = await db.Indicators.AsNoTracking()
            .Where(i => i.Code == code && db.Plans.Any(p => p.Id == i.PlanId && p.Year == year))
            .Select(i => (int?)i.Id).SingleOrDefaultAsync(ct);
        return id ?? throw new KeyNotFoundException($"Indikator {code} tidak ada pada rencana {year}.");
    }

    private static async Task<ConflictInfo?> SaveNarrativeVersionAsync(DashboardDbContext db, int indicatorId, int quarter, NarrativeInput input,
        string savedBy, DateTimeOffset now, CancellationToken ct, string auditActor, string auditKey)
    {
        var current = await LatestNarrativeAsync(db, indicatorId, quarter, ct);
        var currentVersion = current?.Version ?? 0;
        var same = current is not null && Blank(input.Drivers) == current.Drivers && Blank(input.Obstacles) == current.Obstacles && Blank(input.FollowUp) == current.FollowUp;
        if (same || (current is null && Blank(input.Drivers) is null && Blank(input.Obstacles) is null && Blank(input.FollowUp) is null)) return null;
        if (input.ExpectedVersion != currentVersion)
        {
            if (current is null)
            {
                return new ConflictInfo("Versi narasi yang dikirim tidak ada: belum ada narasi untuk triwulan ini (versi 0).", null, 0, NarrativeView.Empty, null, null);
            }
            var view = new NarrativeView(currentVersion, current.Drivers, current.Obstacles, current.FollowUp, current.SavedBy, current.SavedAt);
            return new ConflictInfo($"Narasi sudah diubah oleh {current.SavedBy} pada {AgencyClock.ToAgencyTime(current.SavedAt):dd/MM HH:mm}. Periksa versi terbaru di bawah, lalu simpan lagi.",
                null, currentVersion, view, current.SavedBy, current.SavedAt);
        }
        var saved = new NarrativeRecord
        {
            IndicatorId = indicatorId, Quarter = quarter, Version = currentVersion + 1, Drivers = Blank(input.Drivers),
            Obstacles = Blank(input.Obstacles), FollowUp = Blank(input.FollowUp), SavedAt = now, SavedBy = savedBy,
        };
        db.Narratives.Add(saved);
        AuditLog.Add(db, now, auditActor, AuditActions.NarrativeSaved, "Narasi", auditKey,
            before: current is null ? null : new { current.Version, Pendorong = current.Drivers, Penghambat = current.Obstacles, TindakLanjut = current.FollowUp },
            after: new { saved.Version, Pendorong = saved.Drivers, Penghambat = saved.Obstacles, TindakLanjut = saved.FollowUp });
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static RuleIssue? LongNarrative(NarrativeInput n) =>
        new[] { n.Drivers, n.Obstacles, n.FollowUp }.Any(t => t is { Length: > 4000 })
            ? new RuleIssue("Narrative", "Narasi maksimal 4.000 karakter per isian.", false)
            : null;

    private static string ConflictMessage(RealisationRecord? latest) => latest is null
        ? "Data triwulan ini berubah sejak formulir dibuka. Muat ulang lalu simpan lagi."
        : $"Nilai sudah diperbarui oleh {latest.RecordedBy} menjadi {Dashboard.Domain.Numbers.IdNumber.Format(Decimals.Trim(latest.Value))} pada {AgencyClock.ToAgencyTime(latest.RecordedAt):dd/MM HH:mm}. Periksa nilai terbaru lalu simpan lagi bila perlu.";

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
