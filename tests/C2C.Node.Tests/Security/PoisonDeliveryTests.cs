using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Partners;
using C2C.Core.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Security;

/// <summary>
/// A delivery whose content makes handling throw (here: a verifier that chokes on it, as the base64 bug did) is not
/// tried until the broker's limit drops it without a word: after a few deliveries it is dead-lettered with its reason,
/// kept and raised. Storage and broker failures are not content failures and keep being retried.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class PoisonDeliveryTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    /// <summary>The real verifier, except that it throws on a message carrying a marker, as a parsing bug would.</summary>
    private sealed class ChokingVerifier(ISignatureVerifier real) : ISignatureVerifier
    {
        private static bool Chokes(ReadOnlySpan<byte> xml) => xml.IndexOf("CHOKE"u8) >= 0;

        public SignatureCheck Verify(ReadOnlySpan<byte> xml, string senderOffice, DateTimeOffset? at = null) =>
            Chokes(xml) ? throw new FormatException("The input is not a valid Base-64 string") : real.Verify(xml, senderOffice, at);

        public SignatureCheck VerifyFrom(ReadOnlySpan<byte> xml, Partner partner) =>
            Chokes(xml) ? throw new FormatException("The input is not a valid Base-64 string") : real.VerifyFrom(xml, partner);

        public SignatureCheck VerifyFromCountry(ReadOnlySpan<byte> xml, string country) =>
            Chokes(xml) ? throw new FormatException("The input is not a valid Base-64 string") : real.VerifyFromCountry(xml, country);
    }

    [Fact]
    public async Task A_delivery_that_fails_on_its_content_is_dead_lettered_with_an_alert_after_a_few_deliveries()
    {
        using var tg = new InProcessNode(_network, "TG", stack, b => b.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(ISignatureVerifier));
            services.Remove(real);
            services.AddSingleton<ISignatureVerifier>(sp => new ChokingVerifier((ISignatureVerifier)real.ImplementationFactory!(sp)));
        }));
        var body = tg.SignAs("BF", System.Text.Encoding.UTF8.GetBytes(Samples.Text("IE118-BorderPassageNotification").Replace("</MRN>", "</MRN><!--CHOKE-->")));
        var handler = tg.Services.GetRequiredService<InboundDeliveryHandler>();
        BusDelivery Delivery(int count) => new(new BusMessage("bf-choke", null, "IE118", MessageFamily.Transit, "BF", "TG", body, MovementReference: Samples.Mrn), count);

        for (var count = 1; count < InboundDeliveryHandler.ContentFailuresBeforeDeadLetter; count++)
            await Assert.ThrowsAsync<FormatException>(() => handler.HandleAsync(Delivery(count), CancellationToken.None)); // abandoned: tried again

        var outcome = await handler.HandleAsync(Delivery(InboundDeliveryHandler.ContentFailuresBeforeDeadLetter), CancellationToken.None);
        var dead = Assert.IsType<DeliveryOutcome.DeadLetterOutcome>(outcome);
        Assert.Equal("ProcessingFailed", dead.Reason);
        Assert.Contains("FormatException", dead.Description);
        var alerts = await tg.Services.GetRequiredService<IAlertLog>().RecentAsync(10, CancellationToken.None);
        Assert.Contains(alerts, a => a.Kind == "ProcessingFailed" && a.ArchiveName.Contains("/_refused/"));
    }
}
