using C2C.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.RabbitMq;

/// <summary>The RabbitMQ adapter plugged into the core's messaging ports, its settings bound and checked at start.</summary>
public static class RabbitMqRegistration
{
    /// <summary>
    /// Binds <see cref="RabbitMqOptions"/> to <paramref name="section"/> (validated at start) and registers the publisher,
    /// the consumer and the dead-letter queue. <paramref name="onProblem"/> gives the consumer where to report what it
    /// survives (reconnects, refused deliveries): the host's log.
    /// </summary>
    public static IServiceCollection AddRabbitMqMessaging(this IServiceCollection services, IConfigurationSection section,
        Func<IServiceProvider, Action<string, Exception?>>? onProblem = null)
    {
        services.AddOptions<RabbitMqOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>>(new RabbitMqOptionsValidator(section.Path));
        services.AddSingleton(sp => new RabbitMqConnections(sp.GetRequiredService<IOptions<RabbitMqOptions>>().Value));
        services.AddSingleton<RabbitMqPublisher>();
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<RabbitMqPublisher>());
        services.AddSingleton<IMessageConsumer>(sp => new RabbitMqConsumer(sp.GetRequiredService<RabbitMqConnections>(), onProblem?.Invoke(sp)));
        services.AddSingleton<IDeadLetterQueue>(sp => new RabbitMqDeadLetters(sp.GetRequiredService<RabbitMqConnections>()));
        return services;
    }
}
