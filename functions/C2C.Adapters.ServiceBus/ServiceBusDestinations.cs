namespace C2C.Adapters.ServiceBus;

/// <summary>The configured destination of each partner country (configuration C2C:Messaging:ServiceBus:Destinations:{CC}).</summary>
public sealed class ServiceBusDestinations
{
    private readonly Dictionary<string, ServiceBusDestination> _byCountry;

    public ServiceBusDestinations(IEnumerable<ServiceBusDestination> destinations)
    {
        _byCountry = new Dictionary<string, ServiceBusDestination>(StringComparer.OrdinalIgnoreCase);
        foreach (var destination in destinations)
            if (!_byCountry.TryAdd(destination.Country, destination))
                throw new ArgumentException($"Service Bus destination {destination.Country} is configured twice");
    }

    public IReadOnlyCollection<ServiceBusDestination> All => _byCountry.Values;

    public ServiceBusDestination? Find(string country) => _byCountry.GetValueOrDefault(country);

    /// <exception cref="InvalidOperationException">no usable destination: the caller's outbox keeps the message.</exception>
    public ServiceBusDestination For(string country)
    {
        var destination = Find(country)
            ?? throw new InvalidOperationException($"no Service Bus destination for {country.ToUpperInvariant()}: configure C2C:Messaging:ServiceBus:Destinations:{country.ToUpperInvariant()} (the partner's namespace and our credential there)");
        return destination.Problem is { } problem
            ? throw new InvalidOperationException($"Service Bus destination {destination.Country} is not usable: {problem}")
            : destination;
    }
}
