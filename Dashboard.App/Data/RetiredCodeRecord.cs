namespace Dashboard.App.Data;

/// <summary>A node or indicator code deleted from a plan: never given out again in that plan.</summary>
public sealed class RetiredCodeRecord
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Code { get; set; } = "";
    public DateTimeOffset RetiredAt { get; set; }
}
