using Azure.Core;
using Azure.Identity;
using C2C.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.ServiceBus;

/// <summary>The Service Bus adapter plugged into the core's messaging ports, its settings bound and checked at start.</summary>
public static class ServiceBusRegistration
{
    /// <summary>
    /// Binds <see cref="ServiceBusMessagingOptions"/> to <paramref name="section"/> (validated at start) and registers
    /// our own namespace for receiving (the SDK's processor per family subscription), one destination per partner
    /// country for sending, the publisher, the consumer and the dead-letter queue. <paramref name="onProblem"/> gives
    /// the publisher and the consumer where to report (the host's log), by the reporting type.
    /// </summary>
    public static IServiceCollection AddServiceBusMessaging(this IServiceCollection services, IConfigurationSection section,
        Func<IServiceProvider, Type, ProblemReport>? onProblem = null)
    {
        var entraId = new Lazy<TokenCredential>(() => new DefaultAzureCredential());
        services.AddOptions<ServiceBusMessagingOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceBusMessagingOptions>>(new ServiceBusMessagingOptionsValidator(section.Path, () => entraId.Value));
        services.AddSingleton(sp => new ServiceBusNamespaces(sp.GetRequiredService<IOptions<ServiceBusMessagingOptions>>().Value, section.Path, () => entraId.Value));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusNamespaces>().Destinations(sp.GetRequiredService<ServiceBusNamespaces>().Own()));
        services.AddSingleton(sp => new ServiceBusPublisher(sp.GetRequiredService<ServiceBusDestinations>(), onProblem?.Invoke(sp, typeof(ServiceBusPublisher))));
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<ServiceBusPublisher>());
        services.AddSingleton(sp => new ServiceBusConsumer(sp.GetRequiredService<ServiceBusNamespaces>().Own(), onProblem?.Invoke(sp, typeof(ServiceBusConsumer))));
        services.AddSingleton<IMessageConsumer>(sp => sp.GetRequiredService<ServiceBusConsumer>());
        services.AddSingleton<IDeadLetterQueue>(sp => new ServiceBusDeadLetters(sp.GetRequiredService<ServiceBusConsumer>()));
        return services;
    }
}
