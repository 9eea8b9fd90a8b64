using Dashboard.App.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Tests.App.Audit;

public sealed class AuditFilterTests
{
    [Fact]
    public void Parse_BlanksAndUnreadableDates_MeanNoFilter()
    {
        var filter = AuditFilter.Parse(" ", "15/05/2025", "", null, "  ", "\t");

        Assert.Equal(AuditFilter.None, filter);
    }

    [Fact]
    public void Parse_TrimsTextAndReadsIsoDates()
    {
        var filter = AuditFilter.Parse("2025-05-01", "2025-05-31", " sri ", "masuk.berhasil", "User", " T1.S1 ");

        Assert.Equal(new AuditFilter(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), "sri", "masuk.berhasil", "User", "T1.S1"), filter);
    }

    [Fact]
    public void QueryString_RoundTrips_ThroughTheExportsQueryReader()
    {
        var filter = new AuditFilter(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), "Sri Lestari", AuditActions.SignIn, "User", "a&b=c");

        var query = filter.ToQueryString();
        var read = AuditFilter.FromQuery(new QueryCollection(QueryHelpers.ParseQuery(query)));

        Assert.StartsWith("?dari=2025-05-01&sampai=2025-05-31&pengguna=Sri%20Lestari&tindakan=masuk.berhasil", query);
        Assert.Equal(filter, read);
    }

    [Fact]
    public void QueryString_WithoutFilters_IsEmpty() => Assert.Equal("", AuditFilter.None.ToQueryString());

    [Fact]
    public void ToQuery_RemovesKeysOfEmptyFilters()
    {
        var query = new AuditFilter(Actor: "sri").ToQuery();

        Assert.Equal("sri", query[AuditFilter.ActorKey]);
        Assert.All(query.Where(kv => kv.Key != AuditFilter.ActorKey), kv => Assert.Null(kv.Value));
        Assert.Equal(6, query.Count);
    }
}
