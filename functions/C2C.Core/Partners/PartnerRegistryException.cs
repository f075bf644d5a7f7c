namespace C2C.Core.Partners;

/// <summary>The partner configuration is inconsistent; every problem found is listed, not just the first.</summary>
public sealed class PartnerRegistryException(IReadOnlyList<string> errors)
    : Exception("invalid partner registry: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
