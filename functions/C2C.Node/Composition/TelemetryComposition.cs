using Azure.Monitor.OpenTelemetry.Exporter;
using C2C.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace C2C.Node.Composition;

/// <summary>
/// Where the node's spans, metrics and logs go (docs/observability.md): to Azure Monitor when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set (Bicep sets it on Azure), to an OTLP collector when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables configure it), both when both are, and nowhere by
/// default. Sources: the exchange's own (<see cref="ExchangeTelemetry"/>), Durable Task's (orchestrations and
/// activities), ASP.NET Core's; in the isolated worker also the Functions worker's (its invocations, continuing the host's trace).
/// </summary>
public static class TelemetryComposition
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Durable Task's activity source (orchestration, activity and client spans, durabletask.* tags).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <returns>The exporters in use, for the start-up log ("none" when telemetry stays in the process).</returns>
    public static string Add(IServiceCollection services, IConfiguration configuration, string country, bool functionsWorker)
    {
        var azureMonitor = configuration[AzureMonitorSetting] is { Length: > 0 } cs ? cs : null;
        // Bicep turns off local authentication on Application Insights: the exporter signs in with the app's identity.
        var entraId = configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true
            ? new Lazy<Azure.Core.TokenCredential>(() => new Azure.Identity.DefaultAzureCredential())
            : null;
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = azureMonitor;
            if (entraId is not null)
                o.Credential = entraId.Value;
        }
        var otlp = configuration[OtlpSetting] is { Length: > 0 } endpoint ? endpoint : null;
        if (azureMonitor is null && otlp is null)
            return "none";
        var telemetry = services.AddOpenTelemetry();
        // The worker's integration first: its resource detector names the service after the app, ours (later, so it wins) after the node.
        if (functionsWorker)
            telemetry.UseFunctionsWorkerDefaults();
        telemetry
            .ConfigureResource(r => r.AddService($"c2c-node-{country.ToLowerInvariant()}", serviceNamespace: "c2c", serviceInstanceId: Environment.MachineName)
                .AddAttributes([new("c2c.country", country)]))
            .WithTracing(t =>
            {
                t.AddSource(ExchangeTelemetry.Name, DurableTaskSource).AddAspNetCoreInstrumentation(o => o.Filter = IsTraced);
                if (otlp is not null)
                    t.AddOtlpExporter();
                if (azureMonitor is not null)
                    t.AddAzureMonitorTraceExporter(AzureMonitor);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(ExchangeTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp is not null)
                    m.AddOtlpExporter();
                if (azureMonitor is not null)
                    m.AddAzureMonitorMetricExporter(AzureMonitor);
            })
            .WithLogging(l =>
            {
                if (otlp is not null)
                    l.AddOtlpExporter();
                if (azureMonitor is not null)
                    l.AddAzureMonitorLogExporter(AzureMonitor);
            });
        return string.Join(" and ", new[] { azureMonitor is null ? null : "Azure Monitor", otlp is null ? null : $"OTLP {otlp}" }.OfType<string>());
    }

    /// <summary>
    /// Health probes every few seconds, and the local engine's own gRPC calls between the Durable worker and its sidecar
    /// in the same process (Durable Task's client, orchestration and activity spans say what they do), would drown the
    /// traces that matter.
    /// </summary>
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/TaskHubSidecarService");
}
