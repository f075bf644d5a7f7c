namespace C2C.Core.Exchange;

/// <summary>Who this node is: its country and the technical office it speaks as (receipts, NACKs).</summary>
public sealed record NodeContext(string Country)
{
    public string GatewayOffice => Transit.NodeOffices.Gateway(Country);
}
