using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Access;

/// <summary>Where a quarter stands for field officers: its entry window, or a planner's lock or reopening.</summary>
public enum QuarterPhase
{
    /// <summary>Belum dimulai.</summary>
    NotStarted,
    /// <summary>Terbuka: inside the entry window.</summary>
    Open,
    /// <summary>Ditutup: the entry window has passed.</summary>
    Closed,
    /// <summary>Dikunci by a planner: closed for everyone.</summary>
    Locked,
    /// <summary>Dibuka kembali by a planner: open regardless of the window.</summary>
    Reopened,
}

public static class QuarterPhases
{
    /// <summary>Mirrors <see cref="EntryWindow.Decide"/> for an officer without a personal exception.</summary>
    public static QuarterPhase Of(int year, int quarter, DateOnly today, int daysAfter, QuarterLock planner) => planner switch
    {
        QuarterLock.Locked => QuarterPhase.Locked,
        QuarterLock.Reopened => QuarterPhase.Reopened,
        _ when today < Quarters.Start(year, quarter) => QuarterPhase.NotStarted,
        _ when today <= EntryWindow.Closes(year, quarter, daysAfter) => QuarterPhase.Open,
        _ => QuarterPhase.Closed,
    };

    public static string Label(this QuarterPhase phase) => phase switch
    {
        QuarterPhase.NotStarted => "Belum dimulai",
        QuarterPhase.Open => "Terbuka",
        QuarterPhase.Closed => "Ditutup",
        QuarterPhase.Locked => "Dikunci",
        QuarterPhase.Reopened => "Dibuka kembali",
        _ => phase.ToString(),
    };

    /// <summary>Whether an officer (without exception) may record now.</summary>
    public static bool OpenForOfficers(this QuarterPhase phase) => phase is QuarterPhase.Open or QuarterPhase.Reopened;
}
