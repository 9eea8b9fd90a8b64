using Dashboard.App.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Tests.TestSupport;

/// <summary>
/// Maps the plan download endpoint in the tests until Program.cs calls <c>app.MapPlanTransfer()</c> (integration step;
/// delete this hook and its line in <see cref="AppFactory"/> then). A branch of its own with routing, authentication and
/// authorization, taken only for <c>/rencana/{year}/ekspor.xlsx</c>.
/// </summary>
internal sealed class PlanTransferEndpointsHook : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWhen(IsExport, branch =>
        {
            branch.UseRouting();
            branch.UseAuthentication();
            branch.UseAuthorization();
            branch.UseEndpoints(endpoints => endpoints.MapPlanTransfer());
        });
        next(app);
    };

    private static bool IsExport(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/rencana") && context.Request.Path.Value!.EndsWith("/ekspor.xlsx", StringComparison.Ordinal);
}
