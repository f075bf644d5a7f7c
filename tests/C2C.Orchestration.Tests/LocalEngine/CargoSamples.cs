using System.Text;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;
using C2C.Testing;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// The SASEC samples (Tuticorin → Malé) rewritten for one test: its own consignment and voyage references and message
/// ids, as the nodes' ingest hands them over.
/// </summary>
internal sealed class CargoSamples
{
    private const string SampleConsignment = "TUTMLE2611240001";
    private const string SampleVoyage = "9312345-V2611";
    private static readonly MessageValidator Validator = new();

    private readonly string _tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public string Consignment => $"TUTMLE{_tag}01";

    public string Voyage => $"9312345-V{_tag}";

    /// <summary>Another consignment of the test (not in any pre-arrival data unless the test sends some).</summary>
    public string Other(int number) => $"TUTMLE{_tag}{number + 1:D2}";

    /// <summary>Tuticorin's office sends the consignment's pre-arrival data to Malé.</summary>
    public MovementMessage PreArrival() => Message("PA001-PreArrivalCargoData", MessageOrigin.Local);

    /// <summary>Malé's port office reports the vessel's arrival with <paramref name="consignments"/> on board.</summary>
    public MovementMessage ArrivalReport(params string[] consignments)
    {
        var xml = Sample("PA003-CargoArrivalReport").Replace($"<ConsignmentReference>{Consignment}</ConsignmentReference>",
            string.Concat(consignments.Select(c => $"<ConsignmentReference>{c}</ConsignmentReference>\n")), StringComparison.Ordinal);
        return Parse(Encoding.UTF8.GetBytes(xml), MessageOrigin.Local);
    }

    /// <summary>A message as the node's ingest hands it over after its checks (a partner's: its signature verified).</summary>
    public static MovementMessage Parse(byte[] xml, MessageOrigin origin)
    {
        var result = Validator.Validate(xml);
        var parsed = result.Message ?? throw new InvalidOperationException($"sample: {result.Rejection!.Errors[0].Reason}");
        return MovementMessage.Of(parsed, origin, origin == MessageOrigin.Partner ? "Valid" : "NotSigned");
    }

    private MovementMessage Message(string sample, MessageOrigin origin) => Parse(Encoding.UTF8.GetBytes(Sample(sample)), origin);

    private string Sample(string name) =>
        Samples.Text(name).Replace(SampleConsignment, Consignment, StringComparison.Ordinal).Replace(SampleVoyage, Voyage, StringComparison.Ordinal)
            .Replace("</MessageId>", $"-{_tag}</MessageId>", StringComparison.Ordinal);
}
