using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Access;

public static class Assignments
{
    /// <summary>An assignment to a node covers every indicator in its subtree; an assignment to an indicator covers that one.</summary>
    public static bool Covers(IReadOnlySet<string> assignedCodes, Indicator indicator)
    {
        if (assignedCodes.Contains(indicator.Code)) return true;
        for (var node = indicator.Node; node is not null; node = node.Parent)
        {
            if (assignedCodes.Contains(node.Code)) return true;
        }
        return false;
    }
}
