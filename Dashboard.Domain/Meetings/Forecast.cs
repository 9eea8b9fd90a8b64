using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.Domain.Meetings;

/// <summary>A simple year-end forecast shown next to the target on the indicator slide.</summary>
public static class Forecast
{
    /// <summary>
    /// Cumulative: the realisation to date extrapolated linearly over the days of the year elapsed.
    /// Level: the latest value plus its average change per reported quarter, carried to TW IV.
    /// Null when nothing was recorded or the year has not started.
    /// </summary>
    public static decimal? YearEnd(Indicator indicator, IReadOnlyList<QuarterStatus> quarters, int year, DateOnly today)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        if (today < start) return null;
        var reported = quarters.Where(q => q.Realisation is not null).ToList();
        if (reported.Count == 0) return null;
        if (today >= end) return reported[^1].Realisation;

        if (indicator.Aggregation == Aggregation.Cumulative)
        {
            var latest = reported[^1].Realisation!.Value;
            var share = (decimal)(today.DayNumber - start.DayNumber + 1) / (end.DayNumber - start.DayNumber + 1);
            return Math.Round(latest / share, 2, MidpointRounding.AwayFromZero);
        }

        var last = reported[^1];
        if (reported.Count == 1) return last.Realisation;
        var first = reported[0];
        var step = (last.Realisation!.Value - first.Realisation!.Value) / (last.Quarter - first.Quarter);
        return Math.Round(last.Realisation.Value + step * (4 - last.Quarter), 2, MidpointRounding.AwayFromZero);
    }
}
