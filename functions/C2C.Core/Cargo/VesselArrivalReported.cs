using C2C.Core.Messages;
namespace C2C.Core.Cargo;

/// <summary>PA003: the vessel of a voyage arrived at the import port with these consignments on board (distinct).</summary>
public sealed record VesselArrivalReported(string MessageId, string SenderOffice, string Voyage, string? PortOfDischarge, DateTimeOffset ArrivedAt, IReadOnlyList<string> Consignments)
    : CargoEvent(MessageId, MessageCodes.CargoArrivalReport, SenderOffice);
