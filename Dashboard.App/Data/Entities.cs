namespace Dashboard.App.Data;

public sealed class PlanRecord
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Agency { get; set; } = "";
    public string Title { get; set; } = "";
    public string? SignedPlace { get; set; }
    public string? SignedDate { get; set; }
    public string? SignerTitle { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<NodeRecord> Nodes { get; set; } = [];
}

public sealed class NodeRecord
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? ParentId { get; set; }
    public string Code { get; set; } = "";
    public int Level { get; set; }
    public string Label { get; set; } = "";
    public string Title { get; set; } = "";
    public int SortOrder { get; set; }
    public List<IndicatorRecord> Indicators { get; set; } = [];
}

public sealed class IndicatorRecord
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int NodeId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public int Polarity { get; set; }
    public int Aggregation { get; set; }
    public decimal AnnualTarget { get; set; }
    public decimal TargetTw1 { get; set; }
    public decimal TargetTw2 { get; set; }
    public decimal TargetTw3 { get; set; }
    public decimal TargetTw4 { get; set; }
    public string? Remark { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>An immutable realisation entry; corrections are new rows that point at what they correct.</summary>
public sealed class RealisationRecord
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int Quarter { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public string? Kecamatan { get; set; }
    public string? Note { get; set; }
    public long? CorrectsId { get; set; }
    /// <summary>Generated sample data ("Data contoh") for demos, never in Production.</summary>
    public bool IsSample { get; set; }
}
