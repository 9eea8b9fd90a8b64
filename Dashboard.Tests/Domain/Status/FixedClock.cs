using Dashboard.Domain.Status;

namespace Dashboard.Tests.Domain.Status;

/// <summary>A TimeProvider that returns a settable instant, so tests choose "today".</summary>
public sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public DateTimeOffset UtcNow { get; set; } = utcNow.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => UtcNow;

    /// <summary>Noon of the given day in Jakarta, far from any date boundary.</summary>
    public static FixedClock AtJakartaNoon(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, Wib));

    /// <summary>An evaluator in the agency's default zone whose "today" is the given Jakarta date.</summary>
    public static StatusEvaluator Evaluator(int year, int month, int day) => new(new AgencyClock(AtJakartaNoon(year, month, day)));
}
