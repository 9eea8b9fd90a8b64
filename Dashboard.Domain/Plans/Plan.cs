namespace Dashboard.Domain.Plans;

/// <summary>Rencana Aksi: an agency's annual action plan, a tree of nodes carrying indicators.</summary>
public sealed class Plan
{
    public Plan(int year, string agency, string title, IEnumerable<PlanNode> roots)
    {
        if (year is < 2000 or > 2100) throw new ArgumentOutOfRangeException(nameof(year), year, "Tahun rencana tidak wajar.");
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        Year = year;
        Agency = agency;
        Title = string.IsNullOrWhiteSpace(title) ? $"Rencana Aksi Tahun {year}" : title;
        Roots = roots.ToList();
        foreach (var root in Roots)
        {
            if (root.Level != NodeLevel.Tujuan) throw new ArgumentException($"Node akar {root.Code} harus Tujuan.", nameof(roots));
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in AllNodes())
        {
            if (!codes.Add(node.Code)) throw new ArgumentException($"Kode node {node.Code} ganda.", nameof(roots));
            foreach (var indicator in node.Indicators)
            {
                if (!codes.Add(indicator.Code)) throw new ArgumentException($"Kode indikator {indicator.Code} ganda.", nameof(roots));
            }
        }
    }

    public int Year { get; }
    public string Agency { get; }
    public string Title { get; }
    public string? SignedPlace { get; init; }
    public string? SignedDate { get; init; }
    public string? SignerTitle { get; init; }
    public IReadOnlyList<PlanNode> Roots { get; }

    /// <summary>Every node, depth first in document order.</summary>
    public IEnumerable<PlanNode> AllNodes() => Roots.SelectMany(r => r.SelfAndDescendants());

    /// <summary>Every indicator in document order (a node's own indicators before its children's).</summary>
    public IEnumerable<Indicator> AllIndicators() => AllNodes().SelectMany(n => n.Indicators);

    public PlanNode? FindNode(string code) => AllNodes().FirstOrDefault(n => n.Code == code);

    public Indicator? FindIndicator(string code) => AllIndicators().FirstOrDefault(i => i.Code == code);
}
