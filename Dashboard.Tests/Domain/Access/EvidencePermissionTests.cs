using Dashboard.Domain.Access;

namespace Dashboard.Tests.Domain.Access;

public sealed class EvidencePermissionTests
{
    [Theory]
    [InlineData(Roles.Admin, false, true)]
    [InlineData(Roles.Planner, false, true)]
    [InlineData(Roles.Head, false, true)]
    [InlineData(Roles.Officer, true, true)]
    [InlineData(Roles.Officer, false, false)]
    [InlineData(Roles.Screen, true, false)]
    [InlineData(Roles.Screen, false, false)]
    public void CanSeeEvidence_PerRole(string role, bool assignedOrUploader, bool expected) =>
        Assert.Equal(expected, Permissions.CanSeeEvidence([role], assignedOrUploader));

    [Fact]
    public void Covers_ByCodes_MatchesTheIndicatorOrAnyNodeAboveIt()
    {
        var assigned = new HashSet<string> { "T1.S2" };

        Assert.True(Assignments.Covers(assigned, "T1.S2.P1.I1", ["T1.S2.P1", "T1.S2", "T1"]));
        Assert.False(Assignments.Covers(assigned, "T1.S1.P1.I1", ["T1.S1.P1", "T1.S1", "T1"]));
        Assert.True(Assignments.Covers(new HashSet<string> { "T1.S1.P1.I1" }, "T1.S1.P1.I1", []));
    }
}
