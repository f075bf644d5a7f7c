using System.Net.Sockets;
using C2C.Testing;

namespace C2C.Integration.Tests.Stack;

[Collection(StackCollection.Name)]
public sealed class LocalStackTests(LocalStack stack)
{
    [Fact]
    public void Stack_listens_on_loopback_only()
    {
        Assert.Contains("127.0.0.1", stack.StorageConnectionString);
        Assert.Equal("127.0.0.1", stack.RabbitMqUri.Host);
    }

    [Fact]
    public async Task Broker_and_storage_accept_connections()
    {
        foreach (var port in new[] { stack.RabbitMqUri.Port, int.Parse(stack.Settings["C2C_AZURITE_TABLE_PORT"]) })
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(client.Connected);
        }
    }
}
