using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using C2C.Core.Guarantees;
using C2C.Core.Messages;

namespace C2C.Core.Documents;

/// <summary>Reads the TAD's content from the declaration (IE015, its latest amendment IE013) or a record that carries it (IE001, IE050, IE003, IE115). Pure.</summary>
public static class TransitDocumentReader
{
    private static readonly XNamespace Ns = ParsedMessage.Ns;

    /// <param name="reservation">The movement's reservation against its guarantee, where this node keeps it (departure).</param>
    /// <param name="version">The declaration's version (1 unless it was amended).</param>
    /// <param name="releasedAt">The release time of a declaration accepted before release (its IE015 / IE013 has none: IE029 gave it).</param>
    public static TransitAccompanyingDocument Read(ParsedMessage declarationMessage, Reservation? reservation, int version = 1, DateTimeOffset? releasedAt = null)
    {
        var d = declarationMessage.Find("Declaration") ?? throw new ArgumentException($"{declarationMessage.Kind.Code} carries no declaration", nameof(declarationMessage));
        var consignment = d.Element(Ns + "Consignment")!;
        var transport = consignment.Element(Ns + "Transport")!;
        var itinerary = d.Element(Ns + "Itinerary")!;
        return new TransitAccompanyingDocument(
            declarationMessage.MovementReference ?? "",
            Text(d, "DeclarationType"),
            d.Element(Ns + "ReleaseDateTime") is { } released ? XmlConvert.ToDateTimeOffset(released.Value)
                : releasedAt ?? throw new ArgumentException("a declaration accepted before release needs its release time", nameof(releasedAt)),
            DateOnly.Parse(Text(d, "TimeLimit"), CultureInfo.InvariantCulture),
            Text(d, "CustomsOfficeOfDeparture"),
            itinerary.Elements(Ns + "CustomsOfficeOfTransit")
                .OrderBy(o => int.Parse(Text(o, "SequenceNumber"), CultureInfo.InvariantCulture))
                .Select(o => new DocumentOffice(Text(o, "ReferenceNumber"), Text(o, "Role"))).ToList(),
            Text(d, "CustomsOfficeOfDestination"),
            itinerary.Elements(Ns + "CountryOfRouting").Select(c => c.Value).ToList(),
            Party(d.Element(Ns + "HolderOfTheTransitProcedure")!),
            Party(consignment.Element(Ns + "Consignor")!),
            Party(consignment.Element(Ns + "Consignee")!),
            $"{Text(transport, "MeansOfTransport", "Identification")} ({Text(transport, "MeansOfTransport", "Nationality")})",
            transport.Elements(Ns + "ContainerIdentificationNumber").Select(c => c.Value).ToList(),
            transport.Element(Ns + "Seals")?.Elements(Ns + "SealIdentifier").Select(s => s.Value).ToList() ?? [],
            consignment.Elements(Ns + "GoodsItem").Select(Goods).ToList(),
            d.Elements(Ns + "Guarantee").Select(g => Guarantee(g, reservation)).ToList(),
            version);
    }

    private static DocumentGoodsItem Goods(XElement g) => new(
        int.Parse(Text(g, "GoodsItemNumber"), CultureInfo.InvariantCulture),
        Text(g, "CommodityCode"),
        Text(g, "DescriptionOfGoods"),
        string.Join(", ", g.Elements(Ns + "Packaging").Select(p => $"{Text(p, "NumberOfPackages")} {Text(p, "TypeOfPackages")}")),
        decimal.Parse(Text(g, "GrossMass"), CultureInfo.InvariantCulture),
        g.Element(Ns + "StatisticalValue") is { } v ? decimal.Parse(v.Value, CultureInfo.InvariantCulture) : null);

    private static DocumentGuarantee Guarantee(XElement g, Reservation? reservation)
    {
        var grn = Text(g, "GuaranteeReferenceNumber");
        var ours = reservation?.Grn == grn ? reservation : null;
        return new DocumentGuarantee(grn, Text(g, "GuaranteeTypeCode"), decimal.Parse(Text(g, "AmountToBeCovered"), CultureInfo.InvariantCulture), Text(g, "Currency"),
            ours?.Status, ours?.Amount);
    }

    private static readonly string[] AddressLines = ["StreetAndNumber", "PostCode", "City", "Country"];

    private static DocumentParty Party(XElement p)
    {
        var address = p.Element(Ns + "Address");
        var parts = address is null ? [] : AddressLines.Select(n => address.Element(Ns + n)?.Value).OfType<string>();
        return new DocumentParty(p.Element(Ns + "IdentificationNumber")?.Value ?? "", p.Element(Ns + "Name")?.Value ?? "", string.Join(", ", parts));
    }

    private static string Text(XElement e, params string[] path)
    {
        var node = e;
        foreach (var name in path)
            node = node.Element(Ns + name) ?? throw new ArgumentException($"{string.Join('/', path)} missing");
        return node.Value;
    }
}
