using C2C.Core.Archive;
using C2C.Core.Outbound;
using C2C.Core.Ports;
using C2C.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Exchange;

/// <summary>
/// A node that died between archiving a decision's messages and committing it leaves them in the write-once archive.
/// The national system posts the declaration again: the decision is the same, and the copy already archived is the
/// one indexed and sent (a fresh composition has another time and signature and cannot replace it).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CrashRecoveryTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task A_declaration_posted_again_after_a_crash_before_its_commit_is_released_with_the_record_already_archived()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var archive = tg.Services.GetRequiredService<IMessageArchive>();
        // What the attempt that died had archived: the transit record for Cinkassé, composed and signed at its own time.
        var recordId = MessageIds.Derive("TG", "TGLOM-20261124-0001", "IE050", "BFCIN001");
        var left = tg.SignAs("TG", Samples.Bytes("IE050-AnticipatedTransitRecord"));
        var orphan = await archive.StoreAsync(new ArchiveEntry(Samples.Mrn, 2, "IE050", recordId, MessageDirection.Outbound, "TGLOM001", "BFCIN001",
            DateTimeOffset.UtcNow, "Signed", left), CancellationToken.None);

        var receipt = await Answer.ReadAsync(await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration")));
        Assert.Equal((200, "Released"), (receipt.Status, receipt.Value("MovementStatus")));

        var history = await tg.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);
        var record = Assert.Single(history, e => e.MessageType == "IE050");
        Assert.Equal((orphan.Name, orphan.Sha256), (record.ArchiveName, record.ContentSha256));
        Assert.Equal(left, (await archive.ReadAsync(record.ArchiveName, CancellationToken.None))!.Content);
        Assert.Null(EventHashChain.FirstBroken(history));
    }
}
