namespace Dashboard.Domain.Status;

/// <summary>Kriteria tingkat capaian kinerja of Permendagri 86/2017.</summary>
public enum Band
{
    SangatRendah = 1,
    Rendah = 2,
    Sedang = 3,
    Tinggi = 4,
    SangatTinggi = 5,
}

public enum TrafficLight
{
    /// <summary>No band: not due, no target, not reported, or no data yet.</summary>
    None,
    Green,
    Yellow,
    Red,
}

/// <summary>The states of an indicator's quarter that are not (only) a band.</summary>
public enum StatusKind
{
    /// <summary>The quarter has ended and has a capaian.</summary>
    Evaluated,
    /// <summary>The quarter has not started yet.</summary>
    NotDue,
    /// <summary>Target 0 and nothing recorded.</summary>
    NoTarget,
    /// <summary>Target 0 and something above it recorded.</summary>
    Exceeded,
    /// <summary>The current quarter, compared against the target pro-rated to today.</summary>
    InProgress,
    /// <summary>The quarter has ended and nothing was recorded in it.</summary>
    NotReported,
    /// <summary>A stored value or target is beyond what can be evaluated (see <see cref="Numbers.ValueBounds"/>): flagged, not computed.</summary>
    Unevaluable,
}

public static class Bands
{
    public const decimal WarningThreshold = 200m;

    /// <summary>Sangat Tinggi &gt; 90; Tinggi &gt; 75 to 90; Sedang &gt; 65 to 75; Rendah &gt; 50 to 65; Sangat Rendah &lt;= 50.</summary>
    public static Band Of(decimal capaian) => capaian switch
    {
        > 90m => Band.SangatTinggi,
        > 75m => Band.Tinggi,
        > 65m => Band.Sedang,
        > 50m => Band.Rendah,
        _ => Band.SangatRendah,
    };

    public static TrafficLight Light(this Band band) => band switch
    {
        Band.SangatTinggi or Band.Tinggi => TrafficLight.Green,
        Band.Sedang or Band.Rendah => TrafficLight.Yellow,
        _ => TrafficLight.Red,
    };

    public static string Label(this Band band) => band switch
    {
        Band.SangatTinggi => "Sangat Tinggi",
        Band.Tinggi => "Tinggi",
        Band.Sedang => "Sedang",
        Band.Rendah => "Rendah",
        _ => "Sangat Rendah",
    };

    /// <summary>The range of capaian the band covers, for tooltips.</summary>
    public static string Range(this Band band) => band switch
    {
        Band.SangatTinggi => "capaian > 90%",
        Band.Tinggi => "75% < capaian ≤ 90%",
        Band.Sedang => "65% < capaian ≤ 75%",
        Band.Rendah => "50% < capaian ≤ 65%",
        _ => "capaian ≤ 50%",
    };

    public static string Label(this StatusKind kind) => kind switch
    {
        StatusKind.NotDue => "Belum waktunya",
        StatusKind.NoTarget => "Tanpa target",
        StatusKind.Exceeded => "Melampaui target 0",
        StatusKind.InProgress => "Berjalan",
        StatusKind.NotReported => "Belum dilaporkan",
        StatusKind.Unevaluable => "Nilai tidak wajar",
        _ => "Dievaluasi",
    };
}
