namespace C2C.Core.Partners;

/// <summary>This node's own administration: who it is and with which key it signs what it sends.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 code of the administration running the node.</param>
/// <param name="Offices">Customs office reference numbers served by this node.</param>
/// <param name="Signing">Where the signing key is kept (paths only; loading is the security adapter's job).</param>
public sealed record NodeIdentity(string Country, IReadOnlySet<string> Offices, SigningKeyLocation Signing)
{
    public bool Serves(string officeRef) => Offices.Contains(officeRef);
}
