using Microsoft.AspNetCore.Identity;

namespace Dashboard.App.Data;

public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown on the dashboard ("Sri Lestari mencatat ...").</summary>
    public string DisplayName { get; set; } = "";
}

/// <summary>An officer assigned to a node (covers its subtree) or to one indicator, in one plan year.</summary>
public sealed class AssignmentRecord
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int Year { get; set; }
    /// <summary>Node or indicator code.</summary>
    public string Code { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public string AssignedBy { get; set; } = "";
}

/// <summary>One step of the verification of an indicator's quarter; the latest row is the current state.</summary>
public sealed class ReviewRecord
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public int Quarter { get; set; }
    public int Version { get; set; }
    /// <summary><see cref="Dashboard.Domain.Reviews.ReviewState"/>.</summary>
    public int State { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}

/// <summary>A planner locking or reopening a quarter of a plan year; the latest row wins.</summary>
public sealed class QuarterLockRecord
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public bool Locked { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}

/// <summary>Lets one user record in a closed quarter until a date.</summary>
public sealed class EntryExceptionRecord
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int Year { get; set; }
    public int Quarter { get; set; }
    public DateOnly Until { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}

/// <summary>Who did what, when, with the state before and after (JSON).</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Entity { get; set; } = "";
    public string? EntityKey { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A revocable API token for scripts; only its SHA-256 is stored.</summary>
public sealed class ApiTokenRecord
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>The one-time link that creates the first admin of a Production install.</summary>
public sealed class SetupTokenRecord
{
    public int Id { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
