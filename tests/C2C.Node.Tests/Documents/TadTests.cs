using System.Net;
using C2C.Testing;

namespace C2C.Node.Tests.Documents;

/// <summary>
/// The transit accompanying document of a released movement: a PDF that prints (rendered with pdftoppm, kept as PNG
/// under TestResults/tad to look at), whose barcode a scanner reads back as the MRN, with the route, seals and guarantee.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TadTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF", "IN");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task The_tad_prints_the_movement_and_its_barcode_decodes_back_to_the_mrn()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        await InProcessNode.PostAsync(tg.Offices(), Samples.ForMovement("IE015-TransitDeclaration", mrn));

        var response = await tg.Offices().GetAsync($"api/v1/movements/{mrn}/tad");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var folder = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "tad")).FullName;
        var pdf = Path.Combine(folder, $"TAD-{mrn}.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        var text = await PrintedDocument.TextAsync(pdf);
        foreach (var expected in new[] { mrn, "TGLOM001", "TGCIN001", "BFCIN001", "BFOUA001", "TG → BF", "TGD0045871", "TGD0045872", "MSCU1234566",
                     "TG 4521 BK", $"GRN {SampleGuarantee.Grn}", "reserved 18,500,000.00 XOF", "Semi-milled rice" })
            Assert.Contains(expected, text, StringComparison.Ordinal);

        Assert.Equal(mrn, PrintedDocument.DecodeCode128(await PrintedDocument.RasteriseAsync(pdf, dpi: 150)));
        Assert.True(File.Exists(Path.ChangeExtension(pdf, ".png")));
    }

    [Fact]
    public async Task An_accepted_declaration_has_no_tad_until_release_then_prints_its_latest_version()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        (await InProcessNode.PostAsync(tg.Offices(), Samples.LodgedDeclaration(mrn))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await tg.Offices().GetAsync($"api/v1/movements/{mrn}/tad")).StatusCode);

        (await InProcessNode.PostAsync(tg.Offices(), Samples.ForMovement("IE013-DeclarationAmendment", mrn))).EnsureSuccessStatusCode();
        (await InProcessNode.PostAsync(tg.Offices(), Samples.ForMovement("IE029-ReleaseForTransit", mrn))).EnsureSuccessStatusCode();
        var response = await tg.Offices().GetAsync($"api/v1/movements/{mrn}/tad");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = Path.Combine(Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "tad")).FullName, $"TAD-{mrn}-v2.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = await PrintedDocument.TextAsync(pdf);
        foreach (var expected in new[] { "version 2", "TGD0045873", "420 BG" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_not_on_the_route_gets_403_and_an_unknown_movement_404()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        await InProcessNode.PostAsync(tg.Offices(), Samples.ForMovement("IE015-TransitDeclaration", mrn));

        Assert.Equal(HttpStatusCode.OK, (await tg.Administration("BF").GetAsync($"api/v1/movements/{mrn}/tad")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("IN").GetAsync($"api/v1/movements/{mrn}/tad")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tg.Auditor().GetAsync($"api/v1/movements/{Samples.NewMrn()}/tad")).StatusCode);
    }
}
