using C2C.Core.Cargo;
using C2C.Core.Messages;
using C2C.Core.Transit;
using static C2C.Core.Outbound.MessageComposer;

namespace C2C.Core.Outbound;

/// <summary>Composes what the cargo decider sends itself: the acknowledgement of pre-arrival data (PA002) with its risk flags.</summary>
public static class CargoComposer
{
    /// <param name="state">The consignment's state after the decision (its risk flags, "code|text").</param>
    public static byte[] Compose(TransitIntent intent, string messageId, string reference, CargoState state, DateTimeOffset now)
    {
        if (intent.Kind != MessageCatalog.PreArrivalCargoAck)
            throw new ArgumentException($"{intent.Kind.Code} is not composed by the cargo process");
        var header = new MessageHeader(messageId, intent.CorrelationId, intent.Kind.Code, now, intent.Detail!, intent.RecipientOffice);
        var flags = state.RiskFlags.Select(f => f.Split('|', 2)).Select(f => Element("RiskFlag", new object[] { Element("Code", f[0]), Element("Text", f[1]) }));
        return MessageComposer.Compose(intent.Kind, header,
            Element("ConsignmentReference", reference), Element("Status", state.RiskFlags.Count == 0 ? "ACCEPTED" : "ACCEPTED_WITH_FLAGS"), flags);
    }
}
