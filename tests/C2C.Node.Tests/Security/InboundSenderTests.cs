using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Security;

/// <summary>
/// A partner node's delivery is applied only if the administration whose certificate verified it owns the sender
/// office and the recipient office is one of ours. Burkina Faso registers two Togolese administrations here: customs
/// (offices TGLOM001, TGCIN001) and the port authority (office TGPRT001), each with its own signing certificate.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class InboundSenderTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");
    private readonly X509Certificate2 _port = TestCertificates.Ecdsa("Port autonome de Lomé (test)");

    public void Dispose()
    {
        _port.Dispose();
        _network.Dispose();
    }

    private InProcessNode Burkina()
    {
        var pem = Path.Combine(_network.Directory, "TG_PORT.signing.crt.pem");
        File.WriteAllText(pem, _port.ExportCertificatePem());
        return new InProcessNode(_network, "BF", stack, b => b
            .UseSetting("C2C:Partners:TG_PORT:Country", "TG")
            .UseSetting("C2C:Partners:TG_PORT:Roles:0", "Partner")
            .UseSetting("C2C:Partners:TG_PORT:Offices:0", "TGPRT001")
            .UseSetting("C2C:Partners:TG_PORT:SigningCertificates:0:PemPath", pem));
    }

    /// <summary>A fresh movement's anticipated transit record from <paramref name="sender"/> to <paramref name="recipient"/>.</summary>
    private static byte[] Record(string sender, string recipient) => Record(sender, recipient, Samples.NewMrn());

    private static byte[] Record(string sender, string recipient, string mrn)
    {
        return InProcessNode.Utf8(System.Text.Encoding.UTF8.GetString(Samples.ForMovement("IE050-AnticipatedTransitRecord", mrn))
            .Replace("<MessageSender>TGLOM001</MessageSender>", $"<MessageSender>{sender}</MessageSender>")
            .Replace("<MessageRecipient>BFCIN001</MessageRecipient>", $"<MessageRecipient>{recipient}</MessageRecipient>"));
    }

    private static byte[] SignedBy(X509Certificate2 certificate, byte[] xml) =>
        new XmlMessageSigner(SigningCredential.FromCertificate(certificate)).Sign(xml);

    private static async Task<DeliveryOutcome> DeliverAsync(InProcessNode node, byte[] body) =>
        await node.Services.GetRequiredService<InboundDeliveryHandler>().HandleAsync(
            new BusDelivery(new BusMessage(Guid.NewGuid().ToString(), null, "IE050", MessageFamily.Transit, "TG", "BF", body), 1), CancellationToken.None);

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "TGXYZ001", "BFCIN001", "WrongSender" },   // an office nobody registered
        { "BFOUA001", "BFCIN001", "WrongSender" },   // Togo speaking for a Burkinabe office
        { "TGPRT001", "BFCIN001", "WrongSender" },   // the port authority's office, signed by customs
        { "TGLOM001", "BFZZZ001", "WrongRecipient" }, // an office Burkina Faso's node does not serve
        { "TGLOM001", "TGCIN001", "WrongRecipient" }, // addressed to Togo itself
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Sender_not_owned_by_the_signing_administration_or_recipient_not_ours_is_dead_lettered(string sender, string recipient, string reason)
    {
        using var bf = Burkina();
        var body = bf.SignAs("TG", Record(sender, recipient));

        var outcome = Assert.IsType<DeliveryOutcome.DeadLetterOutcome>(await DeliverAsync(bf, body));
        Assert.Equal(reason, outcome.Reason);
        var alerts = await bf.Services.GetRequiredService<IAlertLog>().RecentAsync(10, CancellationToken.None);
        Assert.Contains(alerts, a => a.Kind == reason && a.ContentSha256 == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
    }

    [Fact]
    public async Task A_second_administration_of_the_country_is_verified_with_its_own_certificate_for_its_own_offices()
    {
        using var bf = Burkina();

        var (byPort, byCustoms) = (Samples.NewMrn(), Samples.NewMrn());
        Assert.IsType<DeliveryOutcome.CompleteOutcome>(await DeliverAsync(bf, SignedBy(_port, Record("TGPRT001", "BFCIN001", byPort))));
        Assert.IsType<DeliveryOutcome.CompleteOutcome>(await DeliverAsync(bf, bf.SignAs("TG", Record("TGLOM001", "BFCIN001", byCustoms))));
        var index = bf.Services.GetRequiredService<IMovementIndex>();
        foreach (var mrn in new[] { byPort, byCustoms })
            Assert.Equal("IE050", Assert.Single(await index.HistoryAsync(mrn, CancellationToken.None)).MessageType);
        // Either certificate is a Togolese one, but each speaks only for its own administration's offices.
        var outcome = Assert.IsType<DeliveryOutcome.DeadLetterOutcome>(await DeliverAsync(bf, SignedBy(_port, Record("TGLOM001", "BFCIN001"))));
        Assert.Equal("WrongSender", outcome.Reason);
        Assert.Contains("belongs to 'TG'", outcome.Description);
    }
}
