using System.Xml;
using BenchmarkDotNet.Attributes;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Validation;
using C2C.Testing;

namespace C2C.Bench.Micro;

/// <summary>
/// Per-message cost of reading a transit declaration: the bare XmlReader pass is the floor; then the hardened
/// parse + XSD validation the node does on every message; then the XMLDSig signature a cross-border record gets.
/// </summary>
[MemoryDiagnoser]
public class XmlPipelineBenchmarks
{
    private readonly byte[] _declaration = Samples.Bytes("IE015-TransitDeclaration");
    private readonly MessageValidator _validator = new();
    private XmlMessageSigner _signer = null!;

    [GlobalSetup]
    public void Setup() => _signer = new XmlMessageSigner(SigningCredential.FromCertificate(TestCertificates.Ecdsa("bench signing")));

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareReader()
    {
        using var reader = XmlReader.Create(new MemoryStream(_declaration), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var nodes = 0;
        while (reader.Read())
            nodes++;
        return nodes;
    }

    [Benchmark(Description = "hardened parse + XSD validation")]
    public bool Validate() => _validator.Validate(_declaration).Message is not null;

    [Benchmark(Description = "validation + XMLDSig signing (ECDSA P-256)")]
    public int ValidateAndSign() => _validator.Validate(_declaration).Message is not null ? _signer.Sign(_declaration).Length : 0;
}
