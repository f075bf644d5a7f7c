using C2C.Core.Messages;
namespace C2C.Core.Transit;

/// <param name="AnsweredAt">When the destination prepared the answer: results are awaited from then on.</param>
public sealed record EnquiryAnswered(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string ResponseCode, DateTimeOffset? ArrivedAt,
    DateTimeOffset AnsweredAt)
    : TransitEvent(MessageId, MessageCodes.EnquiryResponse, SenderOffice, RecipientOffice, Origin);
