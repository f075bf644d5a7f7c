using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Node.Composition;

/// <summary>
/// <c>C2C:Messaging:Provider None</c>: an HTTP-only node (conformance testing, a single administration). What a movement
/// would send across the border is composed, signed, archived and in its history as always; with no broker configured
/// it is sent nowhere, said in the log, instead of holding the movement back forever.
/// </summary>
public sealed partial class NoBroker(ILogger<NoBroker> log) : IMessagePublisher
{
    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        NotSent(log, message.MessageType, message.MessageId, message.DestinationCountry);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "no broker configured (C2C:Messaging:Provider None): {MessageType} {MessageId} for {Country} is archived, not sent")]
    private static partial void NotSent(ILogger logger, string messageType, string messageId, string country);
}
