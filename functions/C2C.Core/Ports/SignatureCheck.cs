namespace C2C.Core.Ports;

/// <param name="Status">Archived as the message's signature status (e.g. "Valid", "Invalid: digest mismatch").</param>
/// <param name="SignedBy">Id of the registered partner whose certificate verified it (valid signatures only).</param>
public sealed record SignatureCheck(bool IsValid, string Status, string? SignedBy = null);
