using System.Globalization;
using Dashboard.Domain.Realisations;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.App.Live;

/// <summary>
/// The one publish point for committed changes: brings the shared <see cref="PlanReadModel"/> up to date, then fans out
/// to the Blazor circuits that subscribed and to SignalR clients of <see cref="DashboardHub"/>. Holds no user data;
/// subscriptions are disposed by their components. With several instances the change then goes to the others over
/// the <see cref="ClusterFeed"/>, which hands what they committed to <see cref="DeliverAsync"/>.
/// </summary>
public sealed class LiveUpdates(IHubContext<DashboardHub, IDashboardClient> hub, PlanReadModel plans, ClusterFeed feed, ILogger<LiveUpdates> logger)
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
        plans.Apply(change);
        await FanOutAsync(change);
        feed.Send(change);
    }

    /// <summary>A change committed by another instance (or the feed's own resync notice): the read model, then this
    /// instance's circuits and hub clients; never sent on.</summary>
    public async Task DeliverAsync(PlanChange change)
    {
        plans.Apply(change);
        await FanOutAsync(change);
    }

    private async Task FanOutAsync(PlanChange change)
    {
        Subscription[] targets;
        lock (_gate) targets = [.. _subscriptions];

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        foreach (var target in targets)
        {
            try
            {
                // Each circuit renders in its own language: the publisher's culture (an API call, a test) must not flow into it.
                CultureInfo.CurrentCulture = target.Culture;
                CultureInfo.CurrentUICulture = target.UiCulture;
                await target.Handler(change);
            }
            catch (Exception e)
            {
                // One broken circuit must not stop the others from being told.
                logger.LogWarning(e, "Live update to a subscriber failed");
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
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
                case Dashboard.Domain.Plans.PlanStructureChanged edit:
                    await group.PlanChanged(new PlanChangedNotice(edit.Year, "edit", edit.By, edit.At));
                    break;
                case Dashboard.App.Plans.PlanImported import:
                    await group.PlanChanged(new PlanChangedNotice(import.Year, "import", import.By, import.At));
                    break;
                case FeedResynced resynced:
                    // Changes of other instances may have been missed while Redis was away: read the plan again.
                    await group.PlanChanged(new PlanChangedNotice(resynced.Year, "resync", "", resynced.At));
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

        /// <summary>The subscriber's culture, captured when it subscribed (inside its circuit).</summary>
        public CultureInfo Culture { get; } = CultureInfo.CurrentCulture;

        public CultureInfo UiCulture { get; } = CultureInfo.CurrentUICulture;

        public void Dispose() => owner.Remove(this);
    }
}
