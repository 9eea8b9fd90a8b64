using System.Globalization;
using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Checks;

/// <summary>
/// Checks a plan for data-quality problems (the rules are documented in <see cref="PlanRules"/>). Nothing is corrected:
/// the plan stays as signed, the findings say what looks wrong.
/// </summary>
public sealed class PlanChecker
{
    private static readonly string[] CountWords = ["jumlah", "jml", "jmlh", "jmh"];
    private static readonly string[] PercentageWords = ["persentase", "presentase", "prosentase"];
    private static readonly string[] MisspelledPercentageWords = ["presentase", "prosentase"];

    // id-ID writes 1.234,5; built here rather than taken from CultureInfo so it also works with invariant globalization.

    /// <summary>All findings, in document order: a node's own findings, then its indicators' (each by rule code).</summary>
    public IReadOnlyList<PlanFinding> Check(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var indicators = plan.AllIndicators().ToList();
        var acrossPlan = NamesWithSeveralUnits(indicators).Concat(UnitSpellings(indicators))
            .ToLookup(f => f.IndicatorCode!, StringComparer.Ordinal);

        var findings = new List<PlanFinding>();
        foreach (var node in plan.AllNodes())
        {
            findings.AddRange(CheckNode(node));
            foreach (var indicator in node.Indicators)
            {
                findings.AddRange(CheckIndicator(indicator).Concat(acrossPlan[indicator.Code])
                    .OrderBy(f => f.RuleCode, StringComparer.Ordinal));
            }
        }
        return findings;
    }

    private static IEnumerable<PlanFinding> CheckNode(PlanNode node)
    {
        if (node.Indicators.Count == 0 && node.Children.Count == 0)
        {
            yield return ForNode(PlanRules.NodeWithoutIndicator, node, $"{node.Level.Label()} ini tidak memiliki indikator kinerja.");
        }
        if (node.Parent is { } parent && (int)node.Level != (int)parent.Level + 1)
        {
            var skipped = Enumerable.Range((int)parent.Level + 1, (int)node.Level - (int)parent.Level - 1)
                .Select(l => ((NodeLevel)l).Label());
            yield return ForNode(PlanRules.SkippedLevel, node,
                $"{node.Level.Label()} langsung di bawah {parent.Level.Label()} {parent.Code}; tingkat {string.Join(", ", skipped)} terlewati.");
        }
    }

    private static IEnumerable<PlanFinding> CheckIndicator(Indicator indicator)
    {
        var tw = indicator.QuarterTargets;
        var annual = indicator.AnnualTarget;
        // Blank quarters (annual targets only) are no targets: not 0, and not compared.
        var allQuartersZero = tw.All(t => t == 0);

        if (!(indicator.Aggregation == Aggregation.Level && indicator.Polarity == Polarity.Negative))
        {
            var steps = Enumerable.Range(1, 3).Where(i => tw[i] is { } now && tw[i - 1] is { } before && now < before)
                .Select(i => $"dari {Quarter(i, tw[i - 1]!.Value)} ke {Quarter(i + 1, tw[i]!.Value)}")
                .ToList();
            if (steps.Count > 0)
            {
                yield return For(PlanRules.DecreasingTargets, indicator, $"Target kumulatif turun {string.Join(" dan ", steps)}.");
            }
        }

        if (annual > 0 && allQuartersZero)
        {
            yield return For(PlanRules.NoQuarterTargets, indicator,
                $"Target tahunan ({Number(annual)}) ada, tetapi target TW I sampai TW IV semuanya 0.");
        }
        else if (tw[3] is { } yearEnd && yearEnd != annual)
        {
            yield return For(PlanRules.YearEndMismatch, indicator,
                $"{Quarter(4, yearEnd)} berbeda dengan target tahunan ({Number(annual)}).");
        }

        if (annual == 0 && tw.All(t => t is null or 0))
        {
            yield return For(PlanRules.AllTargetsZero, indicator, "Semua target (tahunan dan TW I sampai TW IV) bernilai 0.");
        }

        if (Units.IsCount(indicator.Unit))
        {
            var fractional = Targets(indicator).Where(t => t.Value != decimal.Truncate(t.Value)).ToList();
            if (fractional.Count > 0)
            {
                yield return For(PlanRules.FractionalCount, indicator,
                    $"Target pecahan pada satuan hitungan {indicator.Unit}: {List(fractional)}.");
            }
        }

        if (Units.IsPercentage(indicator.Unit))
        {
            var above = Targets(indicator).Where(t => t.Value > 100).ToList();
            if (above.Count > 0)
            {
                yield return For(PlanRules.PercentageAbove100, indicator, $"Target persentase di atas 100: {List(above)}.");
            }
        }

        if (indicator.Polarity == Polarity.Positive)
        {
            var above = Enumerable.Range(0, 3).Where(i => tw[i] > annual).Select(i => Quarter(i + 1, tw[i]!.Value)).ToList();
            if (above.Count > 0)
            {
                yield return For(PlanRules.QuarterAboveAnnual, indicator,
                    $"{string.Join(", ", above)} melebihi target tahunan ({Number(annual)}).");
            }
        }

        var first = FirstWord(indicator.Name);
        if (CountWords.Contains(first) && Units.IsPercentage(indicator.Unit))
        {
            yield return For(PlanRules.NameUnitMismatch, indicator,
                $"Nama diawali \"{FirstWordAsWritten(indicator.Name)}\" (sebuah hitungan) tetapi satuannya {indicator.Unit}.");
        }
        else if (PercentageWords.Contains(first) && Units.IsCount(indicator.Unit))
        {
            yield return For(PlanRules.NameUnitMismatch, indicator,
                $"Nama diawali \"{FirstWordAsWritten(indicator.Name)}\" tetapi satuannya {indicator.Unit}, bukan persentase.");
        }

        var misspelled = Words(indicator.Name).FirstOrDefault(w => MisspelledPercentageWords.Contains(w.ToLowerInvariant()));
        if (misspelled is not null)
        {
            yield return For(PlanRules.MisspelledPersentase, indicator, $"Nama memuat \"{misspelled}\"; ejaan baku: \"Persentase\".");
        }
    }

    private static IEnumerable<PlanFinding> NamesWithSeveralUnits(IReadOnlyList<Indicator> indicators)
    {
        foreach (var group in indicators.GroupBy(i => NameKey(i.Name), StringComparer.Ordinal))
        {
            var units = group.Select(i => Units.Canonical(i.Unit)).Distinct(StringComparer.Ordinal).Count();
            if (units < 2) continue;
            foreach (var indicator in group)
            {
                var unit = Units.Canonical(indicator.Unit);
                var others = group.Where(o => Units.Canonical(o.Unit) != unit).Select(o => $"{o.Unit} ({o.Code})");
                yield return For(PlanRules.NameWithSeveralUnits, indicator,
                    $"Nama indikator yang sama juga dipakai dengan satuan {string.Join(", ", others)}; di sini satuannya {indicator.Unit}.");
            }
        }
    }

    private static IEnumerable<PlanFinding> UnitSpellings(IReadOnlyList<Indicator> indicators)
    {
        foreach (var group in indicators.GroupBy(i => i.Unit.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            // GroupBy and ordering are stable, so on a tie the spelling seen first wins.
            var spellings = group.GroupBy(i => i.Unit.Trim(), StringComparer.Ordinal).OrderByDescending(s => s.Count()).ToList();
            if (spellings.Count < 2) continue;
            var reference = spellings[0];
            foreach (var indicator in spellings.Skip(1).SelectMany(s => s))
            {
                yield return For(PlanRules.UnitSpelling, indicator,
                    $"Satuan \"{indicator.Unit.Trim()}\" ditulis berbeda dengan \"{reference.Key}\" yang dipakai {reference.Count()} kali di rencana ini.");
            }
        }
    }

    private static PlanFinding For(string rule, Indicator indicator, string message) =>
        new(rule, PlanRules.Get(rule).Severity, indicator.Node?.Code ?? "", indicator.Code, message);

    private static PlanFinding ForNode(string rule, PlanNode node, string message) =>
        new(rule, PlanRules.Get(rule).Severity, node.Code, null, message);

    private static IEnumerable<(string Label, decimal Value)> Targets(Indicator indicator) =>
        new[] { ("target tahunan", indicator.AnnualTarget) }
            .Concat(indicator.QuarterTargets.Select((t, i) => (Label: Quarters.Label(i + 1), Value: t))
                .Where(t => t.Value is not null).Select(t => (t.Label, t.Value!.Value)));

    private static string List(IEnumerable<(string Label, decimal Value)> targets) =>
        string.Join(", ", targets.Select(t => $"{t.Label} ({Number(t.Value)})"));

    private static string Quarter(int quarter, decimal value) => $"{Quarters.Label(quarter)} ({Number(value)})";

    /// <summary>A number as written in id-ID: 73,33; 1.250; no trailing zeros.</summary>
    internal static string Number(decimal value) => Numbers.IdNumber.Format(value);

    // Line wraps in the source document swallow spaces ("waktusesuai"), so all whitespace is ignored.
    private static string NameKey(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static IEnumerable<string> Words(string text) =>
        text.Split(text.Where(c => !char.IsLetter(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    private static string FirstWordAsWritten(string name) => Words(name).FirstOrDefault() ?? "";

    private static string FirstWord(string name) => FirstWordAsWritten(name).ToLowerInvariant();
}
