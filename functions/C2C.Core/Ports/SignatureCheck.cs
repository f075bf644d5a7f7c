namespace C2C.Core.Ports;

/// <summary>The verdict on a received message's signature.</summary>
/// <param name="Reason">Why, in one sentence (printable ASCII, bounded).</param>
/// <param name="SignedBy">Id of the registered partner whose certificate verified it (valid signatures only).</param>
public sealed record SignatureCheck(SignatureVerdict Verdict, string Reason, string? SignedBy = null)
{
    /// <summary>A partner's valid signature, or a national office's message that needs none.</summary>
    public bool IsValid => Verdict is SignatureVerdict.Valid or SignatureVerdict.Unsigned;

    /// <summary>"Verdict: reason", archived as the message's signature status and used as a dead-letter reason.</summary>
    public string Description => $"{Verdict}: {Reason}";
}
