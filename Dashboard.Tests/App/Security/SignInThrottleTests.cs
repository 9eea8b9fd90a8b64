using Dashboard.App.Security;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.App.Security;

public sealed class SignInThrottleTests
{
    private readonly FixedTime _time = FixedTime.At(2025, 5, 15);

    [Fact]
    public void FirstFailures_CostNothing_ThenEachFurtherOneDoublesTheWait_UpToFifteenMinutes()
    {
        using var throttle = new SignInThrottle(_time);
        var waits = new List<TimeSpan?>();
        for (var i = 1; i <= 12; i++)
        {
            throttle.Failed("siti", "203.0.113.7");
            waits.Add(throttle.WaitFor("siti", "203.0.113.7"));
            _time.Now += TimeSpan.FromHours(1);
        }

        Assert.All(waits.Take(SignInThrottle.FreeFailures - 1), w => Assert.Null(w));
        Assert.Equal([30, 60, 120, 240, 480, 900, 900, 900], waits.Skip(SignInThrottle.FreeFailures - 1).Select(w => w!.Value.TotalSeconds));
    }

    [Fact]
    public void TheWait_IsPerAccountAndClient_CaseInsensitiveName_AndEndsWithItsTime()
    {
        using var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++) throttle.Failed("Siti", "203.0.113.7");

        Assert.NotNull(throttle.WaitFor("siti", "203.0.113.7"));
        Assert.Null(throttle.WaitFor("siti", "198.51.100.20"));
        Assert.Null(throttle.WaitFor("budi", "203.0.113.7"));
        _time.Now += SignInThrottle.FirstDelay + TimeSpan.FromSeconds(1);
        Assert.Null(throttle.WaitFor("siti", "203.0.113.7"));
    }

    [Fact]
    public void ASuccess_ClearsThePair()
    {
        using var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++) throttle.Failed("siti", "203.0.113.7");
        throttle.Succeeded("siti", "203.0.113.7");
        throttle.Failed("siti", "203.0.113.7");

        Assert.Null(throttle.WaitFor("siti", "203.0.113.7"));
    }
}
