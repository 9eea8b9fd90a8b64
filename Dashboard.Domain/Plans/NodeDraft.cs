namespace Dashboard.Domain.Plans;

/// <summary>A node's label ("Program 1") and title as typed in the plan editor.</summary>
public sealed record NodeDraft(string? Label, string? Title)
{
    public const int MaxLabel = 100;
    public const int MaxTitle = 1000;

    public const string TitleRequired = "Uraian wajib diisi.";

    public static NodeDraft From(PlanNode node) => new(node.Label, node.Title);

    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(new(PlanFields.Title, TitleRequired));
        else if (title.Length > MaxTitle) errors.Add(new(PlanFields.Title, $"Uraian paling banyak {MaxTitle} karakter."));
        if (Label?.Trim().Length > MaxLabel) errors.Add(new(PlanFields.Label, $"Label paling banyak {MaxLabel} karakter."));
        return errors;
    }
}
