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
    private static readonly SemaphoreSlim WriteGate = new(1, 1);

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
        var obstacles = command.Narrative is { } n ? n.Obstacles : await CurrentObstaclesAsync(indicatorId, command.Quarter, ct);
        var draft = new RealisationDraft(indicator, command.Year, command.Quarter, command.Kind, command.Value, command.Date,
            command.Kecamatan, command.Note, command.CorrectionReason, obstacles, command.Confirmed);

        var kecamatan = command.Kecamatan is { Length: > 0 } k && Kecamatan.TryNormalize(k, out var canonical) ? canonical : null;
        var recordedBy = actor.DisplayName;
        RuleResult check;
        RealisationEntry entry;
        IReadOnlyList<RealisationEntry> existing;

        await WriteGate.WaitAsync(ct);
        try
        {
            // Entries and the review are read inside the gate, from the read model the previous save updated, so that
            // Before/After and the rules never see a stale quarter under concurrent saves.
            // The same key sent twice at once: the second waited here for the first.
            if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, command, indicator, indicatorId, ct) is { } replay) return replay;
            snapshot = await plans.GetAsync(command.Year, ct) ?? snapshot;
            existing = snapshot.EntriesOf(indicator.Code);
            var review = snapshot.ReviewOf(indicator.Code, command.Quarter);
            if (VerifiedRefusal(actor, command.Quarter, review) is { } verified) return verified;
            check = RealisationRules.Preview(draft, existing, evaluator);
            if (!check.CanSave)
            {
                return new SaveResult(SaveStatus.Invalid, check.Issues, After: check.After);
            }

            var now = time.GetUtcNow();
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            var latest = await db.Realisations.AsNoTracking()
                .Where(r => r.IndicatorId == indicatorId && r.Quarter == command.Quarter)
                .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(ct);
            var latestSequence = latest?.Sequence ?? 0;
            var replacesValue = indicator.Aggregation == Aggregation.Level;
            if (replacesValue && command.ExpectedSequence is { } expected && expected != latestSequence)
            {
                return new SaveResult(SaveStatus.Conflict, [new RuleIssue("Value", ConflictMessage(latest), false)],
                    Conflict: new ConflictInfo(ConflictMessage(latest), latest?.Value is { } v ? Decimals.Trim(v) : null, latestSequence, null, latest?.RecordedBy, latest?.RecordedAt));
            }

            if (command.Narrative is { } narrative)
            {
                var conflict = await SaveNarrativeVersionAsync(db, indicatorId, command.Quarter, narrative, recordedBy, now, ct, actor.UserName, $"{command.Year}:{indicator.Code}:TW{command.Quarter}");
                if (conflict is not null) return new SaveResult(SaveStatus.Conflict, [new RuleIssue("Narrative", conflict.Message, false)], Conflict: conflict);
            }

            var record = new RealisationRecord
            {
                IndicatorId = indicatorId, Quarter = command.Quarter, Sequence = latestSequence + 1, Kind = (int)command.Kind,
                Date = command.Date, Value = command.Value, RecordedAt = now, RecordedBy = recordedBy, Kecamatan = kecamatan,
                Note = Blank(command.Note), CorrectionReason = Blank(command.CorrectionReason), CorrectsId = command.CorrectsId,
                IdempotencyKey = idempotencyKey, CapturedAt = command.CapturedAt is { } captured ? (captured > now ? now : captured) : null,
            };
            db.Realisations.Add(record);
            ReviewView? submitted;
            try
            {
                await db.SaveChangesAsync(ct);
                submitted = SubmitForReview(db, indicatorId, command.Quarter, review, actor, now);
                AuditLog.Add(db, now, actor.UserName, command.Kind == EntryKind.Correction ? AuditActions.RealisationCorrected : AuditActions.RealisationRecorded,
                    "Realisasi", $"{command.Year}:{indicator.Code}:TW{command.Quarter}",
                    before: new { Realisasi = RealisationMath.ForQuarter(indicator.Aggregation, existing, command.Quarter).Value },
                    after: new { record.Id, Jenis = command.Kind.ToString(), Nilai = command.Value, Tanggal = command.Date, record.Kecamatan, record.Note, record.CorrectionReason, record.CorrectsId });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // Another node stored the same key first: its entry is the answer.
                if (idempotencyKey is not null)
                {
                    await tx.RollbackAsync(ct);
                    if (await ReplayAsync(idempotencyKey, command, indicator, indicatorId, ct) is { } stored) return stored;
                }
                // Another node took the same sequence number first.
                logger.LogInformation("Concurrent realisation on {Indicator} TW {Quarter}", indicator.Code, command.Quarter);
                return new SaveResult(SaveStatus.Conflict, [new RuleIssue("Value", "Ada penyimpanan lain pada saat yang sama. Muat ulang dan coba lagi.", false)],
                    Conflict: new ConflictInfo("Ada penyimpanan lain pada saat yang sama.", null, latestSequence, null, null, null));
            }
            await tx.CommitAsync(ct);
            entry = new RealisationEntry(indicator.Code, command.Quarter, command.Date, command.Value, now, recordedBy, kecamatan, record.Note, record.Id, command.CorrectsId);
            plans.ApplyEntry(command.Year, entry, submitted, now);
        }
        finally
        {
            WriteGate.Release();
        }

        var before = RealisationMath.ForQuarter(indicator.Aggregation, existing, command.Quarter).Value;
        var afterEntries = existing.Append(entry).ToList();
        var after = RealisationMath.ForQuarter(indicator.Aggregation, afterEntries, command.Quarter).Value;
        var change = new RealisationRecorded(command.Year, indicator.Code, indicator.Name, command.Quarter, before, after, recordedBy, entry.RecordedAt, entry.Id,
            command.Kind.ToString());
        logger.LogInformation("Realisasi dicatat: {Year} {Indicator} TW{Quarter} {Kind} {Value} oleh {User}, entri {EntryId}",
            command.Year, indicator.Code, command.Quarter, command.Kind, command.Value, actor.UserName, entry.Id);
        await live.PublishAsync(change);
        return new SaveResult(SaveStatus.Saved, check.Issues, entry.Id, evaluator.Evaluate(indicator, command.Year, command.Quarter, afterEntries), Change: change);
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
        if (stored.IndicatorId != indicatorId || stored.Quarter != command.Quarter || stored.Kind != (int)command.Kind || stored.Value != command.Value
            || stored.Date != command.Date)
        {
            return new SaveResult(SaveStatus.Invalid, [new RuleIssue("IdempotencyKey", IdempotencyKeyReused, false)]);
        }
        var snapshot = await plans.GetAsync(command.Year, ct);
        var after = snapshot is null ? null : evaluator.Evaluate(indicator, command.Year, command.Quarter, snapshot.EntriesOf(indicator.Code));
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

        await WriteGate.WaitAsync(ct);
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
            WriteGate.Release();
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

    /// <summary>The faktor penghambat currently saved for an indicator's quarter (the red-needs-penghambat rule reads it).</summary>
    private async Task<string?> CurrentObstaclesAsync(int indicatorId, int quarter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await LatestNarrativeAsync(db, indicatorId, quarter, ct))?.Obstacles;
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
