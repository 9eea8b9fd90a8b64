using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Access;

public static class Assignments
{
    /// <summary>An assignment to a node covers every indicator in its subtree; an assignment to an indicator covers that one.</summary>
    public static bool Covers(IReadOnlySet<string> assignedCodes, Indicator indicator) =>
        Covers(assignedCodes, indicator.Code, Ancestors(indicator));

    /// <summary>The same rule for an indicator known by its code and the codes of its node and that node's ancestors.</summary>
    public static bool Covers(IReadOnlySet<string> assignedCodes, string indicatorCode, IEnumerable<string> nodeCodesUpward) =>
        assignedCodes.Contains(indicatorCode) || nodeCodesUpward.Any(assignedCodes.Contains);

    private static IEnumerable<string> Ancestors(Indicator indicator)
    {
        for (var node = indicator.Node; node is not null; node = node.Parent) yield return node.Code;
    }
}
