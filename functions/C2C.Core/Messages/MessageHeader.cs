namespace C2C.Core.Messages;

/// <summary>The header every message carries (schemas/common.xsd, element Header).</summary>
/// <param name="MessageId">Unique per sender; the dedup key.</param>
/// <param name="CorrelationId">MessageId this message answers, if any.</param>
/// <param name="MessageType">Code from <see cref="MessageCatalog"/>.</param>
/// <param name="PreparedAt">Preparation date and time, as written by the sender.</param>
/// <param name="SenderOffice">Customs office reference number (CC + 6 alphanumerics) of the sender.</param>
/// <param name="RecipientOffice">Customs office reference number of the recipient.</param>
public sealed record MessageHeader(
    string MessageId,
    string? CorrelationId,
    string MessageType,
    DateTimeOffset PreparedAt,
    string SenderOffice,
    string RecipientOffice)
{
    /// <summary>Country of an office reference number: its first two letters (ISO 3166-1 alpha-2).</summary>
    public static string CountryOf(string officeRef) => officeRef[..2];
}
