using C2C.Core.Transit;

namespace C2C.Core.Tests.Transit;

/// <summary>Events of the Lomé → Cinkassé → Ouagadougou movement, as the deciders receive them.</summary>
internal static class Journey
{
    public const string Mrn = "26TGLOM000000142J4";
    public static readonly DateTimeOffset Release = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public static readonly RouteFacts Facts = new("TGLOM001", "BFOUA001",
        [new RouteOffice("TGCIN001", "EXIT"), new RouteOffice("BFCIN001", "ENTRY"), new RouteOffice("BFOUA001", RouteOffice.Destination)],
        new DateOnly(2026, 12, 1), Release, "TG 4521 BK");

    private static int _id;

    private static string Id() => $"M{Interlocked.Increment(ref _id)}";

    public static DeclarationReleased Released() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Local, Facts);
    public static AnticipatedRecordReceived TransitRecord() => new(Id(), "IE050", "TGLOM001", "BFCIN001", MessageOrigin.Partner, Facts);
    public static AnticipatedRecordReceived ArrivalRecord() => new(Id(), "IE001", "TGLOM001", "BFOUA001", MessageOrigin.Partner, Facts);
    public static BorderPassage Passage(MessageOrigin origin, string office = "BFCIN001", bool seals = true) =>
        new(Id(), office, "TGLOM001", origin, office, Release.AddDays(1), seals);
    public static ArrivalAdvised Arrival(MessageOrigin origin, string office = "BFOUA001") => new(Id(), office, "TGLOM001", origin, office, Release.AddDays(3));
    public static ControlResultsReported Results(MessageOrigin origin, string code = "A1") => new(Id(), "BFOUA001", "TGLOM001", origin, "BFOUA001", code);
    public static InvalidationDecided Invalidation() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Local, "goods not loaded");
    public static IncidentReported Incident(MessageOrigin origin) => new(Id(), "BFCIN001", "TGLOM001", origin, "3", "transhipment", true);
    public static RecordRequested ArrivalRecordRequest(string office = "BFBOB001") => new(Id(), "IE002", office, "TGLOM001", MessageOrigin.Partner, office);
    public static EnquiryAnswered EnquiryAnswer(string code, DateTimeOffset? arrivedAt = null) =>
        new(Id(), "BFOUA001", "TGLOM001", MessageOrigin.Partner, code, code == "ARRIVED" ? arrivedAt ?? Release.AddDays(9) : null, Release.AddDays(16));
    public static StatusRequested Status(MessageOrigin origin) => new(Id(), "BFOUA001", "TGLOM001", origin);
    public static WriteOffNotified WriteOff() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Partner);
    public static CancellationNotified Cancellation() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Partner);
    public static EnquiryRequested Enquiry() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Partner);
}
