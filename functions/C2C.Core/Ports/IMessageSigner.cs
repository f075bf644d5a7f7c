namespace C2C.Core.Ports;

/// <summary>Signs a cross-border message with this administration's key (XMLDSig, enveloped).</summary>
public interface IMessageSigner
{
    byte[] Sign(ReadOnlySpan<byte> xml);
}
