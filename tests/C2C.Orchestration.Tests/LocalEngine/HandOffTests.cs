using C2C.Core.Transit;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Messages;
using C2C.Testing;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>The ingest's hand-off on the local engine: a message counts as delivered only once its movement recorded it.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class HandOffTests(LocalStack stack)
{
    [Fact]
    public async Task Each_message_is_acknowledged_as_applied_held_or_refused_and_a_redelivery_is_answered_from_the_index()
    {
        await using var engine = await EngineUnderTest.InProcessAsync(new EngineSetting(stack));
        var (client, index, handOff) = (engine.Client, engine.Index, engine.HandOff(TimeSpan.FromSeconds(30)));
        var mrn = Samples.NewMrn();
        var declaration = EngineSetting.Start(mrn).First!;
        var (passage, arrival, results) = EngineSetting.Reports(mrn) switch { var r => (r[0], r[1], r[2]) };

        var released = await handOff.HandOverAsync(client, declaration, CancellationToken.None);
        Assert.Equal(HandOffStatus.Applied, released.Status);
        Assert.Contains("<MessageType>IE928</MessageType>", System.Text.Encoding.UTF8.GetString(released.Receipt));
        Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(client, passage, CancellationToken.None)).Status);
        // Control results before the arrival: held by the movement, acknowledged as held.
        Assert.Equal(HandOffStatus.Held, (await handOff.HandOverAsync(client, results, CancellationToken.None)).Status);
        Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(client, arrival, CancellationToken.None)).Status);
        // The held results are applied right after the arrival, in the orchestration's next step.
        await Eventually.UntilAsync(async () => (await index.GetAsync(mrn, CancellationToken.None))?.Status.Name == "WrittenOff", $"{mrn} written off");
        // Redelivered after the write-off: answered from the index (applied once the arrival let it fit), nothing raised.
        Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(client, results, CancellationToken.None)).Status);
        Assert.Equal(HandOffStatus.Conflict, (await handOff.HandOverAsync(client, results with { Sha256 = "other content" }, CancellationToken.None)).Status);
        // A second release of the same MRN (another message id) is refused by the movement, and in its history as such.
        var again = EngineSetting.Message("IE015-TransitDeclaration", mrn, MessageOrigin.Local, tag: "again" + mrn[^6..]);
        var refused = await handOff.HandOverAsync(client, again, CancellationToken.None);
        Assert.Equal(HandOffStatus.Refused, refused.Status);
        // The very NACK the HTTP front answers with: IE906, duplicate MRN.
        var nack = System.Text.Encoding.UTF8.GetString(refused.Receipt);
        Assert.Contains("<MessageType>IE906</MessageType>", nack);
        Assert.Contains($"<ErrorCode>{C2C.Core.Validation.ErrorCodes.DuplicateMrn}</ErrorCode>", nack);

        Assert.Equal("WrittenOff", (await index.GetAsync(mrn, CancellationToken.None))!.Status.Name);
        Assert.Equal(0, await MovementAudit.AssertWrittenOffOnceAsync(index, engine.Setting.PublishLog, mrn, [declaration, passage, arrival, results]));
    }

    [Fact]
    public async Task A_message_after_the_orchestration_ended_opens_the_movement_again_from_its_indexed_state()
    {
        await using var engine = await EngineUnderTest.InProcessAsync(new EngineSetting(stack));
        var handOff = engine.HandOff(TimeSpan.FromSeconds(30));
        var mrn = Samples.NewMrn();
        IReadOnlyList<MovementMessage> journey = [EngineSetting.Start(mrn).First!, .. EngineSetting.Reports(mrn)];
        foreach (var message in journey)
            Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(engine.Client, message, CancellationToken.None)).Status);
        var ended = await EngineClient.CompletionAsync(engine.Client, MovementInstances.Transit(mrn), TimeSpan.FromSeconds(60));
        Assert.Equal("\"WrittenOff\"", ended.SerializedOutput);

        // Ouagadougou asks for the status of the written-off movement: its orchestration starts again from the index.
        var statusRequest = EngineSetting.Message("IE094-StatusRequest", mrn, MessageOrigin.Partner);
        Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(engine.Client, statusRequest, CancellationToken.None)).Status);

        var history = await engine.Index.HistoryAsync(mrn, CancellationToken.None);
        var answer = Assert.Single(history, e => e.MessageType == "IE095");
        Assert.Equal("BFOUA001", answer.RecipientOffice);
        Assert.True(answer.Sequence > history.Single(e => e.MessageId == statusRequest.MessageId).Sequence);
        Assert.Equal(0, await MovementAudit.AssertWrittenOffOnceAsync(engine.Index, engine.Setting.PublishLog, mrn, [.. journey, statusRequest]));
    }
}
