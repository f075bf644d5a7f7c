using System.Reflection;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using C2C.Node.Composition;
using C2C.Node.Hosting.Worker;
using C2C.Orchestration.HandOff;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// The queue door on Azurite: a message goes inline when it fits a queue message, else in a blob the note names and the
/// queue function deletes once it handed the message over; the door writes where the function's trigger listens.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class QueueMovementDoorTests(LocalStack stack)
{
    [Fact]
    public async Task A_message_too_large_for_a_queue_message_travels_in_a_blob_deleted_after_the_hand_over()
    {
        var name = QueueMovementDoor.QueueName("c2cdoor" + Guid.NewGuid().ToString("N")[..8]);
        var queue = new QueueClient(stack.StorageConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var blobs = new BlobContainerClient(stack.StorageConnectionString, name);
        var door = new QueueMovementDoor(queue, blobs);
        await door.EnsureCreatedAsync(CancellationToken.None);
        try
        {
            var small = WorkerMessages.Declaration(Samples.NewMrn());
            var large = small with { Raw = new byte[3 * QueueMovementDoor.MaxInlineBytes] };

            await door.DeliverAsync(small, CancellationToken.None);
            await door.DeliverAsync(large, CancellationToken.None);
            var notes = (await queue.ReceiveMessagesAsync(2)).Value.Select(m => m.Body.ToString()).ToList();
            Assert.Equal(2, notes.Count);
            var (inline, claim) = (notes.Single(n => !n.Contains("\"Blob\":\"")), notes.Single(n => n.Contains("\"Blob\":\"")));
            Assert.Equal(1, await CountAsync(blobs));

            Assert.Equal(Json(small), Json((await door.OpenAsync(inline, CancellationToken.None))!));
            Assert.Equal(Json(large), Json((await door.OpenAsync(claim, CancellationToken.None))!));
            await door.ReleaseAsync(claim, CancellationToken.None);
            Assert.Equal(0, await CountAsync(blobs));
            // A second try of the same note (the host redelivers it after a failure past the hand-over): nothing left to do.
            Assert.Null(await door.OpenAsync(claim, CancellationToken.None));
            await new MovementDoorFunction(door, null!, NullLogger<MovementDoorFunction>.Instance).RunAsync(claim, null!, CancellationToken.None);
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
            await blobs.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public void The_door_writes_to_the_queue_the_function_is_triggered_by()
    {
        var trigger = typeof(MovementDoorFunction).GetMethod(nameof(MovementDoorFunction.RunAsync))!.GetParameters()
            .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).Single(a => a is not null)!;
        Assert.Null(trigger.Connection); // the host's storage, AzureWebJobsStorage, as the door's composition reads it
        Assert.Equal(QueueMovementDoor.QueueName("c2ctg"), trigger.QueueName.Replace($"%{QueueMovementDoor.TaskHubSetting}%", "c2ctg", StringComparison.Ordinal));
        Assert.Equal($"%{QueueMovementDoor.TaskHubSetting}%", FunctionsHostDouble.HostJson.Read().GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString());
    }

    [Theory]
    [InlineData("C2CTG")]
    [InlineData("c2c-tg")]
    [InlineData(null)]
    public void A_task_hub_name_the_hand_off_queue_cannot_take_stops_the_start_up(string? taskHub)
    {
        using var network = new TestNetwork("TG", "BF");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(network.Settings("TG", stack.StorageConnectionString, "tg").Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .AddInMemoryCollection([new("Hosting:Mode", "Functions"), new("AzureWebJobsStorage", stack.StorageConnectionString), new(QueueMovementDoor.TaskHubSetting, taskHub)])
            .Build();
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddC2CWorker(configuration, AppContext.BaseDirectory));
        Assert.Contains($"{QueueMovementDoor.TaskHubSetting} must name the Durable task hub", error.Message);
    }

    private static async Task<int> CountAsync(BlobContainerClient blobs)
    {
        var count = 0;
        await foreach (var _ in blobs.GetBlobsAsync())
            count++;
        return count;
    }

    private static string Json(Orchestration.Messages.MovementMessage message) => JsonSerializer.Serialize(message);
}
