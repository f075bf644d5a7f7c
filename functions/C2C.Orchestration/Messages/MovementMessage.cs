using C2C.Core.Cargo;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Transit;

namespace C2C.Orchestration.Messages;

/// <summary>
/// One validated message handed to its movement's orchestration (as its first input or as an external event). The
/// ingest has checked signature, schema and parties; what the orchestrator decides on is <see cref="Event"/>, the
/// typed facts; the activities archive and forward <see cref="Raw"/> byte for byte.
/// </summary>
/// <param name="Event">
/// The facts read from the message: a <see cref="TransitEvent"/> as <see cref="TransitEventJson"/>, or for a cargo
/// record (<see cref="IsCargo"/>) a <see cref="CargoEvent"/> as <see cref="CargoEventJson"/>.
/// </param>
/// <param name="FromTopic">
/// Delivered from this node's topic (a partner node sent it): it may be held when early, and a refusal is answered with a
/// NACK on the partner's topic. Posted over HTTP, the caller gets the answer in the response and nothing is held.
/// (Absent from movements started before it existed: they only ever got messages from the topic.)
/// </param>
/// <param name="TraceParent">The W3C trace of the ingest that handed it over: what the movement sends because of it continues that trace.</param>
public sealed record MovementMessage(
    string MessageId,
    string MessageType,
    string MovementReference,
    MessageOrigin Origin,
    string SignatureStatus,
    string Sha256,
    byte[] Raw,
    string Event,
    bool FromTopic = true,
    string? TraceParent = null)
{
    public static MovementMessage Of(ParsedMessage message, MessageOrigin origin, string signatureStatus, bool fromTopic = true) =>
        new(message.Header.MessageId, message.Kind.Code, message.MovementReference ?? throw new ArgumentException("a movement message names its movement", nameof(message)),
            origin, signatureStatus, message.Sha256, message.Raw.ToArray(),
            message.Kind.Family == MessageFamily.Cargo ? CargoEventJson.Serialize(CargoEventReader.Read(message)) : TransitEventJson.Serialize(TransitEventReader.Read(message, origin)),
            fromTopic, TraceContext.TraceParent);

    /// <summary>
    /// An event the node raises itself for a cargo record (a vessel's arrival, for each consignment on board): no bytes
    /// (nothing to archive or sign), no content hash; its id is derived from what caused it.
    /// </summary>
    public static MovementMessage Raised(string reference, CargoEvent e) =>
        new(e.MessageId, e.MessageType, reference, MessageOrigin.Local, "NotSigned", "", [], CargoEventJson.Serialize(e));

    /// <summary>A SASEC cargo record's message (PA001-PA003) or event; everything else is a transit movement's.</summary>
    public bool IsCargo => MessageType == ConsignmentArrived.EventType || MessageCatalog.FindByCode(MessageType)?.Family == MessageFamily.Cargo;

    public TransitEvent ReadEvent() => TransitEventJson.Deserialize(Event);

    public CargoEvent ReadCargoEvent() => CargoEventJson.Deserialize(Event);

    public bool FromPartner => Origin == MessageOrigin.Partner;
}
