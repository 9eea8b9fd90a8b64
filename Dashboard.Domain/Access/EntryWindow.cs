using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Access;

/// <summary>A planner's last word on a quarter: locked, or reopened (with a reason).</summary>
public enum QuarterLock
{
    None,
    Locked,
    Reopened,
}

public sealed record WindowDecision(bool Open, string Message);

/// <summary>
/// When officers may record for a quarter: from the quarter's start until <c>daysAfter</c> days after its end, unless a
/// planner locked it (closed for everyone) or reopened it (open), or the user has a personal exception until a date.
/// </summary>
public static class EntryWindow
{
    public static DateOnly Closes(int year, int quarter, int daysAfter) => Quarters.End(year, quarter).AddDays(daysAfter);

    /// <summary>
    /// The moment an entry is judged at: when it was captured on the phone (it may be sent days later), but never after
    /// <paramref name="now"/> (a phone clock running ahead) and never more than <paramref name="boundDays"/> before it
    /// (a claimed capture time cannot reopen a window closed longer ago than that).
    /// </summary>
    public static DateTimeOffset JudgedAt(DateTimeOffset now, DateTimeOffset? capturedAt, int boundDays)
    {
        if (capturedAt is not { } captured || captured >= now) return now;
        var earliest = now - TimeSpan.FromDays(Math.Clamp(boundDays, 0, 3650));
        return captured < earliest ? earliest : captured;
    }

    public static WindowDecision Decide(int year, int quarter, DateOnly today, int daysAfter, QuarterLock planner, DateOnly? exceptionUntil, bool boundByWindow)
    {
        var label = Quarters.Label(quarter);
        if (planner == QuarterLock.Locked)
        {
            return new WindowDecision(false, $"{label} {year} sudah dikunci oleh perencana. Hubungi perencana bila perlu dibuka kembali.");
        }
        if (!boundByWindow || planner == QuarterLock.Reopened) return new WindowDecision(true, $"{label} dibuka.");
        if (exceptionUntil is { } until && today <= until) return new WindowDecision(true, $"{label} dibuka untuk Anda sampai {IdDate(until)}.");

        var start = Quarters.Start(year, quarter);
        if (today < start) return new WindowDecision(false, $"{label} {year} belum dimulai: pengisian dibuka {IdDate(start)}.");
        var closes = Closes(year, quarter, daysAfter);
        return today <= closes
            ? new WindowDecision(true, $"Pengisian {label} dibuka sampai {IdDate(closes)}.")
            : new WindowDecision(false, $"Pengisian {label} {year} ditutup sejak {IdDate(closes.AddDays(1))}. Minta perencana membuka kembali atau memberi pengecualian.");
    }

    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string IdDate(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";
}
