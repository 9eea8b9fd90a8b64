namespace Dashboard.App.Live;

/// <summary>Per circuit: raised when the browser reconnected, so pages reload their data and miss no update.</summary>
public sealed class CircuitEvents
{
    public event Func<Task>? Reconnected;

    public async Task RaiseReconnectedAsync()
    {
        if (Reconnected is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>()) await handler();
        }
    }
}
