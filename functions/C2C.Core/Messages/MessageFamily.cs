namespace C2C.Core.Messages;

/// <summary>Message families map to topic subscriptions (ARCHITECTURE decision 3).</summary>
public enum MessageFamily
{
    /// <summary>Transit movement messages (NCTS-style), keyed by MRN.</summary>
    Transit,
    /// <summary>SASEC-style pre-arrival cargo data, keyed by consignment reference.</summary>
    Cargo,
    /// <summary>Acknowledgements and errors (functional / XML NACK).</summary>
    Control,
}
