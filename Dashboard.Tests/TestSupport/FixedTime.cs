namespace Dashboard.Tests.TestSupport;

/// <summary>A clock standing still at a chosen moment (tests only).</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedTime At(int year, int month, int day, int hourWib = 10) =>
        new(new DateTimeOffset(year, month, day, hourWib, 0, 0, TimeSpan.FromHours(7)));

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
