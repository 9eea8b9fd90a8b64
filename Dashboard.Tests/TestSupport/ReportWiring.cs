using Dashboard.App.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.TestSupport;

/// <summary>
/// Adds the evaluation report's services and .xlsx endpoint to the test host while Program.cs does not call
/// <c>AddReports()</c> and <c>MapReportEndpoints()</c> yet. Once it does, both steps find them present and do nothing:
/// this file (and its call in <see cref="AppFactory"/>) can then be deleted.
/// </summary>
public static class ReportWiring
{
    public static void Apply(IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
        {
            services.AddReports();
            services.AddTransient<IStartupFilter, MapWorkbookIfMissing>();
        });

    private sealed class MapWorkbookIfMissing : IStartupFilter
    {
        // After building the pipeline, the WebApplication (Program.cs's route table) is left under this key by UseRouting.
        private const string RouteBuilderKey = "__EndpointRouteBuilder";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Added to Program.cs's own route table before the first request, so the endpoint runs behind its
            // authentication and authorization middleware like any other.
            if (app.Properties.TryGetValue(RouteBuilderKey, out var value) && value is IEndpointRouteBuilder routes &&
                !routes.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
                    .Any(e => e.RoutePattern.RawText == ReportEndpoints.WorkbookPath))
            {
                routes.MapReportEndpoints();
            }
        };
    }
}
