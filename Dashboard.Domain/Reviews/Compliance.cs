using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Reviews;

/// <summary>Kepatuhan pelaporan: whether an indicator's quarter was reported, on time, and what the planner made of it.</summary>
public enum ComplianceState
{
    /// <summary>Belum waktunya: the quarter has not ended yet and nothing is recorded.</summary>
    NotDue,
    /// <summary>Dilaporkan: first recorded before the entry window closed, waiting for or without verification.</summary>
    Reported,
    /// <summary>Terlambat: first recorded after the entry window closed.</summary>
    Late,
    /// <summary>Tidak ada laporan: the quarter has ended and nothing is recorded.</summary>
    Missing,
    /// <summary>Dikembalikan: a planner sent the figures back with a reason.</summary>
    Returned,
    /// <summary>Diverifikasi: a planner checked the figures.</summary>
    Verified,
}

public static class Compliance
{
    /// <summary>Every state, in the order the legend and the counts show them.</summary>
    public static readonly IReadOnlyList<ComplianceState> All =
    [
        ComplianceState.Missing, ComplianceState.Returned, ComplianceState.Late, ComplianceState.Reported, ComplianceState.Verified,
        ComplianceState.NotDue,
    ];

    /// <summary>
    /// The one rule. The planner's verdict wins (verified, returned); otherwise what was recorded: the first entry
    /// after the window closed is late. With nothing recorded the quarter is missing once it has ended (officers
    /// may still be inside the window; that is a task for them, not an excuse on the report).
    /// </summary>
    /// <param name="firstRecordedOn">The agency-local date of the first entry recorded for the quarter, or null.</param>
    public static ComplianceState Classify(int year, int quarter, DateOnly today, int daysAfter, DateOnly? firstRecordedOn, ReviewState review)
    {
        if (review == ReviewState.Verified) return ComplianceState.Verified;
        if (review == ReviewState.Returned) return ComplianceState.Returned;
        if (firstRecordedOn is { } first)
        {
            return first > EntryWindow.Closes(year, quarter, daysAfter) ? ComplianceState.Late : ComplianceState.Reported;
        }
        return today > Quarters.End(year, quarter) ? ComplianceState.Missing : ComplianceState.NotDue;
    }

    /// <summary>States where the officer has something to do: report, or report again.</summary>
    public static bool NeedsAction(this ComplianceState state) => state is ComplianceState.Missing or ComplianceState.Returned;

    public static string Label(this ComplianceState state) => state switch
    {
        ComplianceState.NotDue => "Belum waktunya",
        ComplianceState.Reported => "Dilaporkan",
        ComplianceState.Late => "Terlambat",
        ComplianceState.Missing => "Tidak ada laporan",
        ComplianceState.Returned => "Dikembalikan",
        ComplianceState.Verified => "Diverifikasi",
        _ => state.ToString(),
    };

    public static string Explain(this ComplianceState state) => state switch
    {
        ComplianceState.NotDue => "Triwulan belum berakhir dan belum ada realisasi.",
        ComplianceState.Reported => "Realisasi pertama dicatat sebelum jendela pengisian ditutup.",
        ComplianceState.Late => "Realisasi pertama dicatat setelah jendela pengisian ditutup.",
        ComplianceState.Missing => "Triwulan sudah berakhir dan belum ada realisasi yang dicatat.",
        ComplianceState.Returned => "Dikembalikan perencana dengan alasan; perlu dicatat ulang.",
        ComplianceState.Verified => "Sudah diverifikasi perencana.",
        _ => "",
    };
}
