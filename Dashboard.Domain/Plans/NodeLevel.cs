namespace Dashboard.Domain.Plans;

/// <summary>The five levels of a Renaksi tree.</summary>
public enum NodeLevel
{
    /// <summary>Goal.</summary>
    Tujuan = 1,
    /// <summary>Objective (strategic target).</summary>
    Sasaran = 2,
    Program = 3,
    /// <summary>Activity.</summary>
    Kegiatan = 4,
    /// <summary>Sub-activity.</summary>
    SubKegiatan = 5,
}

public static class NodeLevelText
{
    public static string Label(this NodeLevel level) => level switch
    {
        NodeLevel.Tujuan => "Tujuan",
        NodeLevel.Sasaran => "Sasaran",
        NodeLevel.Program => "Program",
        NodeLevel.Kegiatan => "Kegiatan",
        NodeLevel.SubKegiatan => "Sub Kegiatan",
        _ => level.ToString(),
    };
}
