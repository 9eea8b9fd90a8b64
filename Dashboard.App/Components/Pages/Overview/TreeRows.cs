using Dashboard.Domain.Plans;

namespace Dashboard.App.Components.Pages.Overview;

/// <summary>One visible row of the tree table: a node, or one of a node's indicators.</summary>
public sealed record TreeRow(PlanNode Node, Indicator? Indicator, int Depth, bool Expanded, bool HasContent, bool Match)
{
    public string Key => Indicator?.Code ?? Node.Code;
}

/// <summary>Flattens the plan tree into the rows to show, given what is expanded and the text filter.</summary>
public static class TreeRows
{
    public static List<TreeRow> Build(Plan plan, IReadOnlySet<string> expanded, string? filter)
    {
        var rows = new List<TreeRow>();
        var text = filter?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            foreach (var root in plan.Roots) AddExpanded(root, 0, expanded, rows);
            return rows;
        }

        // Filtering: a matching node or indicator is shown with all its ancestors, whatever is collapsed.
        var visible = new HashSet<string>(StringComparer.Ordinal);
        var matches = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in plan.AllNodes())
        {
            var nodeMatch = Matches(node.Title, text) || Matches(node.Label, text) || Matches(node.Code, text);
            if (nodeMatch) matches.Add(node.Code);
            foreach (var indicator in node.Indicators)
            {
                if (Matches(indicator.Name, text) || Matches(indicator.Unit, text) || Matches(indicator.Code, text))
                {
                    matches.Add(indicator.Code);
                    visible.Add(indicator.Code);
                    nodeMatch = true;
                }
            }
            if (!nodeMatch) continue;
            visible.Add(node.Code);
            foreach (var ancestor in node.Ancestors()) visible.Add(ancestor.Code);
        }
        foreach (var root in plan.Roots) AddFiltered(root, 0, visible, matches, rows);
        return rows;
    }

    public static bool Matches(string? value, string filter) =>
        value is not null && value.Contains(filter, StringComparison.CurrentCultureIgnoreCase);

    private static void AddExpanded(PlanNode node, int depth, IReadOnlySet<string> expanded, List<TreeRow> rows)
    {
        var isOpen = expanded.Contains(node.Code);
        rows.Add(new TreeRow(node, null, depth, isOpen, HasContent(node), false));
        if (!isOpen) return;
        foreach (var indicator in node.Indicators) rows.Add(new TreeRow(node, indicator, depth + 1, false, false, false));
        foreach (var child in node.Children) AddExpanded(child, depth + 1, expanded, rows);
    }

    private static void AddFiltered(PlanNode node, int depth, HashSet<string> visible, HashSet<string> matches, List<TreeRow> rows)
    {
        if (!visible.Contains(node.Code)) return;
        rows.Add(new TreeRow(node, null, depth, true, HasContent(node), matches.Contains(node.Code)));
        foreach (var indicator in node.Indicators)
        {
            if (visible.Contains(indicator.Code)) rows.Add(new TreeRow(node, indicator, depth + 1, false, false, true));
        }
        foreach (var child in node.Children) AddFiltered(child, depth + 1, visible, matches, rows);
    }

    private static bool HasContent(PlanNode node) => node.Indicators.Count > 0 || node.Children.Count > 0;
}
