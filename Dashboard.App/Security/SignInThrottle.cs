using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.App.Security;

/// <summary>
/// Failed sign-ins counted per account AND client (IP address), never per account alone: a stranger's wrong passwords
/// slow down the stranger, not the account's owner at their own desk. The first <see cref="FreeFailures"/> failures cost
/// nothing; each further one doubles the wait (30 s, 1 min, 2 min, … up to 15 min). A success clears the pair. Unknown
/// names are counted exactly like known ones, so the delay tells nothing about which names exist.
/// Kept in memory (bounded); a restart forgets it, which only ever helps the owner.
/// </summary>
public sealed class SignInThrottle(TimeProvider time) : IDisposable
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>How long this client must wait before trying this name again, or null.</summary>
    public TimeSpan? WaitFor(string userName, string client)
    {
        if (!_failures.TryGetValue(Key(userName, client), out Counter? counter) || counter is null) return null;
        lock (counter)
        {
            var wait = counter.BlockedUntil - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string userName, string client)
    {
        var counter = _failures.GetOrCreate(Key(userName, client), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(24);
            return new Counter();
        })!;
        lock (counter)
        {
            counter.Failures++;
            if (counter.Failures >= FreeFailures) counter.BlockedUntil = time.GetUtcNow() + DelayAfter(counter.Failures);
        }
    }

    public void Succeeded(string userName, string client) => _failures.Remove(Key(userName, client));

    /// <summary>The wait after the n-th consecutive failure.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures) return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeFailures, 10);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    public void Dispose() => _failures.Dispose();

    // Identity compares user names case-insensitively; so does the throttle. The name is capped before it gets here.
    private static string Key(string userName, string client) => $"{client}\n{userName.ToUpperInvariant()}";

    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset BlockedUntil;
    }
}
