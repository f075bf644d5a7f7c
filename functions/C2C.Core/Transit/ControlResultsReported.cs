using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record ControlResultsReported(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Office, string ResultCode)
    : TransitEvent(MessageId, MessageCodes.ControlResults, SenderOffice, RecipientOffice, Origin)
{
    /// <summary>A1-A4 are satisfactory (the movement can be written off); B1 discrepancies; C1 release refused.</summary>
    public bool Satisfactory => ResultCode.StartsWith('A');
}
