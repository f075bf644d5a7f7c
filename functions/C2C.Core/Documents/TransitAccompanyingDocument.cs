using C2C.Core.Guarantees;

namespace C2C.Core.Documents;

/// <summary>
/// The transit accompanying document (TAD) as printed at departure and travelling with the goods: the MRN (also as a
/// Code 128 barcode the border office scans), the offices and route, the time limit, parties, goods, seals and the
/// guarantee. Read from the movement's declaration (<see cref="TransitDocumentReader"/>); rendered by an adapter.
/// </summary>
public sealed record TransitAccompanyingDocument(
    string Mrn,
    string DeclarationType,
    DateTimeOffset ReleasedAt,
    DateOnly TimeLimit,
    string OfficeOfDeparture,
    IReadOnlyList<DocumentOffice> OfficesOfTransit,
    string OfficeOfDestination,
    IReadOnlyList<string> CountriesOfRouting,
    DocumentParty Holder,
    DocumentParty Consignor,
    DocumentParty Consignee,
    string MeansOfTransport,
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> Seals,
    IReadOnlyList<DocumentGoodsItem> Goods,
    IReadOnlyList<DocumentGuarantee> Guarantees,
    int Version);
