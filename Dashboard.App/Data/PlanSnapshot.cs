using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;

namespace Dashboard.App.Data;

/// <summary>A plan as loaded from the database, with every realisation entry, at one moment.</summary>
public sealed record PlanSnapshot(Plan Plan, IReadOnlyList<RealisationEntry> Entries, bool HasSampleData, DateTimeOffset LoadedAt);
