namespace Dashboard.Domain.Checks;

/// <summary>How much a plan finding matters.</summary>
public enum Severity
{
    /// <summary>Untidy but harmless: evaluation is unaffected (e.g. "unit" next to "Unit").</summary>
    Info,
    /// <summary>Probably a mistake that makes some status or capaian questionable; the planner should look.</summary>
    Warning,
    /// <summary>The indicator cannot be evaluated as planned in any quarter.</summary>
    Error,
}

/// <summary>One data-quality problem found in a plan.</summary>
/// <param name="RuleCode">The rule that found it, see <see cref="PlanRules"/>.</param>
/// <param name="NodeCode">The node concerned, or the node carrying the indicator.</param>
/// <param name="IndicatorCode">The indicator concerned; null for findings about the node itself.</param>
/// <param name="Message">Indonesian, naming the values involved (numbers written as in id-ID).</param>
public sealed record PlanFinding(string RuleCode, Severity Severity, string NodeCode, string? IndicatorCode, string Message);

/// <summary>A plan check as shown in legends and filters.</summary>
/// <param name="Title">Short Indonesian title.</param>
public sealed record PlanRule(string Code, Severity Severity, string Title);
