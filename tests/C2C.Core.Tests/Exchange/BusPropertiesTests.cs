using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Core.Tests.Exchange;

public sealed class BusPropertiesTests
{
    [Fact]
    public void What_is_written_reads_back_the_same_and_absent_options_stay_absent()
    {
        var sent = new BusMessage("TG-1", "corr", "IE050", MessageFamily.Transit, "TG", "BF", "<x/>"u8.ToArray(), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null, "26TGLOM000000142J4");
        var properties = BusProperties.Of(sent).ToDictionary();
        Assert.False(properties.ContainsKey(BusProperties.TraceState));
        var read = BusProperties.Read("TG-1", "corr", sent.Body, properties.GetValueOrDefault);
        Assert.Equal(sent with { Body = default }, read with { Body = default });
    }

    [Theory]
    [InlineData(null, "Transit", "TG", "message id")]
    [InlineData("TG-1", null, "TG", "family")]
    [InlineData("TG-1", "Freight", "TG", "family")]
    [InlineData("TG-1", "Transit", null, "sourceCountry")]
    public void An_incomplete_envelope_is_refused_naming_what_is_missing(string? id, string? family, string? source, string missing)
    {
        var properties = new Dictionary<string, string?> { [BusProperties.Family] = family, [BusProperties.SourceCountry] = source };
        var error = Assert.Throws<InvalidDataException>(() => BusProperties.Read(id, null, default, properties.GetValueOrDefault));
        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData(1, 250)]
    [InlineData(2, 500)]
    [InlineData(5, 4000)]
    [InlineData(9, 30000)]
    [InlineData(1000, 30000)]
    [InlineData(0, 250)]
    public void An_abandoned_delivery_waits_longer_each_time_up_to_half_a_minute(int deliveryCount, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DeliveryOutcome.RetryDelay(deliveryCount));
}
