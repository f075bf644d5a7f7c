using C2C.Core.Messages;
namespace C2C.Core.Transit;

/// <summary>An answer that changes nothing but is recorded: status responses, NACKs from a partner.</summary>
public sealed record InformationReceived(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Summary)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin)
{
    /// <summary>The state with this noted: a NACK is something to look into (an alert); a status answer is only kept.</summary>
    public TransitState Note(TransitState state) => MessageType is MessageCodes.FunctionalNack or MessageCodes.XmlNack ? state.Alert($"{MessageType} from {SenderOffice}: {Summary}") : state;
}
