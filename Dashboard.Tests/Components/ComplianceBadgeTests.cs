using Bunit;
using Dashboard.App.Components.Shared;
using Dashboard.Domain.Reviews;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components;

public sealed class ComplianceBadgeTests : BunitTestContext
{
    [Fact]
    public void EveryState_ShowsColourIconAndLabel_EachDifferent()
    {
        var seen = Compliance.All.Select(state =>
        {
            var badge = Render<ComplianceBadge>(p => p.Add(c => c.State, state));
            var span = badge.Find("[data-testid=compliance-badge]");
            Assert.Equal(state.ToString(), span.GetAttribute("data-state"));
            Assert.Equal(state.Label(), span.TextContent.Trim());
            Assert.Equal(state.Explain(), span.GetAttribute("title"));
            Assert.NotNull(badge.Find("svg"));
            return (Css: ComplianceBadge.CssClass(state), Icon: ComplianceBadge.Icon(state));
        }).ToList();

        Assert.Equal(seen.Count, seen.Select(s => s.Css).Distinct().Count());
        Assert.Equal(seen.Count, seen.Select(s => s.Icon).Distinct().Count());
    }
}
