using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using C2C.Core.Validation;
using C2C.Core.Xml;

namespace C2C.Core.Tests.Xml;

/// <summary>Classic XML attacks: each is refused quickly with a structural code and nothing is resolved.</summary>
public sealed class HostileInputTests
{
    private readonly MessageValidator _validator = new();

    private MessageError RejectOnly(string xml) => RejectOnly(Encoding.UTF8.GetBytes(xml));

    private MessageError RejectOnly(byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var result = _validator.Validate(bytes);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "rejection took too long");
        Assert.False(result.IsValid);
        return Assert.Single(result.Rejection!.Errors);
    }

    [Fact]
    public void Billion_laughs_is_refused_as_a_dtd()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
            <TransitDeclaration xmlns="urn:c2c:transit:v1">&lol4;</TransitDeclaration>
            """;
        Assert.Equal(ErrorCodes.DtdProhibited, RejectOnly(xml).Code);
    }

    [Fact]
    public void External_entity_is_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE m [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/leak"><!ENTITY file SYSTEM "file:///etc/passwd">]>
            <StatusRequest xmlns="urn:c2c:transit:v1">&xxe;&file;</StatusRequest>
            """;
        Assert.Equal(ErrorCodes.DtdProhibited, RejectOnly(xml).Code);
        Assert.False(listener.Pending(), "the parser connected to the entity's URL");
    }

    [Fact]
    public void External_dtd_reference_is_refused()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE StatusRequest SYSTEM "http://127.0.0.1:9/evil.dtd"><StatusRequest xmlns="urn:c2c:transit:v1"/>""";
        Assert.Equal(ErrorCodes.DtdProhibited, RejectOnly(xml).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var xml = "<StatusRequest xmlns=\"urn:c2c:transit:v1\">" + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</StatusRequest>";
        Assert.Equal(ErrorCodes.TooDeep, RejectOnly(xml).Code);
    }

    [Fact]
    public void Oversize_message_is_refused_before_parsing()
    {
        var bytes = new byte[XmlLimits.Default.MaxBytes + 1];
        Array.Fill(bytes, (byte)' ');
        Assert.Equal(ErrorCodes.TooLarge, RejectOnly(bytes).Code);
    }

    [Fact]
    public void Huge_attribute_is_refused()
    {
        var xml = $"<StatusRequest xmlns=\"urn:c2c:transit:v1\" a=\"{new string('x', 100_000)}\"/>";
        Assert.Equal(ErrorCodes.ValueTooLong, RejectOnly(xml).Code);
    }

    [Fact]
    public void Element_flood_is_refused()
    {
        var xml = "<StatusRequest xmlns=\"urn:c2c:transit:v1\">" + string.Concat(Enumerable.Repeat("<a/>", 150_000)) + "</StatusRequest>";
        Assert.Equal(ErrorCodes.TooManyElements, RejectOnly(xml).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<StatusRequest xmlns=\"urn:c2c:transit:v1\">")]
    [InlineData("<a></b>")]
    public void Malformed_xml_is_not_well_formed(string xml)
    {
        var error = RejectOnly(xml);
        Assert.Equal(ErrorCodes.NotWellFormed, error.Code);
    }

    [Fact]
    public void Utf16_is_refused()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\"/>")).ToArray();
        Assert.Equal(ErrorCodes.NotWellFormed, RejectOnly(bytes).Code);
    }

    public static TheoryData<string, byte[]> NotUtf8 => new()
    {
        { "UTF-16 LE, no mark, no declaration", Encoding.Unicode.GetBytes(Samples.Text("IE094-StatusRequest").Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")) },
        { "UTF-16 BE, no mark, no declaration", Encoding.BigEndianUnicode.GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\"/>") },
        { "UTF-32 LE, no mark", new UTF32Encoding(false, false).GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\"/>") },
        { "UTF-32 BE, with mark", new UTF32Encoding(true, true).GetPreamble().Concat(new UTF32Encoding(true, true).GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\"/>")).ToArray() },
        { "Latin-1 bytes, no declaration", Encoding.Latin1.GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\"><x>Lomé</x></StatusRequest>") },
        { "a NUL byte inside", Encoding.UTF8.GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\">\0</StatusRequest>") },
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void Anything_but_utf8_is_refused_even_without_a_mark_or_declaration(string encoding, byte[] bytes)
    {
        var error = RejectOnly(bytes);
        Assert.True(error.Code == ErrorCodes.NotWellFormed, $"{encoding}: {error.Code} {error.Reason}");
        Assert.Contains("UTF-8", error.Reason);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Samples.Bytes("IE094-StatusRequest")).ToArray();
        Assert.NotNull(new C2C.Core.Validation.MessageValidator().Validate(bytes).Message);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")]
    [InlineData("<?xml version='1.0' encoding = 'windows-1252' standalone='yes'?>")]
    public void Declared_non_utf8_encoding_is_refused(string declaration)
    {
        var xml = declaration + "<StatusRequest xmlns=\"urn:c2c:transit:v1\"/>";
        var error = RejectOnly(Encoding.Latin1.GetBytes(xml));
        Assert.Equal(ErrorCodes.NotWellFormed, error.Code);
        Assert.Contains("UTF-8", error.Reason);
    }
}
