using Dashboard.Domain.Plans;

namespace Dashboard.App.Plans;

public enum PlanEditStatus
{
    Saved,
    /// <summary>Refused by a rule; <see cref="PlanEditResult.Errors"/> says which, per field.</summary>
    Invalid,
    /// <summary>Someone changed the node or indicator since it was opened; <see cref="PlanEditResult.Conflict"/> holds what is stored now.</summary>
    Conflict,
    NotFound,
}

/// <summary>What a stale edit found in the database instead of the version it started from.</summary>
/// <param name="Node">The node's current label and title (for node edits).</param>
/// <param name="Indicator">The indicator's current values, numbers written as in id-ID (for indicator edits).</param>
/// <param name="ParentCode">Where the node or indicator hangs now.</param>
/// <param name="By">Who made the last plan change to it, from the audit log.</param>
public sealed record PlanEditConflict(string Message, int CurrentVersion, NodeDraft? Node, IndicatorDraft? Indicator, string? ParentCode, string? By,
    DateTimeOffset? At);

public sealed record PlanEditResult(PlanEditStatus Status, IReadOnlyList<FieldError> Errors, string? Code = null, int? Version = null,
    PlanEditConflict? Conflict = null)
{
    public bool Ok => Status == PlanEditStatus.Saved;

    public string Message => Conflict?.Message ?? string.Join(" ", Errors.Select(e => e.Message));

    /// <summary>The messages for one field, or null when it has none.</summary>
    public string? For(string field)
    {
        var messages = Errors.Where(e => e.Field == field).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public static PlanEditResult Saved(string code, int? version = null) => new(PlanEditStatus.Saved, [], code, version);

    public static PlanEditResult Invalid(string field, string message) => new(PlanEditStatus.Invalid, [new FieldError(field, message)]);

    public static PlanEditResult Invalid(IReadOnlyList<FieldError> errors) => new(PlanEditStatus.Invalid, errors);

    public static PlanEditResult NotFound(string message) => new(PlanEditStatus.NotFound, [new FieldError(PlanFields.General, message)]);
}

/// <summary>A plan as the editor needs it: the tree, the version of every node and indicator, and which indicators have reports.</summary>
/// <param name="Reported">Codes of indicators with realisation, narratives or evidence: they cannot be deleted.</param>
public sealed record PlanEditView(Plan Plan, IReadOnlyDictionary<string, int> Versions, IReadOnlySet<string> Reported)
{
    public int VersionOf(string code) => Versions.GetValueOrDefault(code);

    public bool HasReports(PlanNode node) => node.SubtreeIndicators().Any(i => Reported.Contains(i.Code));
}
