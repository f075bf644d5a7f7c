using System.Globalization;
using C2C.Core.Outbound;
using C2C.Core.Messages;
using static C2C.Core.Outbound.MessageComposer;

namespace C2C.Core.Guarantees;

/// <summary>
/// The answer to a query on a guarantee (NCTS IE037, the response to IE034), composed by the country of departure for a
/// partner or an auditor: the guarantee's terms and balance and, for the movement asked about, whether it covers it.
/// Not a message of the exchange (<see cref="MessageCatalog"/>): it is the body of an HTTP answer, signed by the node.
/// </summary>
public static class GuaranteeQueryResponse
{
    public static readonly MessageKind Kind = new(MessageCodes.GuaranteeQueryResponse, "GuaranteeQueryResponse", MessageFamily.Control, "Response to a query on a guarantee");

    /// <param name="mrn">The movement asked about, or null; <paramref name="reservation"/> is its reservation against the GRN, if any.</param>
    public static byte[] Compose(string messageId, string senderOffice, string recipientOffice, GuaranteeAccount account, string? mrn, Reservation? reservation,
        DateTimeOffset now)
    {
        var g = account.Guarantee;
        var header = new MessageHeader(messageId, null, Kind.Code, now, senderOffice, recipientOffice);
        return MessageComposer.Compose(Kind, header,
            Element("GuaranteeReferenceNumber", g.Grn),
            Element("QueryDateTime", DateTime(now)),
            Element("Guarantee", new object?[]
            {
                Element("Kind", g.Kind.ToString()),
                Element("ReferenceAmount", Amount(g.ReferenceAmount)),
                Element("Balance", Amount(Math.Max(0, account.Balance))),
                Element("Currency", g.Currency),
                Element("ValidFrom", Date(g.ValidFrom)),
                Element("ValidTo", Date(g.ValidTo)),
                g.Countries.Select(c => Element("ValidInCountry", c)),
                Element("Principal", new object?[]
                {
                    Element("IdentificationNumber", g.Principal.IdentificationNumber),
                    string.IsNullOrEmpty(g.Principal.Name) ? null : Element("Name", g.Principal.Name),
                }),
                Element("Flagged", account.Flagged ? "true" : "false"),
            }),
            mrn is null ? null : Element("Movement", new object?[]
            {
                Element("MRN", mrn),
                Element("Covered", reservation?.Status is ReservationStatus.Reserved or ReservationStatus.Kept ? "true" : "false"),
                Element("ReservationStatus", reservation?.Status.ToString() ?? "None"),
                reservation is null ? null : Element("AmountReserved", Amount(reservation.Amount)),
                reservation is null ? null : Element("ReservedDateTime", DateTime(reservation.ReservedAt)),
            }));
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
