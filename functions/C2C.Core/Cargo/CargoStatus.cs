namespace C2C.Core.Cargo;

public enum CargoStatus
{
    /// <summary>Export side: pre-arrival data sent to the import country.</summary>
    Sent,
    /// <summary>Export side: the import side acknowledged (with or without risk flags).</summary>
    Acknowledged,
    /// <summary>Import side: pre-arrival data received and targeted; the vessel is expected.</summary>
    Announced,
    /// <summary>Import side (voyage): the vessel arrived with the listed consignments.</summary>
    VesselArrived,
    /// <summary>Import side: the consignment arrived and matches the pre-arrival data received for it.</summary>
    Arrived,
    /// <summary>Import side: the consignment arrived with no pre-arrival data (alert: not risk-assessed in advance).</summary>
    ArrivedWithoutPreArrival,
}
