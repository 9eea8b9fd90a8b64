namespace Dashboard.Domain.Plans;

/// <summary>
/// Ordinals and lookups of a plan's nodes and indicators, built once per plan: O(1) lookups by code and the parent chain
/// by ordinal, so that an evaluation can re-roll one indicator's ancestors without walking the tree.
/// </summary>
public sealed class PlanIndex
{
    private readonly Dictionary<string, int> _indicatorOrdinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nodeOrdinals = new(StringComparer.Ordinal);

    public PlanIndex(Plan plan)
    {
        Plan = plan;
        Nodes = plan.AllNodes().ToArray();
        for (var n = 0; n < Nodes.Count; n++) _nodeOrdinals[Nodes[n].Code] = n;
        var indicators = new List<Indicator>();
        var nodeOf = new List<int>();
        var own = new int[Nodes.Count][];
        var children = new int[Nodes.Count][];
        var parents = new int[Nodes.Count];
        for (var n = 0; n < Nodes.Count; n++)
        {
            var node = Nodes[n];
            parents[n] = node.Parent is { } p ? _nodeOrdinals[p.Code] : -1;
            children[n] = node.Children.Select(c => _nodeOrdinals[c.Code]).ToArray();
            own[n] = new int[node.Indicators.Count];
            for (var i = 0; i < node.Indicators.Count; i++)
            {
                own[n][i] = indicators.Count;
                _indicatorOrdinals[node.Indicators[i].Code] = indicators.Count;
                indicators.Add(node.Indicators[i]);
                nodeOf.Add(n);
            }
        }
        Indicators = indicators;
        NodeOfIndicator = nodeOf;
        OwnIndicators = own;
        Children = children;
        Parents = parents;
    }

    public Plan Plan { get; }

    /// <summary>Every node, depth first in document order (a parent before its children).</summary>
    public IReadOnlyList<PlanNode> Nodes { get; }

    /// <summary>Every indicator in document order, as <see cref="Plan.AllIndicators"/>.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Node ordinal of each indicator ordinal.</summary>
    public IReadOnlyList<int> NodeOfIndicator { get; }

    /// <summary>Indicator ordinals of each node's own indicators.</summary>
    public IReadOnlyList<int[]> OwnIndicators { get; }

    /// <summary>Node ordinals of each node's children.</summary>
    public IReadOnlyList<int[]> Children { get; }

    /// <summary>Parent node ordinal of each node; -1 for a Tujuan.</summary>
    public IReadOnlyList<int> Parents { get; }

    public int IndicatorOrdinal(string code) =>
        _indicatorOrdinals.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"Indikator {code} tidak ada pada rencana {Plan.Year}.");

    public int NodeOrdinal(string code) =>
        _nodeOrdinals.TryGetValue(code, out var n) ? n : throw new KeyNotFoundException($"Node {code} tidak ada pada rencana {Plan.Year}.");

    public Indicator? FindIndicator(string code) => _indicatorOrdinals.TryGetValue(code, out var i) ? Indicators[i] : null;

    public PlanNode? FindNode(string code) => _nodeOrdinals.TryGetValue(code, out var n) ? Nodes[n] : null;
}
