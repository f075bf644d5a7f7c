using C2C.Core.Ports;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>The core's signing port, backed by this administration's XMLDSig signer.</summary>
public sealed class XmlDsigMessageSigner(XmlMessageSigner signer) : IMessageSigner
{
    public byte[] Sign(ReadOnlySpan<byte> xml) => signer.Sign(xml);
}
