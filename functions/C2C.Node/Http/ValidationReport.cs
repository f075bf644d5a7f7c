using C2C.Core.Validation;

namespace C2C.Node.Http;

/// <summary>The dry-run answer: what a partner needs to fix its message, as JSON.</summary>
public sealed record ValidationReport(bool Valid, string? MessageType, string? MovementReference, string? Nack, IReadOnlyList<MessageError> Errors, string? Refusal = null)
{
    public static ValidationReport From(ValidationResult result) => result.Message is { } m
        ? new(true, m.Kind.Code, m.MovementReference, null, [])
        : new(false, result.Rejection!.Header?.MessageType, result.Rejection.MovementReference, result.Rejection.NackKind.Code, result.Rejection.Errors);

    public static ValidationReport Refused(string reason) => new(false, null, null, null, [], reason);
}
