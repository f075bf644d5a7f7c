using C2C.Core.Messages;

namespace C2C.Core.Validation;

/// <summary>
/// Why a message was refused. Structural errors are answered with an XML NACK (IE917), business errors with a
/// functional NACK (IE906). Header and movement reference are filled when they could be read, so the NACK can
/// correlate.
/// </summary>
public sealed record Rejection(IReadOnlyList<MessageError> Errors, MessageHeader? Header = null, string? MovementReference = null)
{
    public MessageKind NackKind => Errors.Any(e => e.IsStructural) ? MessageCatalog.XmlNack : MessageCatalog.FunctionalNack;

    /// <summary>The first error's code (what alerts and metrics are keyed by); empty when there is none.</summary>
    public string FirstCode => Errors.Count > 0 ? Errors[0].Code : "";

    public static Rejection Of(MessageError error, MessageHeader? header = null, string? movementReference = null) =>
        new([error], header, movementReference);
}
