using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;
using MudBlazor;

namespace Dashboard.App.Components.Shared;

/// <summary>How a status looks: CSS class and icon per traffic light or state, and the explanation shown on hover.</summary>
public static class StatusVisuals
{
    public static string CssClass(StatusTag tag) => tag.Light switch
    {
        TrafficLight.Green => "status-green",
        TrafficLight.Yellow => "status-yellow",
        TrafficLight.Red => "status-red",
        _ => tag.Kind is StatusKind.NotReported or StatusKind.Unevaluable ? "status-missing" : "status-none",
    };

    /// <summary>The traffic light as a CSS colour for charts; the same colours as .status-* in app.css.</summary>
    public static string Color(TrafficLight light) => light switch
    {
        TrafficLight.Green => "#1b5e20",
        TrafficLight.Yellow => "#f9a825",
        TrafficLight.Red => "#b71c1c",
        _ => "#90a4ae",
    };

    public static string Icon(StatusTag tag) => (tag.Kind, tag.Light) switch
    {
        (StatusKind.Exceeded, _) => Icons.Material.Filled.TrendingUp,
        (_, TrafficLight.Green) => Icons.Material.Filled.CheckCircle,
        (_, TrafficLight.Yellow) => Icons.Material.Filled.Warning,
        (_, TrafficLight.Red) => Icons.Material.Filled.Cancel,
        (StatusKind.NotReported, _) => Icons.Material.Filled.ReportProblem,
        (StatusKind.Unevaluable, _) => Icons.Material.Filled.ErrorOutline,
        (StatusKind.NotDue, _) => Icons.Material.Filled.Schedule,
        (StatusKind.InProgress, _) => Icons.Material.Filled.HourglassTop,
        _ => Icons.Material.Filled.RemoveCircleOutline,
    };

    public static string BandIcon(Band band) => Icon(new StatusTag(StatusKind.Evaluated, band));

    /// <summary>The tooltip of a quarter cell: band, formula with the numbers, annual progress, warnings.</summary>
    public static string Explain(Indicator indicator, QuarterStatus s)
    {
        var q = Quarters.Label(s.Quarter);
        var lines = new List<string>();
        switch (s.Kind)
        {
            case StatusKind.NotDue:
                lines.Add($"{q} belum dimulai.");
                break;
            case StatusKind.NoTarget:
                lines.Add($"Target {q} adalah 0 dan belum ada realisasi: tidak dinilai.");
                break;
            case StatusKind.Exceeded:
                lines.Add($"Target {q} adalah 0, realisasi {Fmt.Number(s.Realisation)}: dihitung melampaui target.");
                break;
            case StatusKind.NotReported:
                lines.Add($"{q} sudah berakhir dan belum ada realisasi yang dicatat untuk triwulan ini.");
                break;
            case StatusKind.Unevaluable:
                lines.Add($"Nilai tersimpan untuk {q} di luar batas wajar (paling banyak {Fmt.Number(Dashboard.Domain.Numbers.ValueBounds.Max)}) sehingga tidak dinilai. Periksa riwayat dan catat koreksi.");
                break;
            case StatusKind.InProgress:
                lines.Add($"{q} sedang berjalan ({Fmt.Percent1(s.ProRataShare * 100)} hari berlalu). Dibandingkan dengan target pro-rata hari ini: {Fmt.Number(s.ComparedTarget)} dari {Fmt.Number(s.Target)} {indicator.Unit}.");
                break;
        }
        if (s.Band is { } band)
        {
            lines.Add($"{band.Label()}: {band.Range()} (Permendagri 86/2017).");
        }
        if (s.Capaian is { } c && s.Realisation is { } r)
        {
            var numbers = indicator.Polarity == Polarity.Positive
                ? $"{Fmt.Number(r)} ÷ {Fmt.Number(s.ComparedTarget)} × 100 = {Fmt.Percent(c)}"
                : $"(2 × {Fmt.Number(s.ComparedTarget)} − {Fmt.Number(r)}) ÷ {Fmt.Number(s.ComparedTarget)} × 100 = {Fmt.Percent(c)}";
            lines.Add($"{s.Formula}: {numbers}.");
        }
        if (s.AnnualProgress is { } a)
        {
            lines.Add($"Terhadap target tahunan ({Fmt.Number(indicator.AnnualTarget)}): {Fmt.Percent(a)}.");
        }
        if (s.Warning)
        {
            lines.Add("Peringatan: capaian di atas 200%, periksa kemungkinan salah ketik.");
        }
        lines.Add(indicator.Aggregation == Aggregation.Cumulative
            ? "Indikator kumulatif: realisasi = jumlah penambahan sampai akhir triwulan."
            : "Indikator nilai: realisasi = nilai terakhir yang dicatat pada triwulan.");
        return string.Join(" ", lines);
    }

    public static string ExplainRollup(NodeRollup r)
    {
        var q = Quarters.Label(r.Quarter);
        var avg = r.AverageCapaian is { } c
            ? $"Rata-rata capaian {r.WithCapaian} dari {r.IndicatorCount} indikator di bawahnya pada {q}: {Fmt.Percent(c)} ({Bands.Of(c).Label()})."
            : $"Belum ada capaian yang bisa dirata-rata pada {q} ({r.IndicatorCount} indikator).";
        return $"{avg} Status terburuk di bawahnya: {r.Worst.Label}.";
    }
}
