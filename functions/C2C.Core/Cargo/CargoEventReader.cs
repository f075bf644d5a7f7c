using System.Xml;
using C2C.Core.Messages;

namespace C2C.Core.Cargo;

/// <summary>Turns a validated SASEC message into the event the cargo decider takes.</summary>
public static class CargoEventReader
{
    public static CargoEvent Read(ParsedMessage m)
    {
        var (id, from) = (m.Header.MessageId, m.Header.SenderOffice);
        return m.Kind.Code switch
        {
            MessageCodes.PreArrivalCargoData => new PreArrivalDataReceived(id, from, m.Header.RecipientOffice, m.Value("VoyageReference"), m.Value("PortOfDischarge"),
                Time(m.Value("EstimatedArrivalDateTime")!),
                m.Root.Descendants(ParsedMessage.Ns + "CommodityCode").Select(c => c.Value).Distinct().ToList(), m.Find("Consignee") is not null),
            MessageCodes.PreArrivalCargoAck => new PreArrivalAcknowledged(id, from, m.Value("Status"),
                m.Root.Elements(ParsedMessage.Ns + "RiskFlag").Select(f => f.Element(ParsedMessage.Ns + "Code")!.Value).ToList()),
            MessageCodes.CargoArrivalReport => new VesselArrivalReported(id, from, m.Value("VoyageReference")!, m.Value("PortOfDischarge"), Time(m.Value("ActualArrivalDateTime")!),
                m.Root.Elements(ParsedMessage.Ns + "ConsignmentReference").Select(c => c.Value).Distinct().ToList()),
            _ => throw new ArgumentException($"{m.Kind.Code} is not a cargo message"),
        };
    }

    private static DateTimeOffset Time(string value) => XmlConvert.ToDateTimeOffset(value);
}
