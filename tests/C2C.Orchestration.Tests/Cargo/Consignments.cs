using C2C.Core.Cargo;
using C2C.Core.Transit;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Tests.Cargo;

/// <summary>
/// SASEC events of a Tuticorin (IN) → Malé (MV) voyage as the cargo orchestrations receive them: fresh consignment and
/// voyage references and message ids per test, so tests never meet.
/// </summary>
internal sealed class Consignments
{
    private int _id;

    public string Voyage { get; } = "9312345-V" + Unique(6);

    public static string NewReference() => "TUTMLE" + Unique(10);

    /// <summary>PA001: shrimps (HS 0306, a risk flag at Malé), with a consignee.</summary>
    public PreArrivalDataReceived PreArrival(string consignment) =>
        new(Id(consignment), "INTUT001", "MVMLE001", Voyage, "MVMLE", new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), ["252329", "030617"], HasConsignee: true);

    public PreArrivalAcknowledged Ack(string consignment) => new(Id(consignment), "MVMLE001", "ACCEPTED_WITH_FLAGS", ["HS-0306"]);

    public VesselArrivalReported ArrivalReport(params string[] consignments) =>
        new(Id(Voyage), "MVMLE001", Voyage, "MVMLE", new DateTimeOffset(2026, 11, 26, 6, 35, 0, TimeSpan.Zero), consignments);

    /// <summary>The event as the ingest hands it over (the fake activities never read the XML).</summary>
    public static MovementMessage Deliver(string reference, CargoEvent e, MessageOrigin origin) =>
        new(e.MessageId, e.MessageType, reference, origin, origin == MessageOrigin.Partner ? "Valid" : "NotSigned", "sha-" + e.MessageId, [], CargoEventJson.Serialize(e));

    private string Id(string reference) => $"{reference}-{Interlocked.Increment(ref _id)}";

    private static string Unique(int length) => Guid.NewGuid().ToString("N")[..length].ToUpperInvariant();
}
