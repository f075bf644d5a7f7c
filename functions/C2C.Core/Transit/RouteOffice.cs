namespace C2C.Core.Transit;

/// <summary>An office on the declared route: border / transit offices in sequence, then the destination.</summary>
public sealed record RouteOffice(string Office, string Role)
{
    public const string Destination = "DESTINATION";

    public string Country => Office[..2];
}
