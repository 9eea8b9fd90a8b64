using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;

namespace Dashboard.Domain.Status;

/// <summary>The one place where capaian, bands and states are decided.</summary>
public sealed class StatusEvaluator(AgencyClock clock)
{
    public const string PositiveFormula = "Capaian = Realisasi ÷ Target × 100";
    public const string NegativeFormula = "Capaian = (2 × Target − Realisasi) ÷ Target × 100, minimal 0 (kondisi khusus, PermenPAN-RB 6/2022)";

    public AgencyClock Clock { get; } = clock;

    /// <summary>Capaian in percent, rounded to 2 decimals; null where the target is 0.</summary>
    public static decimal? Capaian(Polarity polarity, decimal target, decimal realisation)
    {
        if (target == 0) return null;
        var value = polarity == Polarity.Positive
            ? realisation / target * 100m
            : Math.Max(0m, (2m * target - realisation) / target * 100m);
        return Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The target a quarter is judged against: the plan's TW target, for a blank TW IV the annual target
    /// (the year's end), null for a blank TW I-III.</summary>
    public static decimal? QuarterTarget(Indicator indicator, int quarter) =>
        indicator.TargetFor(quarter) ?? (quarter == 4 ? indicator.AnnualTarget : null);

    public QuarterStatus Evaluate(Indicator indicator, int year, int quarter, IEnumerable<RealisationEntry> entries) =>
        Evaluate(indicator, year, quarter, RealisationMath.ForQuarter(indicator.Aggregation, entries, quarter));

    public QuarterStatus[] EvaluateYear(Indicator indicator, int year, IEnumerable<RealisationEntry> entries)
    {
        var list = entries.ToList();
        return Quarters.All.Select(q => Evaluate(indicator, year, q, list)).ToArray();
    }

    /// <summary>Never throws on stored data: a value or target beyond <see cref="ValueBounds"/> (or one whose capaian would
    /// overflow) gives <see cref="StatusKind.Unevaluable"/> for this quarter only, and the rest of the plan evaluates.</summary>
    public QuarterStatus Evaluate(Indicator indicator, int year, int quarter, QuarterRealisation realisation)
    {
        if (realisation.Unevaluable || !ValueBounds.IsEvaluable(indicator.AnnualTarget) || !indicator.QuarterTargets.All(t => t is not { } v || ValueBounds.IsEvaluable(v)))
        {
            return Unevaluable(indicator, quarter, realisation);
        }
        try
        {
            return Decide(indicator, year, quarter, realisation) with { Reported = realisation.ReportedInQuarter };
        }
        catch (OverflowException)
        {
            // A tiny stored target (1e-20) with a large realisation: still bounded figures, but the ratio is not a decimal.
            return Unevaluable(indicator, quarter, realisation);
        }
    }

    private static QuarterStatus Unevaluable(Indicator indicator, int quarter, QuarterRealisation realisation)
    {
        var target = indicator.QuarterTargets.Count >= quarter ? indicator.TargetFor(quarter) : null;
        var shown = target is { } t && ValueBounds.IsEvaluable(t) ? t : 0m;
        return new QuarterStatus(quarter, shown, shown, null, null, null, new StatusTag(StatusKind.Unevaluable, null), false,
            indicator.Polarity == Polarity.Positive ? PositiveFormula : NegativeFormula) { Reported = realisation.ReportedInQuarter };
    }

    private QuarterStatus Decide(Indicator indicator, int year, int quarter, QuarterRealisation realisation)
    {
        var formula = indicator.Polarity == Polarity.Positive ? PositiveFormula : NegativeFormula;
        var today = Clock.Today;
        var start = Quarters.Start(year, quarter);
        var end = Quarters.End(year, quarter);
        var value = realisation.Value;
        var annual = value is { } v ? Capaian(indicator.Polarity, indicator.AnnualTarget, v) : null;

        // A blank quarter (annual targets only) is no target, not a target of 0: no quarter band, nothing "exceeded",
        // but the annual comparison stands. TW IV ends the year, so its target is the annual one.
        var planned = QuarterTarget(indicator, quarter);
        if (planned is not { } target)
        {
            var state = today < start ? StatusKind.NotDue : StatusKind.NoTarget;
            return new QuarterStatus(quarter, 0m, 0m, value, null, annual,
                new StatusTag(state, null), false, formula) { HasTarget = false };
        }

        if (today < start)
        {
            return new QuarterStatus(quarter, target, target, value, null, annual, new StatusTag(StatusKind.NotDue, null), false, formula);
        }

        var compared = target;
        var inProgress = today <= end;
        decimal? share = inProgress ? Math.Round((decimal)(today.DayNumber - start.DayNumber + 1) / (end.DayNumber - start.DayNumber + 1), 4) : null;
        // A lower-is-better level (a ratio, a score) is not pro-rated: a pro-rated target would start at 0 and fail
        // every honest value early in the quarter.
        if (inProgress && (indicator.Polarity == Polarity.Positive || indicator.Aggregation == Aggregation.Cumulative))
        {
            // From the last earlier quarter that has a target (or 0 at the start of the year when none has).
            var from = quarter - 1;
            while (from >= 1 && QuarterTarget(indicator, from) is null) from--;
            var previous = from >= 1 ? QuarterTarget(indicator, from)!.Value : 0m;
            var spanStart = Quarters.Start(year, from + 1);
            var elapsed = today.DayNumber - spanStart.DayNumber + 1;
            var length = end.DayNumber - spanStart.DayNumber + 1;
            // Pro-rate with the exact fraction: the rounded share is for display and could shift a capaian across a band boundary.
            compared = Math.Round(previous + (target - previous) * elapsed / length, 4);
        }

        if (compared == 0)
        {
            var recorded = value is { } r && r != 0;
            if (!recorded)
            {
                return new QuarterStatus(quarter, target, compared, value, null, annual, new StatusTag(StatusKind.NoTarget, null), false, formula, share);
            }
            var tag = indicator.Polarity == Polarity.Positive
                ? new StatusTag(StatusKind.Exceeded, null)
                : new StatusTag(inProgress ? StatusKind.InProgress : StatusKind.Evaluated, Status.Band.SangatRendah);
            return new QuarterStatus(quarter, target, compared, value, indicator.Polarity == Polarity.Positive ? null : 0m, annual, tag, false, formula, share);
        }

        if (inProgress)
        {
            if (value is null)
            {
                return new QuarterStatus(quarter, target, compared, null, null, annual, new StatusTag(StatusKind.InProgress, null), false, formula, share);
            }
            var c = Capaian(indicator.Polarity, compared, value.Value)!.Value;
            // Early in a quarter the pro-rated target is tiny; a likely typo shows against the full quarter target.
            var warning = target != 0 && Capaian(indicator.Polarity, target, value.Value) > Bands.WarningThreshold;
            return new QuarterStatus(quarter, target, compared, value, c, annual, new StatusTag(StatusKind.InProgress, Bands.Of(c)), warning, formula, share);
        }

        if (!realisation.ReportedInQuarter || value is null)
        {
            return new QuarterStatus(quarter, target, compared, value, null, annual, new StatusTag(StatusKind.NotReported, null), false, formula);
        }

        var capaian = Capaian(indicator.Polarity, compared, value.Value)!.Value;
        return new QuarterStatus(quarter, target, compared, value, capaian, annual, new StatusTag(StatusKind.Evaluated, Bands.Of(capaian)), capaian > Bands.WarningThreshold, formula);
    }
}
