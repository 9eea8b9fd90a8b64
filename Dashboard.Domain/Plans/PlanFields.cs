namespace Dashboard.Domain.Plans;

/// <summary>A refusal that belongs next to one field of the plan editor (<see cref="PlanFields"/>).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Field names shared by the plan-editing rules, the service and the forms.</summary>
public static class PlanFields
{
    public const string Name = nameof(Name);
    public const string Unit = nameof(Unit);
    public const string AnnualTarget = nameof(AnnualTarget);
    public const string Remark = nameof(Remark);
    public const string Aggregation = nameof(Aggregation);
    public const string Label = nameof(Label);
    public const string Title = nameof(Title);
    public const string Level = nameof(Level);
    public const string Parent = nameof(Parent);
    /// <summary>Not tied to a field: shown above the form.</summary>
    public const string General = "";

    /// <summary>"Tw1".."Tw4".</summary>
    public static string Quarter(int quarter) => "Tw" + Quarters.Check(quarter);
}
