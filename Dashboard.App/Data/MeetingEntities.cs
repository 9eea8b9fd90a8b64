namespace Dashboard.App.Data;

/// <summary>A decision or follow-up action (tindak lanjut) taken in a quarterly evaluation meeting.</summary>
public sealed class DecisionRecord
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    /// <summary>The quarter the meeting evaluated.</summary>
    public int Quarter { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Penanggung jawab.</summary>
    public string Owner { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
