using Dashboard.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.App.Reports;

public static class ReportEndpoints
{
    public const string WorkbookPath = "/laporan/evaluasi.xlsx";

    /// <summary>GET /laporan/evaluasi.xlsx?tahun=2025&amp;tw=3: the evaluation report as .xlsx, for Admin, Perencana and Kepala Dinas.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(WorkbookPath, DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Overseers })
            .WithName("EvaluationReportWorkbook");
        return app;
    }

    /// <summary>The link the report page offers for a year and quarter.</summary>
    public static string WorkbookUrl(int year, int quarter) => $"{WorkbookPath}?tahun={year}&tw={quarter}";

    private static async Task<IResult> DownloadAsync(int? tahun, int? tw, EvaluationReportService reports, CancellationToken ct)
    {
        if (tw is { } q && q is < 1 or > 4)
        {
            return Results.Problem(statusCode: 400, title: "Triwulan tidak valid", detail: "Parameter tw harus 1 sampai 4.");
        }
        var (year, quarter) = await reports.ResolveAsync(tahun, tw, ct);
        var report = year is { } y ? await reports.BuildAsync(y, quarter, ct) : null;
        if (report is null)
        {
            return Results.Problem(statusCode: 404, title: "Rencana tidak ditemukan", detail: $"Tidak ada rencana untuk tahun {tahun}.");
        }
        var file = new MemoryStream();
        EvaluationWorkbook.Write(report, file);
        file.Position = 0;
        return Results.File(file, EvaluationWorkbook.ContentType, report.FileName);
    }
}
