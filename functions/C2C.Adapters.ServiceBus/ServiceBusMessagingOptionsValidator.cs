using Azure.Core;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Checked at start by building what the adapter will connect to (no connection is made): each problem names its
/// configuration key. A destination whose key is an unresolved Key Vault reference is no start-up failure: it is
/// listed at /health/ready and refused when used.
/// </summary>
public sealed class ServiceBusMessagingOptionsValidator(string sectionPath, Func<TokenCredential> entraId) : IValidateOptions<ServiceBusMessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceBusMessagingOptions options)
    {
        try
        {
            var namespaces = new ServiceBusNamespaces(options, sectionPath, entraId);
            namespaces.Destinations(namespaces.Own());
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
