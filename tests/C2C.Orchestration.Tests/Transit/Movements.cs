using C2C.Core.Transit;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>
/// Events of a Lomé → Cinkassé → Ouagadougou movement as the orchestrations receive them, each with its own MRN and
/// message ids; times relative to now, so short corridor durations make its timers fire during the test.
/// </summary>
internal sealed class Movements(string mrn)
{
    private int _id;

    public string Mrn { get; } = mrn;

    public RouteFacts Facts { get; init; } = new("TGLOM001", "BFOUA001",
        [new RouteOffice("TGCIN001", "EXIT"), new RouteOffice("BFCIN001", "ENTRY"), new RouteOffice("BFOUA001", RouteOffice.Destination)],
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), DateTimeOffset.UtcNow.AddHours(-1), "TG 4521 BK");

    public static Movements New() => new(C2C.Testing.Samples.NewMrn());

    public DeclarationReleased Released() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Local, Facts);
    public AnticipatedRecordReceived TransitRecord() => new(Id(), "IE050", "TGLOM001", "BFCIN001", MessageOrigin.Partner, Facts);
    public AnticipatedRecordReceived ArrivalRecord() => new(Id(), "IE001", "TGLOM001", "BFOUA001", MessageOrigin.Partner, Facts);
    public BorderPassage Passage(MessageOrigin origin) => new(Id(), "BFCIN001", "TGLOM001", origin, "BFCIN001", DateTimeOffset.UtcNow, true);
    public ArrivalAdvised Arrival(MessageOrigin origin) => new(Id(), "BFOUA001", "TGLOM001", origin, "BFOUA001", DateTimeOffset.UtcNow);
    public ControlResultsReported Results(MessageOrigin origin, string code = "A1") => new(Id(), "BFOUA001", "TGLOM001", origin, "BFOUA001", code);
    public WriteOffNotified WriteOff() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Partner);

    private static readonly DeclarationIdentity Identity = new("T1", "TGLOM001", "TG1000234567", "Sahel Transit Logistique SARL");
    public DeclarationLodged Lodged() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Local, Facts, Identity);
    public DeclarationAmended Amended(RouteFacts facts) => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Local, facts, Identity, false);
    public ReleaseGranted ReleaseGranted() => new(Id(), "TGLOM001", "TGC2C000", MessageOrigin.Local, DateTimeOffset.UtcNow);

    /// <summary>The message as the ingest hands it over (the fake activities never read the XML).</summary>
    public MovementMessage Deliver(TransitEvent e) =>
        new(e.MessageId, e.MessageType, Mrn, e.Origin, "Valid", "sha-" + e.MessageId, [], TransitEventJson.Serialize(e));

    private string Id() => $"{Mrn[4..]}-{Interlocked.Increment(ref _id)}";
}
