using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Transit;

/// <param name="Detail">For composed answers: a code the composer needs (refusal code, enquiry answer...).</param>
public sealed record TransitIntent(MessageKind Kind, IntentAction Action, string RecipientOffice, string? CorrelationId, string? Detail = null);
