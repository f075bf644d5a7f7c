using System.Xml.Linq;

namespace C2C.Testing;

/// <summary>Reads the receipts and NACKs the node answers with.</summary>
public sealed record Answer(int Status, string Outcome, XDocument Xml)
{
    private static readonly XNamespace Ns = "urn:c2c:transit:v1";

    public string Root => Xml.Root!.Name.LocalName;

    public string? Value(string name) => Xml.Root!.Descendants(Ns + name).FirstOrDefault()?.Value;

    public IEnumerable<string> ErrorCodes => Xml.Root!.Descendants(Ns + "ErrorCode").Select(e => e.Value);

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var outcome = response.Headers.TryGetValues("C2C-Outcome", out var values) ? values.First() : "";
        try
        {
            return new Answer((int)response.StatusCode, outcome, XDocument.Load(new MemoryStream(body)));
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"HTTP {(int)response.StatusCode} with a body that is not a receipt or NACK: {System.Text.Encoding.UTF8.GetString(body)}", e);
        }
    }

    public override string ToString() => $"{Status} {Outcome}\n{Xml}";
}
