using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Validation;

namespace C2C.Node.Tests.Guarantees;

/// <summary>
/// Togo's guarantee register over HTTP: its own systems register a GRN; a release reserves against it and a second
/// declaration beyond the balance is refused (422, IE906); Burkina Faso, whose offices take part in the movement, queries
/// the guarantee and gets a signed IE037 saying it covers the movement; others get 403.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class GuaranteeEndpointTests(LocalStack stack) : IDisposable
{
    private static readonly XNamespace Ns = "urn:c2c:transit:v1";
    private readonly TestNetwork _network = new("TG", "BF", "IN");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task Release_reserves_a_second_release_beyond_the_balance_is_refused_and_burkina_faso_queries_the_guarantee()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var grn = SampleGuarantee.NewGrn();
        Assert.Equal(HttpStatusCode.OK, (await tg.Offices().PutAsJsonAsync($"api/v1/guarantees/{grn}", SampleGuarantee.Registration(20_000_000m))).StatusCode);

        var first = Samples.NewMrn();
        Assert.Equal(HttpStatusCode.OK, (await InProcessNode.PostAsync(tg.Offices(), SampleGuarantee.Declaration(first, grn))).StatusCode);
        var second = Samples.NewMrn();
        var refused = await InProcessNode.PostAsync(tg.Offices(), SampleGuarantee.Declaration(second, grn));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var nack = XDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("IE906", nack.Descendants(Ns + "MessageType").Single().Value);
        Assert.Equal(ErrorCodes.RuleViolation, nack.Descendants(Ns + "ErrorCode").Single().Value);
        Assert.StartsWith("InsufficientBalance", nack.Descendants(Ns + "ErrorReason").Single().Value, StringComparison.Ordinal);

        var view = JsonDocument.Parse(await tg.Offices().GetStringAsync($"api/v1/guarantees/{grn}")).RootElement;
        Assert.Equal(1_500_000m, view.GetProperty("balance").GetDecimal());
        var movement = view.GetProperty("movements").EnumerateArray().Single();
        Assert.Equal((first, "Reserved"), (movement.GetProperty("mrn").GetString(), movement.GetProperty("status").GetString()));

        var query = await tg.Administration("BF").GetAsync($"api/v1/guarantees/{grn}/query?mrn={first}");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        var signed = await query.Content.ReadAsByteArrayAsync();
        var verdict = new XmlSignatureVerifier(TimeProvider.System).Verify(signed, new SigningTrust("TG", [], [_network.SigningCertificate("TG")]));
        Assert.True(verdict.IsValid, verdict.Reason);
        var answer = XDocument.Parse(Encoding.UTF8.GetString(signed));
        Assert.Equal("IE037", answer.Descendants(Ns + "MessageType").Single().Value);
        Assert.Equal(("true", "Reserved", "18500000.00", "1500000.00"), (answer.Descendants(Ns + "Covered").Single().Value,
            answer.Descendants(Ns + "ReservationStatus").Single().Value, answer.Descendants(Ns + "AmountReserved").Single().Value,
            answer.Descendants(Ns + "Balance").Single().Value));
    }

    [Fact]
    public async Task Only_this_administration_registers_and_a_partner_queries_only_the_guarantee_of_its_own_movement()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var grn = SampleGuarantee.NewGrn();
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("BF").PutAsJsonAsync($"api/v1/guarantees/{grn}", SampleGuarantee.Registration(1m))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tg.Offices().PutAsJsonAsync($"api/v1/guarantees/{grn}", SampleGuarantee.Registration(0m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tg.Offices().PutAsJsonAsync($"api/v1/guarantees/{grn}", SampleGuarantee.Registration(50_000_000m))).StatusCode);
        var mrn = Samples.NewMrn();
        Assert.Equal(HttpStatusCode.OK, (await InProcessNode.PostAsync(tg.Offices(), SampleGuarantee.Declaration(mrn, grn))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("IN").GetAsync($"api/v1/guarantees/{grn}/query?mrn={mrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("BF").GetAsync($"api/v1/guarantees/{SampleGuarantee.Grn}/query?mrn={mrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("BF").GetAsync($"api/v1/guarantees/{grn}/query")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("BF").GetAsync($"api/v1/guarantees/{grn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tg.Auditor().GetAsync($"api/v1/guarantees/{grn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tg.Auditor().GetAsync($"api/v1/guarantees/{SampleGuarantee.NewGrn()}")).StatusCode);
    }

    [Fact]
    public async Task A_declaration_naming_an_unknown_grn_is_refused_and_nothing_is_released()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();

        var refused = await InProcessNode.PostAsync(tg.Offices(), SampleGuarantee.Declaration(mrn, SampleGuarantee.NewGrn()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var nack = XDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(ErrorCodes.IncorrectValue, nack.Descendants(Ns + "ErrorCode").Single().Value);
        // The refusal is in the movement's history (the auditor's record of it), with no state: nothing was released.
        var record = await tg.Auditor().GetAsync($"api/v1/movements/{mrn}");
        Assert.NotEqual("Released", JsonDocument.Parse(await record.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await tg.Auditor().GetAsync($"api/v1/movements/{mrn}/tad")).StatusCode);
    }
}
