using System.Text;
using System.Text.Json;
using C2C.Core.Ports;

namespace C2C.Node.Hosting.Functions;

/// <summary>Reads a Service Bus trigger invocation (binding "message") into the bus delivery the core handles.</summary>
public static class ServiceBusTriggerMessage
{
    public const string BindingName = "message";

    public static BusDelivery ToDelivery(FunctionInvocation invocation)
    {
        var data = FunctionInvocation.Property(invocation.Data, BindingName);
        var body = data.ValueKind switch
        {
            // Text bodies arrive as a JSON string; our messages are UTF-8 XML.
            JsonValueKind.String => Encoding.UTF8.GetBytes(data.GetString()!),
            _ => throw new InvalidDataException($"binding '{BindingName}' is missing or not a string"),
        };
        var properties = FunctionInvocation.Property(invocation.Metadata, "ApplicationProperties");
        if (properties.ValueKind != JsonValueKind.Object)
            properties = FunctionInvocation.Property(invocation.Metadata, "UserProperties");
        string? App(string name) => FunctionInvocation.Property(properties, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

        var message = BusProperties.Read(invocation.MetadataString("MessageId"), invocation.MetadataString("CorrelationId"), body, App);
        var count = int.TryParse(invocation.MetadataString("DeliveryCount"), out var c) ? c : 1;
        return new BusDelivery(message, count);
    }
}
