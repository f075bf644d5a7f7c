using Microsoft.Extensions.Options;

namespace C2C.Adapters.RabbitMq;

/// <summary>Checked at start: one message per bad setting, each naming its configuration key.</summary>
public sealed class RabbitMqOptionsValidator(string sectionPath) : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var problems = new List<string>();
        // Bound from configuration, Uri may be absent although the type requires it.
        if (options.Uri is not { IsAbsoluteUri: true } uri || uri.Scheme is not ("amqp" or "amqps"))
            problems.Add($"{sectionPath}:Uri must be an amqp:// URI (was '{options.Uri}')");
        if (options.Prefetch < 1)
            problems.Add($"{sectionPath}:Prefetch must be between 1 and 65535 (was {options.Prefetch})");
        if (options.MaxConcurrentDeliveries < 1)
            problems.Add($"{sectionPath}:MaxConcurrentDeliveries must be between 1 and 65535 (was {options.MaxConcurrentDeliveries})");
        // Quorum queues take 1 and up; 0 or less would mean "never dead-letter" to some brokers, retry forever to others.
        if (options.DeliveryLimit < 1)
            problems.Add($"{sectionPath}:DeliveryLimit must be at least 1 (was {options.DeliveryLimit})");
        if (options.PublishTimeout <= TimeSpan.Zero)
            problems.Add($"{sectionPath}:PublishTimeout must be positive (was {options.PublishTimeout})");
        if (options.MaxReconnectDelay <= TimeSpan.Zero)
            problems.Add($"{sectionPath}:MaxReconnectDelay must be positive (was {options.MaxReconnectDelay})");
        if (string.IsNullOrWhiteSpace(options.ConnectionName))
            problems.Add($"{sectionPath}:ConnectionName must not be empty");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
