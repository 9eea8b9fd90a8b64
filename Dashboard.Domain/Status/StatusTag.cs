namespace Dashboard.Domain.Status;

/// <summary>What a status cell shows: the state, and the band where there is one.</summary>
public readonly record struct StatusTag(StatusKind Kind, Band? Band)
{
    public TrafficLight Light => Kind == StatusKind.Exceeded ? TrafficLight.Green : Band?.Light() ?? TrafficLight.None;

    /// <summary>The text label: the band, prefixed by the state where the state matters.</summary>
    public string Label => (Kind, Band) switch
    {
        (StatusKind.Evaluated, { } b) => b.Label(),
        (StatusKind.InProgress, { } b) => $"{b.Label()} (berjalan)",
        (StatusKind.InProgress, null) => "Berjalan, belum ada data",
        _ => Kind.Label(),
    };

    /// <summary>Higher is worse; the roll-up of a node shows the worst tag below it.</summary>
    public int Severity => (Kind, Band) switch
    {
        (StatusKind.Unevaluable, _) => 110,
        (_, global::Dashboard.Domain.Status.Band.SangatRendah) => 100,
        (StatusKind.NotReported, _) => 90,
        (_, global::Dashboard.Domain.Status.Band.Rendah) => 70,
        (_, global::Dashboard.Domain.Status.Band.Sedang) => 60,
        (StatusKind.InProgress, null) => 40,
        (_, global::Dashboard.Domain.Status.Band.Tinggi) => 30,
        (_, global::Dashboard.Domain.Status.Band.SangatTinggi) => 20,
        (StatusKind.Exceeded, _) => 15,
        (StatusKind.NoTarget, _) => 5,
        _ => 0,
    };

    public static StatusTag Worst(IEnumerable<StatusTag> tags)
    {
        StatusTag? worst = null;
        foreach (var tag in tags)
        {
            if (worst is null || tag.Severity > worst.Value.Severity) worst = tag;
        }
        return worst ?? new StatusTag(StatusKind.NoTarget, null);
    }
}
