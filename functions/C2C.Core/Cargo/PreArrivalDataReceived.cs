using C2C.Core.Messages;
namespace C2C.Core.Cargo;

/// <summary>PA001: a consignment's pre-arrival data, sent by an export office or received from the export country.</summary>
/// <param name="CommodityCodes">The HS codes of its goods items (distinct, in document order): what targeting reads.</param>
public sealed record PreArrivalDataReceived(
    string MessageId,
    string SenderOffice,
    string RecipientOffice,
    string? Voyage,
    string? PortOfDischarge,
    DateTimeOffset EstimatedArrival,
    IReadOnlyList<string> CommodityCodes,
    bool HasConsignee)
    : CargoEvent(MessageId, MessageCodes.PreArrivalCargoData, SenderOffice);
