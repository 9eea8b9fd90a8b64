using Dashboard.Domain.Realisations;

namespace Dashboard.Domain.Plans;

/// <summary>Raised once a change to the plan itself (nodes, indicators, targets, a new year) has been committed.</summary>
public sealed record PlanStructureChanged(int Year, string By, DateTimeOffset At) : PlanChange(Year);
