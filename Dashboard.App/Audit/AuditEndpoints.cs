using Dashboard.Domain.Access;
using Dashboard.Domain.Status;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.App.Audit;

public static class AuditEndpoints
{
    public const string ExportPath = "/audit/export.xlsx";

    /// <summary>Header set when the export stopped at <see cref="AuditQuery.ExportLimit"/> rows.</summary>
    public const string TruncatedHeader = "X-Audit-Truncated";

    /// <summary>GET /audit/export.xlsx?dari=…&amp;sampai=…&amp;pengguna=…&amp;tindakan=…&amp;objek=…&amp;cari=… (the page's filters).</summary>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, async (HttpContext http, AuditQuery audit, AgencyClock clock, CancellationToken ct) =>
            {
                var filter = AuditFilter.FromQuery(http.Request.Query);
                // One more than the limit tells whether the export was cut.
                var rows = await audit.ExportAsync(filter, AuditQuery.ExportLimit + 1, ct);
                if (rows.Count > AuditQuery.ExportLimit)
                {
                    rows.RemoveAt(rows.Count - 1);
                    http.Response.Headers[TruncatedHeader] = "true";
                }
                var file = new MemoryStream();
                AuditWorkbook.Write(rows, clock.Zone, file);
                file.Position = 0;
                return Results.File(file, AuditWorkbook.ContentType, $"log-audit-{clock.Now:yyyyMMdd-HHmm}.xlsx");
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Overseers })
            .WithName("AuditExport");
        return app;
    }
}
