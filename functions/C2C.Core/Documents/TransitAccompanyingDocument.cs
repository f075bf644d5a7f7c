using C2C.Core.Guarantees;

namespace C2C.Core.Documents;

public sealed record DocumentOffice(string Reference, string Role);

public sealed record DocumentParty(string IdentificationNumber, string Name, string Address);

public sealed record DocumentGoodsItem(int Number, string CommodityCode, string Description, string Packages, decimal GrossMass, decimal? StatisticalValue);

/// <summary>The guarantee as the document prints it: what the declaration names and, at departure, what was reserved.</summary>
public sealed record DocumentGuarantee(string Grn, string TypeCode, decimal AmountToBeCovered, string Currency, ReservationStatus? Reservation, decimal? AmountReserved);

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
