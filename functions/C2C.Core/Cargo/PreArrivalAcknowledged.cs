using C2C.Core.Messages;
namespace C2C.Core.Cargo;

/// <summary>PA002: the import side's acknowledgement, with the codes of the risk flags it raised.</summary>
public sealed record PreArrivalAcknowledged(string MessageId, string SenderOffice, string? Status, IReadOnlyList<string> RiskFlagCodes)
    : CargoEvent(MessageId, MessageCodes.PreArrivalCargoAck, SenderOffice);
