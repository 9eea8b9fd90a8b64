namespace Dashboard.Domain.Plans;

/// <summary>One node of the plan tree (Tujuan, Sasaran, Program, Kegiatan or Sub Kegiatan).</summary>
public sealed class PlanNode
{
    private readonly List<PlanNode> _children = [];
    private readonly List<Indicator> _indicators = [];

    public PlanNode(string code, NodeLevel level, string title, string? label = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (!Enum.IsDefined(level)) throw new ArgumentOutOfRangeException(nameof(level));
        Code = code;
        Level = level;
        Title = title;
        Label = string.IsNullOrWhiteSpace(label) ? level.Label() : label;
    }

    /// <summary>Unique, stable code within the plan, e.g. <c>T1.S2.P1</c>.</summary>
    public string Code { get; }
    public NodeLevel Level { get; }
    /// <summary>The level word and number as the document writes it, e.g. "Program 1".</summary>
    public string Label { get; }
    public string Title { get; }

    /// <summary>The official number or code the document gives the node ("5.01.01" of "Program 5.01.01"), kept in
    /// <see cref="Label"/>; null when the label has none. <see cref="Code"/> stays positional.</summary>
    public string? OfficialCode => Import.NodeLabel.OfficialCode(Label);
    public PlanNode? Parent { get; private set; }
    public IReadOnlyList<PlanNode> Children => _children;
    public IReadOnlyList<Indicator> Indicators => _indicators;

    public PlanNode AddChild(PlanNode child)
    {
        if (child.Parent is not null) throw new InvalidOperationException($"Node {child.Code} sudah punya induk.");
        if (child.Level <= Level) throw new ArgumentException($"{child.Level.Label()} tidak boleh berada di bawah {Level.Label()}.", nameof(child));
        child.Parent = this;
        _children.Add(child);
        return child;
    }

    public Indicator AddIndicator(Indicator indicator)
    {
        if (indicator.Node is not null) throw new InvalidOperationException($"Indikator {indicator.Code} sudah terpasang.");
        indicator.Node = this;
        _indicators.Add(indicator);
        return indicator;
    }

    public IEnumerable<PlanNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in _children)
        {
            foreach (var node in child.SelfAndDescendants()) yield return node;
        }
    }

    /// <summary>Indicators of this node and of every node below it.</summary>
    public IEnumerable<Indicator> SubtreeIndicators() => SelfAndDescendants().SelectMany(n => n.Indicators);

    public IEnumerable<PlanNode> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }
}
