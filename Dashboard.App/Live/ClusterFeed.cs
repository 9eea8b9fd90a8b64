using System.Text.Json;
using Dashboard.App.Data;
using Dashboard.App.Plans;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using StackExchange.Redis;

namespace Dashboard.App.Live;

/// <summary><c>Redis</c>: the cross-instance live feed. Without <see cref="Configuration"/> the app runs alone.</summary>
public sealed class ClusterFeedOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis1:6379,password=…</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>The pub/sub channel; instances of one deployment share it (another deployment on the same Redis picks another).</summary>
    public string Channel { get; set; } = "renaksi:live";
}

/// <summary>What another instance committed, as it travels on the channel.</summary>
public sealed record FeedMessage(string Origin, string Type, JsonElement Change);

/// <summary>Published locally (never on the channel) for every held plan year once the feed is back after an outage:
/// the read model was rebuilt from the database, pages read it again.</summary>
public sealed record FeedResynced(int Year, DateTimeOffset At) : PlanChange(Year);

/// <summary>
/// The cross-instance live feed over Redis pub/sub (not the SignalR Redis backplane, whose outage stalls Blazor
/// circuits): <see cref="LiveUpdates"/> sends every committed change here after its local fan-out, and
/// <see cref="ClusterFeedListener"/> applies what other instances sent to this instance's read model, circuits and hub
/// clients. While Redis is away nothing waits for it: saves commit and reach this instance's screens, the live
/// indicator says the other servers are not in the picture, and when Redis returns the read model is rebuilt from the
/// database (so nothing committed meanwhile elsewhere is missed).
/// </summary>
public sealed class ClusterFeed : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ClusterFeedOptions _options;
    private readonly ILogger<ClusterFeed> _logger;
    private ConnectionMultiplexer? _redis;
    private volatile bool _connected;

    public ClusterFeed(Microsoft.Extensions.Options.IOptions<ClusterFeedOptions> options, ILogger<ClusterFeed> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>This process on the channel (its own messages come back and are skipped).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public bool Enabled => !string.IsNullOrWhiteSpace(_options.Configuration);

    /// <summary>True while Redis carries changes both ways (always true when the feed is not enabled: nothing is missing).</summary>
    public bool Connected => !Enabled || _connected;

    public RedisChannel Channel => RedisChannel.Literal(_options.Channel);

    /// <summary>Raised when <see cref="Connected"/> changes (from a Redis thread: handlers must not block).</summary>
    public event Action<bool>? StatusChanged;

    /// <summary>Raised when the feed is back after an outage, before the status changes.</summary>
    public event Func<Task>? Restored;

    internal ConnectionMultiplexer? Redis => _redis;

    /// <summary>Connects in the background; returns at once even when Redis is down (it keeps retrying).</summary>
    public async Task StartAsync()
    {
        if (!Enabled || _redis is not null) return;
        var config = ConfigurationOptions.Parse(_options.Configuration!);
        config.AbortOnConnectFail = false;
        config.ConnectRetry = 1;
        config.ConnectTimeout = 2000;
        config.ReconnectRetryPolicy = new LinearRetry(500);
        config.ClientName = $"renaksi-{Environment.MachineName}-{InstanceId[..8]}";
        _redis = await ConnectionMultiplexer.ConnectAsync(config);
        _redis.ConnectionFailed += (_, e) =>
        {
            _logger.LogWarning("Redis live feed lost ({Type}, {Failure}): this instance serves and records alone", e.ConnectionType, e.FailureType);
            SetConnected(false);
        };
        _redis.ConnectionRestored += (_, e) =>
        {
            _logger.LogInformation("Redis live feed back ({Type})", e.ConnectionType);
            _ = OnRestoredAsync();
        };
        SetConnected(_redis.IsConnected);
    }

    private async Task OnRestoredAsync()
    {
        // Both connections (interactive, subscription) report back separately: resync once they both are.
        if (_redis is not { IsConnected: true } || _connected) return;
        try
        {
            if (Restored is { } handlers)
            {
                foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>()) await handler();
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Rebuilding the read model after the Redis live feed came back failed");
        }
        SetConnected(true);
    }

    internal void SetConnected(bool connected)
    {
        if (_connected == connected) return;
        _connected = connected;
        StatusChanged?.Invoke(connected);
    }

    /// <summary>Sends a committed change to the other instances; never waits for Redis and never throws.</summary>
    public void Send(PlanChange change)
    {
        if (_redis is null || !_connected || TypeName(change) is not { } type) return;
        try
        {
            _redis.GetSubscriber().Publish(Channel, Write(change, type), CommandFlags.FireAndForget);
        }
        catch (Exception e)
        {
            // Redis just went away: the others rebuild from the database when it is back.
            _logger.LogWarning(e, "Sending a change on the Redis live feed failed");
        }
    }

    /// <summary>The message for a change, as it goes on the channel.</summary>
    public string Write(PlanChange change) =>
        Write(change, TypeName(change) ?? throw new ArgumentException($"{change.GetType().Name} does not travel between instances.", nameof(change)));

    private string Write(PlanChange change, string type) =>
        JsonSerializer.Serialize(new FeedMessage(InstanceId, type, JsonSerializer.SerializeToElement(change, change.GetType(), Json)), Json);

    /// <summary>The change in a message from another instance; null for this instance's own or an unknown type.</summary>
    public PlanChange? Read(string payload)
    {
        var message = JsonSerializer.Deserialize<FeedMessage>(payload, Json);
        if (message is null || message.Origin == InstanceId) return null;
        return message.Type switch
        {
            nameof(RealisationRecorded) => message.Change.Deserialize<RealisationRecorded>(Json),
            nameof(ReviewChanged) => message.Change.Deserialize<ReviewChanged>(Json),
            nameof(PlanStructureChanged) => message.Change.Deserialize<PlanStructureChanged>(Json),
            nameof(PlanImported) => message.Change.Deserialize<PlanImported>(Json),
            _ => null,
        };
    }

    private static string? TypeName(PlanChange change) => change switch
    {
        RealisationRecorded or ReviewChanged or PlanStructureChanged or PlanImported => change.GetType().Name,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }
}

/// <summary>Receives the other instances' changes in the order they were sent and applies them here: an entry is read
/// back from the shared database (the committed row, not the message) into the read model, then every change goes to
/// this instance's circuits and hub clients. When Redis is back after an outage, every held plan is rebuilt.</summary>
public sealed class ClusterFeedListener(ClusterFeed feed, LiveUpdates live, PlanReadModel plans, PlanRepository repository,
    TimeProvider time, ILogger<ClusterFeedListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!feed.Enabled) return;
        feed.Restored += ResyncAsync;
        await feed.StartAsync();
        ChannelMessageQueue? queue = null;
        while (queue is null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Kept by the multiplexer across reconnects once made.
                queue = await feed.Redis!.GetSubscriber().SubscribeAsync(feed.Channel);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Subscribing to the Redis live feed failed ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        if (queue is null) return;
        stoppingToken.Register(() => queue.Unsubscribe());
        try
        {
            await foreach (var message in queue.WithCancellation(stoppingToken))
            {
                await HandleAsync(message.Message.ToString(), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Applies one message from the channel (public for the tests).</summary>
    public async Task HandleAsync(string payload, CancellationToken ct = default)
    {
        try
        {
            var change = feed.Read(payload);
            if (change is null) return;
            if (change is RealisationRecorded recorded && await repository.LoadEntryAsync(recorded.EntryId, ct) is { } found)
            {
                plans.ApplyEntry(recorded.Year, found.Entry, found.Review, recorded.RecordedAt);
            }
            await live.DeliverAsync(change);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A change from the Redis live feed could not be applied");
        }
    }

    private async Task ResyncAsync()
    {
        var now = time.GetUtcNow();
        foreach (var year in plans.HeldYears)
        {
            plans.Invalidate(year);
            await live.DeliverAsync(new FeedResynced(year, now));
        }
    }
}
