using Dashboard.Domain.Realisations;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.App.Live;

/// <summary>What SignalR clients (kiosk screens, integrations) receive.</summary>
public interface IDashboardClient
{
    Task RealisationRecorded(RealisationRecorded change);
}

/// <summary>
/// Hub at <c>/hubs/dashboard</c> for non-Blazor clients: subscribe to a plan year, then receive
/// <see cref="IDashboardClient.RealisationRecorded"/> for every committed realisation of that year.
/// </summary>
public sealed class DashboardHub : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    public static string YearGroup(int year) => $"year-{year}";

    public Task SubscribeYear(int year)
    {
        if (year is < 2000 or > 2100) throw new HubException("Tahun tidak sah.");
        return Groups.AddToGroupAsync(Context.ConnectionId, YearGroup(year));
    }

    public Task UnsubscribeYear(int year) => Groups.RemoveFromGroupAsync(Context.ConnectionId, YearGroup(year));
}
