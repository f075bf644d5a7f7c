using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>
/// The declaration an anticipated record or a record response copies: the message at hand if it carries one, else the
/// movement's archived declaration the state names (<see cref="Transit.TransitState.DeclarationMessageId"/>: the IE015 or
/// latest IE013 at departure, the record of the highest version at a receiving node), else its first (IE015, IE001 /
/// IE050), read back and validated.
/// </summary>
public static class MovementDeclaration
{
    /// <summary>Messages that carry a declaration in full.</summary>
    public static readonly IReadOnlySet<string> Carriers = new HashSet<string>(StringComparer.Ordinal) { MessageCodes.TransitDeclaration, MessageCodes.DeclarationAmendment, MessageCodes.AnticipatedArrivalRecord, MessageCodes.AnticipatedTransitRecord, MessageCodes.ArrivalRecordResponse, MessageCodes.TransitRecordResponse };

    public static async Task<ParsedMessage> LoadAsync(IMovementIndex index, IMessageArchive archive, MessageValidator validator, string movementReference,
        ParsedMessage? trigger, CancellationToken cancellationToken, string? declarationMessageId = null)
    {
        if (trigger?.Find("Declaration") is not null && (declarationMessageId is null || trigger.Header.MessageId == declarationMessageId))
            return trigger;
        var history = await index.HistoryAsync(movementReference, cancellationToken);
        var first = (declarationMessageId is null ? null : history.FirstOrDefault(e => e.MessageId == declarationMessageId && e.ArchiveName.Length > 0))
            ?? history.FirstOrDefault(e => e.MessageType is MessageCodes.TransitDeclaration or MessageCodes.AnticipatedArrivalRecord or MessageCodes.AnticipatedTransitRecord)
            ?? throw new InvalidOperationException($"movement {movementReference} has no declaration in its history");
        var stored = await archive.ReadAsync(first.ArchiveName, cancellationToken)
            ?? throw new InvalidOperationException($"archive {first.ArchiveName} missing");
        return validator.Validate(stored.Content).Message
            ?? throw new InvalidOperationException($"archived declaration {first.ArchiveName} no longer validates");
    }

    /// <summary>The sender office written in a composed message's header (the archive files it under that office), or null.</summary>
    public static string? SenderOf(byte[] xml)
    {
        var marker = "<MessageSender>"u8;
        var at = xml.AsSpan().IndexOf(marker);
        return at < 0 ? null : System.Text.Encoding.UTF8.GetString(xml, at + marker.Length, 8);
    }
}
