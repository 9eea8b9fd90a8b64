using Dashboard.App.Meetings;
using Dashboard.App.Realisations;
using Dashboard.App.Reports;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Reports;

/// <summary>
/// The real 2025 plan on 15 November 2025 (TW III ended) with three indicators recorded for TW III by a planner,
/// narratives on two and a meeting decision on one, and an API token per role.
/// </summary>
public sealed class ReportApp : IAsyncLifetime
{
    /// <summary>Persentase koperasi Sehat (level): TW III target 33,8, annual 65,8. Recorded 30,42: capaian 90,00 = Tinggi (not above 90).</summary>
    public const string Sehat = "T1.S1.I1";

    /// <summary>Jumlah SDM yang memahami pengetahuan perkoperasian (cumulative, Orang): TW 35 70 105 145. 35 + 35 + 40: 110 = 104,76 %.</summary>
    public const string Sdm = "T1.S1.P1.K1.SK1.I1";

    /// <summary>Pertumbuhan volume usaha koperasi (level): TW III target 12, annual 14. Recorded 6: capaian 50,00 = Sangat Rendah.</summary>
    public const string Volume = "T1.S1.P2.I1";

    public const string SehatDrivers = "Pendampingan RAT oleh PPKL di 18 kecamatan";
    public const string VolumeObstacles = "Modal koperasi terbatas; dua KSP besar belum RAT";
    public const string VolumeFollowUp = "Fasilitasi akses pembiayaan LPDB";
    public const string Decision = "Rapat koordinasi dengan LPDB dan bank daerah";

    public AppFactory App { get; } = new(today: "2025-11-15");
    public Dictionary<string, string> Tokens { get; } = [];

    public EvaluationReportService Reports => App.Services.GetRequiredService<EvaluationReportService>();

    public async Task InitializeAsync()
    {
        var service = App.Services.GetRequiredService<RealisationService>();
        var planner = ActingUser.Of("Rina Perencana", Roles.Planner);

        async Task Record(string code, int quarter, EntryKind kind, decimal value, DateOnly date, NarrativeInput? narrative = null)
        {
            var result = await service.RecordAsync(new RecordRealisation(2025, code, quarter, kind, value, date, planner, Confirmed: true, Narrative: narrative));
            if (result.Status != SaveStatus.Saved)
            {
                throw new InvalidOperationException($"{code} TW {quarter}: {result.Status} {string.Join(" | ", result.Issues.Select(i => i.Message))}");
            }
        }

        await Record(Sehat, 3, EntryKind.Level, 30.42m, new DateOnly(2025, 9, 20), new NarrativeInput(SehatDrivers, null, null, 0));
        await Record(Sdm, 1, EntryKind.Increment, 35m, new DateOnly(2025, 3, 10));
        await Record(Sdm, 2, EntryKind.Increment, 35m, new DateOnly(2025, 5, 10));
        await Record(Sdm, 3, EntryKind.Increment, 40m, new DateOnly(2025, 8, 12));
        await Record(Volume, 3, EntryKind.Level, 6m, new DateOnly(2025, 9, 25), new NarrativeInput(null, VolumeObstacles, VolumeFollowUp, 0));
        var decided = await App.Services.GetRequiredService<DecisionService>()
            .AddAsync(planner, 2025, Volume, 3, Decision, "Bidang Koperasi", new DateOnly(2025, 12, 15));
        if (decided.Status != SaveStatus.Saved) throw new InvalidOperationException($"Keputusan: {decided.Status}");

        foreach (var role in Roles.All) Tokens[role] = await App.UserWithTokenAsync($"lap-{role.ToLowerInvariant()}", $"Laporan {role}", role);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReportAppCollection : ICollectionFixture<ReportApp>
{
    public const string Name = "report-app";
}
