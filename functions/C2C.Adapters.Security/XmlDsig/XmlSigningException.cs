namespace C2C.Adapters.Security.XmlDsig;

/// <summary>An outbound message could not be signed. <see cref="Code"/> is machine-readable.</summary>
public sealed class XmlSigningException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public static class Codes
    {
        public const string NoPrivateKey = "NoPrivateKey";
        public const string SigningKeyUnreadable = "SigningKeyUnreadable";
        public const string WeakKey = "WeakKey";
        public const string UnsupportedKey = "UnsupportedKey";
        public const string CertificateNotValidNow = "CertificateNotValidNow";
        public const string MalformedMessage = "MalformedMessage";
        public const string AlreadySigned = "AlreadySigned";
    }
}
