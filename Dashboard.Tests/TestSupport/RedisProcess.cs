using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Tests.TestSupport;

/// <summary>A redis-server of the test's own on a loopback port (Debian's redis-server, installed by test.sh), so the
/// test can stop and start it without touching anyone else's Redis.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private Process? _process;

    public RedisProcess() => Port = AppProcess.FreePort();

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" }) info.ArgumentList.Add(arg);
        try
        {
            _process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server not found: run ./test.sh (it installs Debian's redis-server).", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"redis-server did not listen on {Port}");
    }

    /// <summary>Stops it at once (SIGKILL: an outage, not a goodbye).</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
