namespace C2C.Core.Transit;

/// <summary>Movement statuses. The first group is the departure node's view, the second a receiving node's.</summary>
public enum TransitStatus
{
    // Departure view (the office of departure owns the movement and its guarantee).
    Released,
    InTransit,
    Arrived,
    UnderDiscrepancyResolution,
    WrittenOff,
    Cancelled,
    Overdue,
    UnderEnquiry,
    EnquiryUnresolved,

    // Receiving view (an office of transit / border or destination in another country).
    ExpectedAtBorder,
    ExpectedAtDestination,
    CrossedBorder,
    ArrivedAtDestination,
    UnexpectedArrival,
    ControlResultsSent,

    // Departure view, before release (added last: states are stored by name, but the order stays as it was).
    /// <summary>Lodged without a release (IE015 without ReleaseDateTime): amendable (IE013) until released (IE029).</summary>
    Accepted,
}
