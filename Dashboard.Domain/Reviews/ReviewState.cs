namespace Dashboard.Domain.Reviews;

/// <summary>Verification state of an indicator's quarter.</summary>
public enum ReviewState
{
    /// <summary>Nothing recorded yet.</summary>
    None = 0,
    /// <summary>Diajukan: recorded by an officer, waiting for a planner.</summary>
    Submitted = 1,
    /// <summary>Diverifikasi: checked by a planner; read-only for officers.</summary>
    Verified = 2,
    /// <summary>Dikembalikan: sent back to the officer with a reason.</summary>
    Returned = 3,
}

public static class ReviewStates
{
    public static string Label(this ReviewState state) => state switch
    {
        ReviewState.Submitted => "Diajukan",
        ReviewState.Verified => "Diverifikasi",
        ReviewState.Returned => "Dikembalikan",
        _ => "Belum ada",
    };
}
