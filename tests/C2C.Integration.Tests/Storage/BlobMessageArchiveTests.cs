using System.Security.Cryptography;
using System.Text;
using C2C.Adapters.Storage;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.Storage;

[Collection(StackCollection.Name)]
public sealed class BlobMessageArchiveTests(LocalStack stack)
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 5, TimeSpan.Zero);

    private static ArchiveEntry Entry(string messageId, byte[] content, string type = "IE015", int seq = 1, DateTimeOffset? at = null,
        string mrn = "26TGLOM000000142J4", MessageDirection direction = MessageDirection.Inbound) =>
        new(mrn, seq, type, messageId, direction, "TGLOM001", "BFOUA001", at ?? At, "Unsigned", content);

    [Fact]
    public async Task Stores_bytes_verbatim_under_the_auditor_path_with_metadata()
    {
        var archive = new BlobMessageArchive((await StorageFixture.NewNodeAsync(stack)).Archive);
        // BOM, CRLF and odd spacing must survive: the archive keeps the original, not a re-serialisation.
        var bytes = Encoding.UTF8.GetPreamble().Concat("<a  x='1'>\r\n é </a>\r\n"u8.ToArray()).ToArray();
        var stored = await archive.StoreAsync(Entry("TGLOM-1", bytes), CancellationToken.None);

        Assert.Equal("2026/11/24/26TGLOM000000142J4/0001-IE015-TGLOM-1.xml", stored.Name);
        var read = await archive.ReadAsync(stored.Name, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(bytes, read.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), read.Message.Sha256);
        Assert.Equal("TGLOM001", read.Message.SenderOffice);
        Assert.Equal(At, read.Message.ReceivedAt);
        Assert.Equal(MessageDirection.Inbound, read.Message.Direction);
    }

    [Fact]
    public async Task Same_bytes_again_is_idempotent_other_bytes_conflict()
    {
        var archive = new BlobMessageArchive((await StorageFixture.NewNodeAsync(stack)).Archive);
        var first = await archive.StoreAsync(Entry("TGLOM-2", "<a/>"u8.ToArray()), CancellationToken.None);
        var again = await archive.StoreAsync(Entry("TGLOM-2", "<a/>"u8.ToArray()), CancellationToken.None);
        Assert.Equal(first.Sha256, again.Sha256);
        await Assert.ThrowsAsync<ArchiveConflictException>(() => archive.StoreAsync(Entry("TGLOM-2", "<b/>"u8.ToArray()), CancellationToken.None));
        Assert.Equal("<a/>"u8.ToArray(), (await archive.ReadAsync(first.Name, CancellationToken.None))!.Content);
    }

    [Fact]
    public async Task Search_by_tags_narrows_by_every_criterion()
    {
        var archive = new BlobMessageArchive((await StorageFixture.NewNodeAsync(stack)).Archive);
        await archive.StoreAsync(Entry("M1", "<a/>"u8.ToArray(), "IE015", 1), CancellationToken.None);
        await archive.StoreAsync(Entry("M2", "<b/>"u8.ToArray(), "IE050", 2, direction: MessageDirection.Outbound), CancellationToken.None);
        await archive.StoreAsync(Entry("M3", "<c/>"u8.ToArray(), "IE015", 1, At.AddDays(3), "26TGLOM000000143J3"), CancellationToken.None);

        async Task<string[]> Ids(ArchiveQuery q) => (await archive.SearchAsync(q, CancellationToken.None)).Select(m => m.MessageId).Order().ToArray();
        Assert.Equal(["M1", "M2"], await Ids(new ArchiveQuery(MovementReference: "26TGLOM000000142J4")));
        Assert.Equal(["M1", "M3"], await Ids(new ArchiveQuery(MessageType: "IE015")));
        Assert.Equal(["M2"], await Ids(new ArchiveQuery(MovementReference: "26TGLOM000000142J4", Direction: MessageDirection.Outbound)));
        Assert.Equal(["M3"], await Ids(new ArchiveQuery(From: DateOnly.FromDateTime(At.AddDays(1).Date))));
        Assert.Equal(["M1", "M2"], await Ids(new ArchiveQuery(To: DateOnly.FromDateTime(At.Date))));
        Assert.Equal(["M1", "M2", "M3"], await Ids(new ArchiveQuery(Office: "BFOUA001")));
        Assert.Empty(await Ids(new ArchiveQuery(Office: "MVMLE001")));
        Assert.Single(await archive.SearchAsync(new ArchiveQuery(Office: "TGLOM001", Max: 1), CancellationToken.None));
    }

    [Fact]
    public async Task Search_refuses_unsafe_values_and_empty_queries()
    {
        var archive = new BlobMessageArchive((await StorageFixture.NewNodeAsync(stack)).Archive);
        await Assert.ThrowsAsync<ArgumentException>(() => archive.SearchAsync(new ArchiveQuery(MessageType: "IE015' OR 'a'='a"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => archive.SearchAsync(new ArchiveQuery(), CancellationToken.None));
    }
}
