using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;

namespace Dashboard.Tests.TestSupport;

/// <summary>Small hand-built plans for component tests.</summary>
public static class SamplePlans
{
    /// <summary>
    /// T1 (Tujuan) > T1.S1 (Sasaran) > T1.S1.P1 (Program) > T1.S1.P1.K1 (Kegiatan) > T1.S1.P1.K1.SK1 (Sub Kegiatan),
    /// one indicator per node; the Sub Kegiatan's indicator is named "Jumlah koperasi diperiksa".
    /// </summary>
    public static Plan Small()
    {
        var tujuan = new PlanNode("T1", NodeLevel.Tujuan, "Meningkatnya daya saing koperasi", "Tujuan 1");
        tujuan.AddIndicator(new Indicator("T1.I1", "Persentase koperasi berkualitas", "Persentase", 10m, [2.5m, 5m, 7.5m, 10m]));
        var sasaran = tujuan.AddChild(new PlanNode("T1.S1", NodeLevel.Sasaran, "Meningkatnya koperasi sehat", "Sasaran 1"));
        sasaran.AddIndicator(new Indicator("T1.S1.I1", "Persentase koperasi sehat", "Persentase", 60m, [15m, 30m, 45m, 60m]));
        var program = sasaran.AddChild(new PlanNode("T1.S1.P1", NodeLevel.Program, "Pengawasan koperasi", "Program 1"));
        program.AddIndicator(new Indicator("T1.S1.P1.I1", "Persentase koperasi aktif", "Persentase", 80m, [20m, 40m, 60m, 80m]));
        var kegiatan = program.AddChild(new PlanNode("T1.S1.P1.K1", NodeLevel.Kegiatan, "Pemeriksaan koperasi", "Kegiatan 1"));
        kegiatan.AddIndicator(new Indicator("T1.S1.P1.K1.I1", "Jumlah koperasi aktif", "Unit", 100m, [25m, 50m, 75m, 100m]));
        var sub = kegiatan.AddChild(new PlanNode("T1.S1.P1.K1.SK1", NodeLevel.SubKegiatan, "Pelaksanaan pemeriksaan", "Sub Kegiatan 1"));
        sub.AddIndicator(new Indicator("T1.S1.P1.K1.SK1.I1", "Jumlah koperasi diperiksa", "Unit", 100m, [25m, 50m, 75m, 100m]));
        return new Plan(2025, "Dinas Koperasi dan UKM Kabupaten Purbalingga", "Rencana Aksi Tahun 2025", [tujuan]);
    }

    public static StatusEvaluator EvaluatorAt(int year, int month, int day) => new(new AgencyClock(FixedTime.At(year, month, day)));

    public static RealisationEntry Entry(string code, int quarter, decimal value) =>
        new(code, quarter, Quarters.End(2025, quarter).AddDays(-5), value, DateTimeOffset.UnixEpoch);

    /// <summary>A generated plan of about <paramref name="indicators"/> indicators: 2 Tujuan, 2 Sasaran each, 2 Programs each, Kegiatan
    /// with 4 Sub Kegiatan each, one indicator per Sub Kegiatan, alternating cumulative counts and level percentages.</summary>
    public static Plan Synthetic(int indicators)
    {
        var roots = new List<PlanNode>();
        var made = 0;
        var kegiatanPerProgram = Math.Max(1, (int)Math.Ceiling(indicators / 32.0));
        for (var t = 1; t <= 2; t++)
        {
            var tujuan = new PlanNode($"T{t}", NodeLevel.Tujuan, $"Tujuan sintetis {t}");
            roots.Add(tujuan);
            for (var s = 1; s <= 2; s++)
            {
                var sasaran = tujuan.AddChild(new PlanNode($"T{t}.S{s}", NodeLevel.Sasaran, $"Sasaran {s}"));
                for (var p = 1; p <= 2; p++)
                {
                    var program = sasaran.AddChild(new PlanNode($"T{t}.S{s}.P{p}", NodeLevel.Program, $"Program {p}"));
                    for (var k = 1; k <= kegiatanPerProgram && made < indicators; k++)
                    {
                        var kegiatan = program.AddChild(new PlanNode($"{program.Code}.K{k}", NodeLevel.Kegiatan, $"Kegiatan {k}"));
                        for (var sk = 1; sk <= 4 && made < indicators; sk++, made++)
                        {
                            var sub = kegiatan.AddChild(new PlanNode($"{kegiatan.Code}.SK{sk}", NodeLevel.SubKegiatan, $"Sub Kegiatan {sk}"));
                            sub.AddIndicator(made % 2 == 0
                                ? new Indicator($"{sub.Code}.I1", $"Jumlah UMKM dibina {made}", "Unit", 40m, [10m, 20m, 30m, 40m])
                                : new Indicator($"{sub.Code}.I1", $"Persentase koperasi sehat {made}", "Persentase", 80m, [20m, 40m, 60m, 80m],
                                    Polarity.Positive, Aggregation.Level));
                        }
                    }
                }
            }
        }
        return new Plan(2025, "Dinas Sintetis", "Rencana sintetis", roots);
    }
}
