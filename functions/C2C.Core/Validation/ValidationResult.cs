using C2C.Core.Messages;

namespace C2C.Core.Validation;

/// <summary>Outcome of <see cref="MessageValidator.Validate"/>: exactly one of Message or Rejection is set.</summary>
public sealed record ValidationResult(ParsedMessage? Message, Rejection? Rejection)
{
    public bool IsValid => Message is not null;

    public static ValidationResult Accepted(ParsedMessage message) => new(message, null);

    public static ValidationResult Rejected(Rejection rejection) => new(null, rejection);
}
