namespace Dashboard.Domain.Checks;

/// <summary>
/// The plan checks. Codes are stable ("RK" = Rencana aKsi, then a number that is never reused), so findings can be
/// filtered, counted and acknowledged by code. Each rule has one fixed severity:
/// Error = the indicator cannot be evaluated in any quarter; Warning = probably a mistake that distorts some status;
/// Info = untidy, evaluation unaffected.
/// </summary>
public static class PlanRules
{
    /// <summary>
    /// RK01, Warning: a cumulative quarterly target is lower than the previous quarter's (e.g. TW III 73,25 then TW IV 0).
    /// What has been reached by the end of a quarter cannot shrink, so the later quarter's status is wrong.
    /// Not checked for Level indicators with negative polarity, whose targets may legitimately go down.
    /// One finding per indicator, naming every decreasing step.
    /// </summary>
    public const string DecreasingTargets = "RK01";

    /// <summary>
    /// RK02, Warning: TW IV differs from the annual target. TW IV is the cumulative target at year end and should equal
    /// the annual one; otherwise the year-end status contradicts the annual progress.
    /// Left to RK03 when all quarterly targets are 0, so the same problem is not reported twice.
    /// </summary>
    public const string YearEndMismatch = "RK02";

    /// <summary>
    /// RK03, Error: an annual target above 0 with TW I-IV all 0. No quarter has a target, so every quarter shows
    /// "Tanpa target" and the indicator is never evaluated, although something was promised for the year.
    /// </summary>
    public const string NoQuarterTargets = "RK03";

    /// <summary>
    /// RK04, Info: the annual target and TW I-IV are all 0. Often deliberate (a sub-activity kept in the structure but
    /// not funded this year), but the indicator then never has a status.
    /// </summary>
    public const string AllTargetsZero = "RK04";

    /// <summary>
    /// RK05, Warning: a fractional target (annual or quarterly) on a unit that counts things (<see cref="Plans.Units.IsCount"/>),
    /// e.g. 12,7 Orang: usually the annual target divided by four; the count can never be met exactly.
    /// One finding per indicator, naming every fractional value.
    /// </summary>
    public const string FractionalCount = "RK05";

    /// <summary>
    /// RK06, Warning: one indicator name (compared ignoring case and all whitespace, since line wraps in the source
    /// document swallow spaces) is used with different units (units compared ignoring case). Reported on every
    /// indicator involved, each naming the indicators with the other unit: each of them is a place the planner may
    /// have to fix, and the dashboard shows findings next to the indicator.
    /// </summary>
    public const string NameWithSeveralUnits = "RK06";

    /// <summary>
    /// RK07, Warning: a target (annual or quarterly) above 100 on a percentage unit. Possible for growth rates, so a
    /// warning rather than an error.
    /// </summary>
    public const string PercentageAbove100 = "RK07";

    /// <summary>
    /// RK08, Warning: TW I, II or III above the annual target on a positive-polarity indicator: the year's target
    /// would be exceeded before the year ends. TW IV is left to RK02.
    /// </summary>
    public const string QuarterAboveAnnual = "RK08";

    /// <summary>
    /// RK09, Info: the same unit written with different capitalisation in one plan ("unit" and "Unit").
    /// Reported on each indicator whose spelling differs from the most used one (the first seen on a tie).
    /// </summary>
    public const string UnitSpelling = "RK09";

    /// <summary>
    /// RK10, Warning: a node without any indicator. Every node of a Renaksi should be measurable; such a node only
    /// has the roll-up of the nodes below it.
    /// </summary>
    public const string NodeWithoutIndicator = "RK10";

    /// <summary>
    /// RK11, Warning: the name contradicts the unit: it starts with "Jumlah"/"Jml"/"Jmlh"/"Jmh" (a count) while the
    /// unit is a percentage, or it starts with "Persentase"/"Presentase"/"Prosentase" while the unit counts things.
    /// The unit decides how realisation is added up (a percentage keeps the latest value, a count sums increments),
    /// so one of the two is likely wrong and the realisation would be misread.
    /// </summary>
    public const string NameUnitMismatch = "RK11";

    /// <summary>
    /// RK12, Info: the name contains the misspelling "Presentase" or "Prosentase" (standard: "Persentase"); makes
    /// searching and grouping by name unreliable.
    /// </summary>
    public const string MisspelledPersentase = "RK12";

    /// <summary>
    /// RK13, Warning: a node skips a level of the tree (e.g. a Kegiatan directly under a Sasaran): a level of the
    /// cascade has no node, or the node's level was transcribed wrongly.
    /// </summary>
    public const string SkippedLevel = "RK13";

    public static IReadOnlyList<PlanRule> All { get; } =
    [
        new(DecreasingTargets, Severity.Warning, "Target kumulatif menurun"),
        new(YearEndMismatch, Severity.Warning, "TW IV berbeda dengan target tahunan"),
        new(NoQuarterTargets, Severity.Error, "Target tahunan tanpa target triwulan"),
        new(AllTargetsZero, Severity.Info, "Semua target 0"),
        new(FractionalCount, Severity.Warning, "Target pecahan pada satuan hitungan"),
        new(NameWithSeveralUnits, Severity.Warning, "Nama indikator sama dengan satuan berbeda"),
        new(PercentageAbove100, Severity.Warning, "Target persentase di atas 100"),
        new(QuarterAboveAnnual, Severity.Warning, "Target triwulan melebihi target tahunan"),
        new(UnitSpelling, Severity.Info, "Penulisan satuan tidak seragam"),
        new(NodeWithoutIndicator, Severity.Warning, "Node tanpa indikator"),
        new(NameUnitMismatch, Severity.Warning, "Nama indikator tidak sesuai satuan"),
        new(MisspelledPersentase, Severity.Info, "Salah ketik \"Persentase\""),
        new(SkippedLevel, Severity.Warning, "Tingkat node terlewati"),
    ];

    public static PlanRule Get(string code) =>
        All.FirstOrDefault(r => r.Code == code) ?? throw new ArgumentException($"Aturan {code} tidak dikenal.", nameof(code));
}
