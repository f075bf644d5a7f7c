using C2C.Testing.Telemetry;

// C2C.TraceCollector PORT: an OTLP/HTTP collector on 127.0.0.1:PORT until stopped (SIGTERM / Ctrl+C).
if (args.Length != 1 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: C2C.TraceCollector PORT");
    return 2;
}
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();
using var collector = new OtlpReceiver(port);
Console.WriteLine($"OTLP collector on {collector.Endpoint}; GET {collector.Endpoint}/trace/{{traceId}} prints a trace");
try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    // stopped
}
return 0;
