using C2C.Adapters.Security;
using C2C.Adapters.Security.Partners;
using C2C.Adapters.Storage;
using C2C.Core.Dashboard;
using C2C.Core.Exchange;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Cargo;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Core.Xml;
using C2C.Node.Configuration;
using C2C.Node.Security;
using Microsoft.Extensions.Options;

namespace C2C.Node.Composition;

/// <summary>The composition root: binds configuration and plugs the adapters into the core's ports.</summary>
public static class NodeComposition
{
    public const string StorageSection = "C2C:Storage";

    public static HostingMode ModeOf(IConfiguration configuration) =>
        Enum.TryParse<HostingMode>(configuration["Hosting:Mode"], ignoreCase: true, out var mode) ? mode : HostingMode.Standalone;

    public static IServiceCollection AddC2CNode(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<NodeOptions>(configuration.GetSection(NodeOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var registry = services.AddXmlDsigSecurity(configuration.GetSection(IdentityOptions.Section), configuration.GetSection(PartnerOptions.Section), contentRoot);
        services.AddSingleton(new NodeContext(registry.Self.Country));
        services.AddSingleton<ForwardedCertificateTrust>();
        var allowApiKeys = (configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions()).Authentication.AllowApiKeys;
        services.AddSingleton(sp => new CallerResolver(registry, sp.GetRequiredService<ForwardedCertificateTrust>(), allowApiKeys, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton(sp => new MessageValidator(XmlLimits.Default with { MaxBytes = sp.GetRequiredService<IOptions<NodeOptions>>().Value.MaxMessageBytes }));

        // Several nodes may share one account (the local stack): by default each names its container and tables after its country.
        services.AddAzureStorage(configuration.GetSection(StorageSection))
            .PostConfigure<StorageOptions>(o => o.NodeName = o.NodeName is { Length: > 0 } name ? name : registry.Self.Country);

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<NodeOptions>>().Value.Corridor;
            return new CorridorPolicy
            {
                ControlResultsWithin = TimeSpan.FromDays(o.ControlResultsWithinDays),
                EnquiryAfterExpiry = TimeSpan.FromDays(o.EnquiryAfterExpiryDays),
                EnquiryAnswerWithin = TimeSpan.FromDays(o.EnquiryAnswerWithinDays),
                HoldEarlyMessagesFor = TimeSpan.FromSeconds(o.HoldEarlyMessagesSeconds),
                HoldUnknownMovementFor = TimeSpan.FromSeconds(Math.Min(o.HoldUnknownMovementSeconds, o.HoldEarlyMessagesSeconds)),
            }.Validated();
        });
        services.AddSingleton(sp => new RefusedMessages(sp.GetRequiredService<NodeContext>(), sp.GetRequiredService<IMessageArchive>(), sp.GetRequiredService<IAlertLog>()));
        services.AddSingleton(sp => new InboundDeliveryHandler(sp.GetRequiredService<NodeContext>(), registry, sp.GetRequiredService<ISignatureVerifier>(),
            sp.GetRequiredService<IMessageSigner>(), sp.GetRequiredService<MessageValidator>(), sp.GetRequiredService<IMovementExchange>(), sp.GetRequiredService<IMessageArchive>(),
            sp.GetRequiredService<RefusedMessages>(), sp.GetService<IMessagePublisher>(), sp.GetRequiredService<IExchangeLog>()));
        services.AddSingleton<IExchangeLog, ExchangeLog>();

        var exporters = TelemetryComposition.Add(services, configuration, registry.Self.Country, ModeOf(configuration) == HostingMode.Functions);
        services.AddHostedService(sp => new TelemetryAnnouncement(sp.GetRequiredService<ILoggerFactory>().CreateLogger("C2C.Telemetry"), exporters));
        GuaranteeComposition.Add(services, configuration);
        MessagingComposition.Add(services, configuration);
        if (services.Any(d => d.ServiceType == typeof(IDeadLetterQueue)))
            services.AddSingleton(sp => new DeadLetterDesk(sp.GetRequiredService<NodeContext>(), sp.GetRequiredService<IDeadLetterQueue>(), sp.GetRequiredService<InboundDeliveryHandler>(),
                sp.GetRequiredService<IAlertLog>(), sp.GetRequiredService<IOperationsJournal>(), sp.GetRequiredService<IExchangeLog>()));
        if (!services.Any(d => d.ServiceType == typeof(IMessagePublisher)))
            services.AddSingleton<IMessagePublisher>(sp => new NoBroker(sp.GetRequiredService<ILoggerFactory>().CreateLogger<NoBroker>()));
        if (ModeOf(configuration) == HostingMode.Standalone)
        {
            // After the storage initializer: hosted services start in order, and the activities write the archive and index.
            EngineComposition.Add(services, configuration);
            if (services.Any(d => d.ServiceType == typeof(IMessageConsumer)))
            {
                services.AddSingleton<Hosting.Standalone.ConsumerSubscriptions>();
                services.AddHostedService<Hosting.Standalone.InboundConsumers>();
            }
        }
        return services;
    }

    /// <summary>Says at start-up where telemetry goes (or that it stays in the process).</summary>
    private sealed class TelemetryAnnouncement(ILogger log, string exporters) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.TelemetryExport(exporters);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
