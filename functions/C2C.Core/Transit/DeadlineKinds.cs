namespace C2C.Core.Transit;

/// <summary>Timers of the process manager (departure view).</summary>
public static class DeadlineKinds
{
    /// <summary>End of the day of the time limit: no arrival advice by then → overdue.</summary>
    public const string TimeLimit = "TimeLimit";

    /// <summary>Arrival advised but no control results in time → enquiry.</summary>
    public const string ControlResults = "ControlResults";

    /// <summary>Overdue long enough → send the enquiry request.</summary>
    public const string Enquiry = "Enquiry";

    /// <summary>Enquiry unanswered → unresolved, recovery at departure.</summary>
    public const string EnquiryAnswer = "EnquiryAnswer";
}
