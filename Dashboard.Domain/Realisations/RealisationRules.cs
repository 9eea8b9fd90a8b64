using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.Domain.Realisations;

/// <summary>A problem with a draft, shown next to its field.</summary>
/// <param name="Field">One of <see cref="RuleField"/>.</param>
/// <param name="NeedsConfirmation">A likely mistake that the officer may confirm (<see cref="RealisationDraft.Confirmed"/>); otherwise an error.</param>
public sealed record RuleIssue(string Field, string Message, bool NeedsConfirmation)
{
    internal static RuleIssue Error(string field, string message) => new(field, message, false);

    internal static RuleIssue Confirm(string field, string message) => new(field, message, true);
}

/// <summary>The field names used in <see cref="RuleIssue.Field"/> (the properties of <see cref="RealisationDraft"/>).</summary>
public static class RuleField
{
    public const string Quarter = "Quarter";
    public const string Kind = "Kind";
    public const string Value = "Value";
    public const string Date = "Date";
    public const string Kecamatan = "Kecamatan";
    public const string Note = "Note";
    public const string CorrectionReason = "CorrectionReason";
    public const string Penghambat = "Penghambat";
}

/// <summary>The issues of a draft and the indicator's status in the quarter as it would be after saving.</summary>
/// <param name="After">Null when the draft is too broken to evaluate (triwulan or kind invalid).</param>
public sealed record RuleResult(IReadOnlyList<RuleIssue> Issues, QuarterStatus? After)
{
    public bool HasErrors => Issues.Any(i => !i.NeedsConfirmation);

    /// <summary>Warnings the officer has not confirmed yet (confirmed drafts do not get them).</summary>
    public bool NeedsConfirmation => Issues.Any(i => i.NeedsConfirmation);

    public bool CanSave => !HasErrors && !NeedsConfirmation;

    public IEnumerable<RuleIssue> For(string field) => Issues.Where(i => i.Field == field);
}

/// <summary>The checks a realisation entry passes before it is saved, from the input page and from the API alike.</summary>
public static class RealisationRules
{
    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;
    public const int MaxNoteLength = 2000;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    /// <inheritdoc cref="Preview"/>
    public static IReadOnlyList<RuleIssue> Check(RealisationDraft draft, IReadOnlyList<RealisationEntry> existing, StatusEvaluator evaluator) =>
        Preview(draft, existing, evaluator).Issues;

    /// <summary>
    /// Checks <paramref name="draft"/> against the entries already saved and evaluates the quarter as it would be with the
    /// draft saved. <paramref name="existing"/>: the saved entries of the plan year (other indicators' entries are ignored).
    /// </summary>
    public static RuleResult Preview(RealisationDraft draft, IReadOnlyList<RealisationEntry> existing, StatusEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(evaluator);

        var indicator = draft.Indicator;
        var entries = existing.Where(e => e.IndicatorCode == indicator.Code).ToList();
        var issues = new List<RuleIssue>();

        var quarterOk = draft.Quarter is >= 1 and <= 4;
        // The plan's own bounds; beyond them quarter dates cannot even be computed.
        var yearOk = draft.Year is >= 2000 and <= 2100;
        if (!quarterOk) issues.Add(RuleIssue.Error(RuleField.Quarter, "Triwulan harus 1 sampai 4."));

        var kindOk = CheckKind(draft, issues);
        // Before anything computes with it: a value beyond the bound would overflow the roll-ups of every screen.
        var bound = ValueBounds.CheckRecorded(draft.Value, indicator.Unit);
        if (bound is not null) issues.Add(RuleIssue.Error(RuleField.Value, bound));
        var valueOk = kindOk && bound is null && CheckValue(draft, entries, quarterOk, issues);
        CheckDate(draft, entries, evaluator.Clock.Today, quarterOk, yearOk, kindOk, issues);
        CheckKecamatan(draft, issues);
        CheckReason(draft, kindOk, issues);
        if (draft.Note is { Length: > MaxNoteLength } note)
        {
            issues.Add(RuleIssue.Error(RuleField.Note, RuleMessages.Fill(RuleMessages.NoteTooLong, ("length", IdNumber.Format(note.Length)), ("max", IdNumber.Format(MaxNoteLength)))));
        }

        QuarterStatus? after = null;
        if (quarterOk && yearOk && kindOk && bound is null)
        {
            var before = evaluator.Evaluate(indicator, draft.Year, draft.Quarter, entries);
            after = evaluator.Evaluate(indicator, draft.Year, draft.Quarter, [.. entries, draft.ToEntry(evaluator.Clock.Now)]);
            if (valueOk) CheckStatus(draft, before, after, issues);
        }

        // Errors first, in the order of the form; confirmations last.
        return new RuleResult(issues.OrderBy(i => i.NeedsConfirmation).ToList(), after);
    }

    private static bool IsLevelValue(RealisationDraft draft) => draft.Indicator.Aggregation == Aggregation.Level;

    private static bool CheckKind(RealisationDraft draft, List<RuleIssue> issues)
    {
        var message = (draft.Kind, draft.Indicator.Aggregation) switch
        {
            (EntryKind.Increment, Aggregation.Cumulative) or (EntryKind.Level, Aggregation.Level) or (EntryKind.Correction, _) => null,
            (EntryKind.Increment, Aggregation.Level) => "Indikator ini dicatat sebagai nilai per tanggal, bukan tambahan.",
            (EntryKind.Level, Aggregation.Cumulative) => "Indikator ini kumulatif: catat tambahannya, bukan nilai total.",
            _ => "Jenis isian tidak dikenal.",
        };
        if (message is not null) issues.Add(RuleIssue.Error(RuleField.Kind, message));
        return message is null;
    }

    private static bool CheckValue(RealisationDraft draft, List<RealisationEntry> entries, bool quarterOk, List<RuleIssue> issues)
    {
        var count = issues.Count;
        var indicator = draft.Indicator;
        var value = draft.Value;

        if (IsLevelValue(draft))
        {
            if (Units.IsPercentage(indicator.Unit))
            {
                if (value < 0) issues.Add(RuleIssue.Error(RuleField.Value, RuleMessages.NegativePercentage));
                else if (value > 100 && !draft.Confirmed) issues.Add(RuleIssue.Confirm(RuleField.Value, RuleMessages.PercentageOver100));
            }
            return issues.Count == count || issues.Skip(count).All(i => i.NeedsConfirmation);
        }

        if (draft.Kind == EntryKind.Increment && value < 0)
        {
            issues.Add(RuleIssue.Error(RuleField.Value, RuleMessages.NegativeIncrement));
        }
        else if (draft.Kind == EntryKind.Correction && value == 0)
        {
            issues.Add(RuleIssue.Error(RuleField.Value, RuleMessages.ZeroCorrection));
        }
        else if (draft.Kind == EntryKind.Correction && value < 0 && quarterOk)
        {
            // A correction of an earlier quarter also lowers every later quarter's total.
            for (var q = draft.Quarter; q <= 4; q++)
            {
                var total = entries.Where(e => e.Quarter <= q && ValueBounds.IsEvaluable(e.Value)).Sum(e => e.Value) + value;
                if (total < 0)
                {
                    issues.Add(RuleIssue.Error(RuleField.Value, $"Koreksi membuat total sampai {Quarters.Label(q)} negatif ({IdNumber.Format(total)})."));
                    break;
                }
            }
        }

        var failed = issues.Count > count;
        if (!failed && Units.IsCount(indicator.Unit) && value != decimal.Truncate(value) && !draft.Confirmed)
        {
            issues.Add(RuleIssue.Confirm(RuleField.Value, RuleMessages.Fill(RuleMessages.FractionalCount, ("value", IdNumber.Format(value)), ("unit", indicator.Unit))));
        }
        return !failed;
    }

    private static void CheckDate(RealisationDraft draft, List<RealisationEntry> entries, DateOnly today, bool quarterOk, bool yearOk, bool kindOk,
        List<RuleIssue> issues)
    {
        var date = draft.Date;
        if (!yearOk)
        {
            issues.Add(RuleIssue.Error(RuleField.Date, $"Tahun rencana {draft.Year} tidak wajar."));
            return;
        }
        if (date.Year != draft.Year)
        {
            issues.Add(RuleIssue.Error(RuleField.Date, RuleMessages.Fill(RuleMessages.DateOutsideYear, ("year", draft.Year))));
            return;
        }
        if (quarterOk)
        {
            // Also for a quarter that has ended: a late entry is dated within its quarter, not on the day it is typed.
            var start = Quarters.Start(draft.Year, draft.Quarter);
            var end = Quarters.End(draft.Year, draft.Quarter);
            if (date < start || date > end)
            {
                issues.Add(RuleIssue.Error(RuleField.Date,
                    RuleMessages.Fill(RuleMessages.DateOutsideQuarter, ("quarter", Quarters.Label(draft.Quarter)), ("start", $"{start.Day} {Months[start.Month - 1]}"), ("end", ShortDate(end)))));
                return;
            }
        }
        if (date > today)
        {
            issues.Add(RuleIssue.Error(RuleField.Date, RuleMessages.Fill(RuleMessages.DateInFuture, ("today", ShortDate(today)))));
            return;
        }

        // The quarter's level is the value with the latest date: an older date changes nothing.
        if (quarterOk && kindOk && IsLevelValue(draft))
        {
            var latest = entries.Where(e => e.Quarter == draft.Quarter).Select(e => (DateOnly?)e.Date).Max();
            if (latest is { } l && date < l)
            {
                var text = $"Sudah ada nilai per {ShortDate(l)}: nilai bertanggal lebih awal tidak mengubah realisasi {Quarters.Label(draft.Quarter)}.";
                if (draft.Kind == EntryKind.Correction) issues.Add(RuleIssue.Error(RuleField.Date, text + " Beri tanggal koreksi sama atau setelahnya."));
                else if (!draft.Confirmed) issues.Add(RuleIssue.Confirm(RuleField.Date, text + " Simpan juga?"));
            }
        }
    }

    private static void CheckKecamatan(RealisationDraft draft, List<RuleIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(draft.Kecamatan) || Kecamatan.TryNormalize(draft.Kecamatan, out _)) return;
        issues.Add(RuleIssue.Error(RuleField.Kecamatan, RuleMessages.Fill(RuleMessages.UnknownKecamatan, ("name", draft.Kecamatan.Trim()))));
    }

    private static void CheckReason(RealisationDraft draft, bool kindOk, List<RuleIssue> issues)
    {
        var reason = draft.CorrectionReason?.Trim() ?? "";
        if (reason.Length > MaxReasonLength)
        {
            issues.Add(RuleIssue.Error(RuleField.CorrectionReason, RuleMessages.Fill(RuleMessages.ReasonTooLong, ("length", IdNumber.Format(reason.Length)), ("max", MaxReasonLength))));
        }
        else if (kindOk && draft.Kind == EntryKind.Correction)
        {
            if (reason.Length == 0) issues.Add(RuleIssue.Error(RuleField.CorrectionReason, RuleMessages.ReasonRequired));
            else if (reason.Length < MinReasonLength) issues.Add(RuleIssue.Error(RuleField.CorrectionReason, RuleMessages.Fill(RuleMessages.ReasonTooShort, ("min", MinReasonLength))));
        }
    }

    private static void CheckStatus(RealisationDraft draft, QuarterStatus before, QuarterStatus after, List<RuleIssue> issues)
    {
        if (after.Light == TrafficLight.Red && string.IsNullOrWhiteSpace(draft.Penghambat))
        {
            issues.Add(RuleIssue.Error(RuleField.Penghambat, "Capaian menjadi merah (Sangat Rendah): isi faktor penghambat."));
        }

        // The evaluator's warning compares with the full quarter target (a pro-rated target early in a quarter is tiny);
        // the message names that figure. Ask only when this draft raises it: lowering a typo should not be questioned.
        if (!after.Warning || draft.Confirmed) return;
        var raised = FullQuarterCapaian(draft.Indicator, after);
        var was = FullQuarterCapaian(draft.Indicator, before);
        if (raised is { } c && (was is null || c > was))
        {
            issues.Add(RuleIssue.Confirm(RuleField.Value, $"Capaian menjadi {IdNumber.Format(c)}%: kemungkinan salah ketik. Simpan juga?"));
        }
    }

    private static decimal? FullQuarterCapaian(Indicator indicator, QuarterStatus status) =>
        status.Realisation is { } r ? StatusEvaluator.Capaian(indicator.Polarity, status.Target, r) : null;

    /// <summary>"5 Mei 2025": the dates in the rule messages.</summary>
    public static string ShortDate(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";
}
