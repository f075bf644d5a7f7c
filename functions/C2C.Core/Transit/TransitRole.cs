namespace C2C.Core.Transit;

public enum TransitRole
{
    /// <summary>This node's country is the country of departure (the MRN's country).</summary>
    Departure,
    /// <summary>This node holds anticipated records for offices of its country on the route.</summary>
    Receiving,
}
