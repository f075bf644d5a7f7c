using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Node.Composition;

/// <summary>
/// <c>C2C:Messaging:Provider None</c>: an HTTP-only node (conformance testing, a single administration). What a movement
/// would send across the border is composed, signed, archived and in its history as always; with no broker configured
/// it is sent nowhere, said in the log, instead of holding the movement back forever.
/// </summary>
public sealed class NoBroker(ILogger<NoBroker> log) : IMessagePublisher
{
    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        log.NotSent(message.MessageType, message.MessageId, message.DestinationCountry);
        return Task.CompletedTask;
    }
}
