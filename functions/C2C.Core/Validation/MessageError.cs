namespace C2C.Core.Validation;

/// <summary>One FunctionalError of a NACK: code, reason, XPath pointer into the rejected message.</summary>
public sealed record MessageError(string Code, string Reason, string Pointer, string? OriginalValue = null, int? Line = null, int? Position = null)
{
    public bool IsStructural => Code.StartsWith("XML", StringComparison.Ordinal);
}
