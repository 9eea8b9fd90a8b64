using Dashboard.Domain.Status;

namespace Dashboard.Tests.Domain.Realisations;

/// <summary>A TimeProvider standing still at a chosen instant, for the realisation rule tests.</summary>
public sealed class RulesClock(DateTimeOffset utcNow) : TimeProvider
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public override DateTimeOffset GetUtcNow() => utcNow.ToUniversalTime();

    /// <summary>An evaluator whose "today" is the given date in Jakarta (at noon, far from midnight).</summary>
    public static StatusEvaluator Evaluator(int year, int month, int day) =>
        new(new AgencyClock(new RulesClock(new DateTimeOffset(year, month, day, 12, 0, 0, Wib))));

    public static StatusEvaluator EvaluatorAtUtc(DateTimeOffset utc) => new(new AgencyClock(new RulesClock(utc)));
}
