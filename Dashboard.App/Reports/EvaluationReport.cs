using System.Globalization;
using Dashboard.App.Data;
using Dashboard.App.Meetings;
using Dashboard.App.Realisations;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;

namespace Dashboard.App.Reports;

/// <summary>
/// Laporan evaluasi triwulan: the quarterly evaluation of a Renaksi in the shape of Permendagri 86/2017 form E.81.
/// The print page and both .xlsx sheets render this one model, so they cannot disagree.
/// </summary>
public sealed record EvaluationReport(
    ReportHeader Header,
    IReadOnlyList<ReportRow> Rows,
    ReportFooter Footer,
    ReportSignature Acknowledger,
    ReportSignature Signer)
{
    public const string NoPredikat = "Belum dapat dinilai";

    public IEnumerable<IndicatorRow> IndicatorRows => Rows.OfType<IndicatorRow>();

    public IEnumerable<NodeRow> NodeRows => Rows.OfType<NodeRow>();

    /// <summary>"Evaluasi-Renaksi-2025-TW3.xlsx".</summary>
    public string FileName => FileNameFor(Header.Year, Header.Quarter);

    public static string FileNameFor(int year, int quarter) => $"Evaluasi-Renaksi-{year}-TW{Quarters.Check(quarter)}.xlsx";

    /// <summary>The quarter a report opens on: the last ended quarter of the current year (TW I while it runs), TW IV of a past year.</summary>
    public static int DefaultQuarter(int year, DateOnly today) =>
        year < today.Year ? 4 : year > today.Year ? 1 : Math.Max(1, Quarters.Of(today) - 1);

    public static EvaluationReport Build(PlanSnapshot snapshot, StatusEvaluator evaluator, int quarter,
        IReadOnlyDictionary<string, NarrativeView> narratives, IReadOnlyList<DecisionView> decisions)
    {
        Quarters.Check(quarter);
        var plan = snapshot.Plan;
        var clock = evaluator.Clock;
        var evaluation = snapshot.Evaluation;
        var decided = decisions.Where(d => d.Quarter == quarter).ToLookup(d => d.IndicatorCode, StringComparer.Ordinal);

        var rows = new List<ReportRow>();
        void Add(PlanNode node, string number, int depth)
        {
            var rollup = evaluation.For(node, quarter);
            rows.Add(new NodeRow(node.Code, depth, number, node.Level, node.Level.Label(), node.Title, rollup.AverageCapaian,
                PredikatOf(rollup.AverageCapaian), rollup.IndicatorCount, rollup.WithCapaian));
            foreach (var indicator in node.Indicators)
            {
                rows.Add(IndicatorRowOf(indicator, depth, evaluation, quarter, snapshot,
                    narratives.TryGetValue(indicator.Code, out var n) ? n : NarrativeView.Empty, decided[indicator.Code]));
            }
            for (var i = 0; i < node.Children.Count; i++) Add(node.Children[i], $"{number}.{i + 1}", depth + 1);
        }
        for (var i = 0; i < plan.Roots.Count; i++) Add(plan.Roots[i], (i + 1).ToString(CultureInfo.InvariantCulture), 0);

        var summary = evaluation.Summary(quarter);
        var footer = new ReportFooter(summary.AverageCapaian, PredikatOf(summary.AverageCapaian), summary.Total,
            plan.AllIndicators().Count(i => evaluation.For(i, quarter).Capaian is not null), summary.PerBand, summary.NotReported);

        var today = clock.Today;
        var header = new ReportHeader(plan.Agency, plan.Title, plan.Year, quarter, Quarters.Start(plan.Year, quarter), Quarters.End(plan.Year, quarter),
            TimeZoneInfo.ConvertTime(snapshot.LoadedAt, clock.Zone), today < Quarters.Start(plan.Year, quarter),
            today >= Quarters.Start(plan.Year, quarter) && today <= Quarters.End(plan.Year, quarter),
            snapshot.HasSampleData, snapshot.Unverified(quarter));

        var place = string.IsNullOrWhiteSpace(plan.SignedPlace) ? null : plan.SignedPlace.Trim();
        var signer = new ReportSignature(
            place is null ? ReportText.Date(today) : $"{place}, {ReportText.Date(today)}", null, SignerTitle(plan));
        var acknowledger = new ReportSignature(null, "Mengetahui,", "Kepala Bappeda" + Region(plan.Agency));
        return new EvaluationReport(header, rows, footer, acknowledger, signer);
    }

    public static string PredikatOf(decimal? capaian) => capaian is { } c ? Bands.Of(c).Label() : NoPredikat;

    private static IndicatorRow IndicatorRowOf(Indicator indicator, int depth, PlanEvaluation evaluation, int quarter, PlanSnapshot snapshot,
        NarrativeView narrative, IEnumerable<DecisionView> decisions)
    {
        var statuses = evaluation.For(indicator);
        var status = statuses[quarter - 1];
        // The evaluation of TW n reports what was known by its end: later quarters stay empty.
        var realisations = statuses.Select(s => s.Quarter <= quarter ? s.Realisation : null).ToArray();
        var node = indicator.Node!;
        return new IndicatorRow(indicator.Code, depth, node.Code, node.Level.Label(), node.Title, indicator.Name, indicator.Unit,
            indicator.AnnualTarget, indicator.QuarterTargets, realisations, status.Capaian, status.AnnualProgress, status.Tag, status.Tag.Label,
            status.Warning, indicator.Polarity, narrative.Drivers, narrative.Obstacles, narrative.FollowUp,
            decisions.Select(DecisionText).ToList(), indicator.Remark, snapshot.ReviewOf(indicator.Code, quarter).State);
    }

    private static string DecisionText(DecisionView d) =>
        $"Keputusan rapat: {d.Text} (penanggung jawab: {d.Owner}{(d.DueDate is { } due ? $", tenggat {ReportText.Date(due)}" : "")})";

    /// <summary>
    /// "Kepala Dinas Koperasi dan UKM" + the agency's region: the plan keeps the title short, the form wants it whole.
    /// Only titles are used: names and NIP are written by hand on the printed form.
    /// </summary>
    private static string SignerTitle(Plan plan)
    {
        var full = "Kepala " + plan.Agency.Trim();
        var title = plan.SignerTitle?.Trim();
        if (string.IsNullOrEmpty(title)) return full;
        if (plan.SignedPlace is { Length: > 0 } place && title.Contains(place.Trim(), StringComparison.OrdinalIgnoreCase)) return title;
        return full.StartsWith(title, StringComparison.OrdinalIgnoreCase) ? full : title;
    }

    /// <summary>" Kabupaten Purbalingga" from "Dinas Koperasi dan UKM Kabupaten Purbalingga", or "".</summary>
    private static string Region(string agency)
    {
        foreach (var word in new[] { " Kabupaten ", " Kota ", " Provinsi " })
        {
            var at = agency.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return agency[at..].TrimEnd();
        }
        return "";
    }
}

/// <summary>Kop of the report: whose plan, which quarter, and when the data was read.</summary>
/// <param name="NotDue">The quarter has not started: nothing can be evaluated yet.</param>
/// <param name="InProgress">The quarter is running: capaian compares with the target pro-rated to today.</param>
/// <param name="Unverified">Indicators whose figures for the quarter wait for verification (Diajukan).</param>
public sealed record ReportHeader(string Agency, string PlanTitle, int Year, int Quarter, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateTimeOffset DataTime, bool NotDue, bool InProgress, bool HasSampleData, int Unverified)
{
    public const string FormName = "Formulir E.81 Permendagri 86/2017";

    public string Title => "Laporan Evaluasi Triwulan Rencana Aksi";

    /// <summary>"Triwulan III".</summary>
    public string QuarterLabel => "Triwulan " + Quarters.Roman(Quarter);

    /// <summary>"TW III".</summary>
    public string QuarterShort => Quarters.Label(Quarter);

    /// <summary>"1 Juli 2025 – 30 September 2025".</summary>
    public string Period => $"{ReportText.Date(PeriodStart)} – {ReportText.Date(PeriodEnd)}";

    /// <summary>"15 November 2025 pukul 10.00 WIB".</summary>
    public string DataTimeText => $"{ReportText.Date(DateOnly.FromDateTime(DataTime.DateTime))} pukul {DataTime.ToString("HH.mm", ReportText.Culture)} WIB";

    /// <summary>Remarks the reader must see before trusting the figures.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            var notes = new List<string>();
            if (NotDue) notes.Add($"{QuarterLabel} belum dimulai: belum ada yang dapat dievaluasi.");
            if (InProgress) notes.Add($"{QuarterLabel} masih berjalan: capaian dibandingkan dengan target pro-rata sampai tanggal data.");
            if (Unverified > 0) notes.Add($"{Unverified} indikator memiliki realisasi {QuarterShort} yang belum diverifikasi (Diajukan).");
            if (HasSampleData) notes.Add("Data contoh: berisi realisasi contoh, bukan data resmi.");
            return notes;
        }
    }
}

public abstract record ReportRow(string Code, int Depth);

/// <summary>A Tujuan, Sasaran, Program, Kegiatan or Sub Kegiatan with the rata-rata capaian of the indicators below it.</summary>
/// <param name="Number">Position in the tree ("1", "1.2", "1.2.1"): unambiguous where the document restarts its numbering.</param>
/// <param name="AverageCapaian">Rata-rata capaian of the quarter over the indicators of its subtree that have one.</param>
public sealed record NodeRow(string Code, int Depth, string Number, NodeLevel Level, string LevelLabel, string Title,
    decimal? AverageCapaian, string Predikat, int IndicatorCount, int WithCapaian) : ReportRow(Code, Depth)
{
    public Band? Band => AverageCapaian is { } c ? Bands.Of(c) : null;

    /// <summary>"Sasaran: Meningkatnya Koperasi Sehat".</summary>
    public string Heading => $"{LevelLabel}: {Title}";
}

/// <summary>One indicator: targets, realisation per quarter, capaian of the chosen quarter, predikat and the narratives.</summary>
/// <param name="Targets">Cumulative targets TW I–IV.</param>
/// <param name="Realisations">Realisation per quarter up to the chosen one (cumulative to date or the quarter's latest level); null after it.</param>
/// <param name="Capaian">Against the chosen quarter's cumulative target (pro-rated while the quarter runs).</param>
/// <param name="AnnualCapaian">Against the annual target.</param>
/// <param name="Predikat">The band label, or the state label where there is no band (Belum dilaporkan, Tanpa target, …).</param>
/// <param name="Decisions">Meeting decisions of the quarter on this indicator, as text.</param>
public sealed record IndicatorRow(string Code, int Depth, string NodeCode, string NodeLevelLabel, string NodeTitle,
    string Name, string Unit, decimal AnnualTarget, IReadOnlyList<decimal?> Targets, IReadOnlyList<decimal?> Realisations,
    decimal? Capaian, decimal? AnnualCapaian, StatusTag Tag, string Predikat, bool Warning, Polarity Polarity,
    string? Drivers, string? Obstacles, string? FollowUp, IReadOnlyList<string> Decisions, string? Remark, ReviewState Verification)
    : ReportRow(Code, Depth)
{
    /// <summary>Tindak lanjut as written by the officer, then the meeting's decisions.</summary>
    public string? FollowUpText => string.Join("\n", new[] { FollowUp }.Concat(Decisions).Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } t ? t : null;

    /// <summary>Keterangan: the plan's remark, lower-is-better, and a figure still waiting for verification.</summary>
    public string? Note
    {
        get
        {
            var parts = new List<string>();
            if (!string.IsNullOrWhiteSpace(Remark)) parts.Add(Remark.Trim());
            if (Polarity == Polarity.Negative) parts.Add("Makin kecil makin baik");
            if (Warning) parts.Add("Capaian di atas 200%: periksa kemungkinan salah ketik");
            if (Verification == ReviewState.Submitted) parts.Add("Belum diverifikasi");
            if (Verification == ReviewState.Returned) parts.Add("Dikembalikan ke petugas");
            return parts.Count == 0 ? null : string.Join("; ", parts);
        }
    }
}

/// <summary>Rata-rata capaian kinerja and predikat kinerja over all indicators of the plan.</summary>
public sealed record ReportFooter(decimal? AverageCapaian, string Predikat, int IndicatorCount, int WithCapaian,
    IReadOnlyDictionary<Band, int> PerBand, int NotReported)
{
    public Band? Band => AverageCapaian is { } c ? Bands.Of(c) : null;
}

/// <summary>A signature block: titles only, with blank lines for the name and NIP written by hand.</summary>
public sealed record ReportSignature(string? PlaceDate, string? Caption, string Title)
{
    public const string NameLine = "(………………………)";
    public const string NipLine = "NIP.";
}

/// <summary>Dates as the form writes them, always in Indonesian: "15 November 2025".</summary>
public static class ReportText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);
}
