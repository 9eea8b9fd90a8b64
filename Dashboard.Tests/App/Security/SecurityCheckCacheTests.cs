using System.Security.Claims;
using Dashboard.App.Security;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.App.Security;

/// <summary>The few-seconds memory of passed session and token checks: what it keeps, and when it must not.</summary>
public sealed class SecurityCheckCacheTests
{
    private static SecurityCheckCache Cache(int seconds = 60) => new(Options.Create(new SessionOptions { CheckCacheSeconds = seconds }));

    private static readonly Claim[] Claims = [new(ClaimTypes.Name, "sari")];

    [Fact]
    public void APassedCheck_IsRemembered_ForThatStampOnly()
    {
        var cache = Cache();
        cache.RememberSession("u1", "stamp-a", cache.Generation);

        Assert.True(cache.SessionPassed("u1", "stamp-a"));
        Assert.False(cache.SessionPassed("u1", "stamp-b"));
        Assert.False(cache.SessionPassed("u2", "stamp-a"));
    }

    [Fact]
    public void Forget_DropsSessionsAndTokens()
    {
        var cache = Cache();
        cache.RememberSession("u1", "stamp-a", cache.Generation);
        cache.RememberToken("hash", 7, Claims, null, cache.Generation);

        cache.Forget();

        Assert.False(cache.SessionPassed("u1", "stamp-a"));
        Assert.Null(cache.Token("hash"));
    }

    [Fact]
    public void ACheckThatReadTheDatabaseWhileSomethingChanged_IsNotRemembered()
    {
        var cache = Cache();
        var generation = cache.Generation;
        cache.Forget(); // e.g. the user was locked while the check was reading the old row

        cache.RememberSession("u1", "stamp-a", generation);
        cache.RememberToken("hash", 7, Claims, null, generation);

        Assert.False(cache.SessionPassed("u1", "stamp-a"));
        Assert.Null(cache.Token("hash"));
    }

    [Fact]
    public void ZeroSeconds_RemembersNothing()
    {
        var cache = Cache(seconds: 0);
        cache.RememberSession("u1", "stamp-a", cache.Generation);
        cache.RememberToken("hash", 7, Claims, null, cache.Generation);

        Assert.False(cache.SessionPassed("u1", "stamp-a"));
        Assert.Null(cache.Token("hash"));
    }

    [Fact]
    public void TokenUsed_UpdatesWhenTheLastUseWasStored()
    {
        var cache = Cache();
        cache.RememberToken("hash", 7, Claims, null, cache.Generation);
        var at = new DateTimeOffset(2025, 5, 15, 8, 0, 0, TimeSpan.Zero);

        cache.TokenUsed("hash", at);

        Assert.Equal((7, at), (cache.Token("hash")!.TokenId, cache.Token("hash")!.LastUsedAt));
    }
}
