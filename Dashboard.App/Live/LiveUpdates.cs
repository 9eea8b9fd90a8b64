using Dashboard.Domain.Realisations;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.App.Live;

/// <summary>
/// The one publish point for committed changes: fans out to the Blazor circuits that subscribed and to SignalR clients
/// of <see cref="DashboardHub"/>. Holds no user data; subscriptions are disposed by their components.
/// </summary>
public sealed class LiveUpdates(IHubContext<DashboardHub, IDashboardClient> hub, ILogger<LiveUpdates> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    public int SubscriberCount
    {
        get { lock (_gate) return _subscriptions.Count; }
    }

    public IDisposable Subscribe(Func<PlanChange, Task> onChange)
    {
        var subscription = new Subscription(this, onChange);
        lock (_gate) _subscriptions.Add(subscription);
        return subscription;
    }

    public async Task PublishAsync(PlanChange change)
    {
        Subscription[] targets;
        lock (_gate) targets = [.. _subscriptions];

        foreach (var target in targets)
        {
            try
            {
                await target.Handler(change);
            }
            catch (Exception e)
            {
                // One broken circuit must not stop the others from being told.
                logger.LogWarning(e, "Live update to a subscriber failed");
            }
        }

        try
        {
            var group = hub.Clients.Group(DashboardHub.YearGroup(change.Year));
            switch (change)
            {
                case RealisationRecorded recorded:
                    await group.RealisationRecorded(recorded);
                    break;
                case ReviewChanged review:
                    await group.ReviewChanged(review);
                    break;
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Live update to SignalR clients failed");
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions.Remove(subscription);
    }

    private sealed class Subscription(LiveUpdates owner, Func<PlanChange, Task> handler) : IDisposable
    {
        public Func<PlanChange, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
