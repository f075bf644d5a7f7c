using C2C.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

/// <summary>
/// Carries what one node has sent to the partner node over HTTP (as that administration, with the signature the
/// sending node applied): every outbound message the node archived for a partner office of <c>to</c>, in the order it
/// archived them, once each. The archive holds them before they are published, so nothing here waits for a broker.
/// The end-to-end tests use the real broker instead; this isolates ingest and the movements from messaging.
/// </summary>
internal static class Courier
{
    public static async Task<List<Answer>> DeliverAsync(InProcessNode from, InProcessNode to)
    {
        var archive = from.Services.GetRequiredService<IMessageArchive>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sent = await archive.SearchAsync(new ArchiveQuery(From: today.AddDays(-1), To: today.AddDays(1), Direction: MessageDirection.Outbound, Max: 1000), CancellationToken.None);
        var answers = new List<Answer>();
        foreach (var message in sent.Where(m => m.RecipientOffice[..2] == to.Country && m.SignatureStatus == "Signed").OrderBy(m => m.ReceivedAt).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            if (!from.Carried.Add(message.Name))
                continue;
            var stored = await archive.ReadAsync(message.Name, CancellationToken.None);
            answers.Add(await Answer.ReadAsync(await InProcessNode.PostAsync(to.Administration(from.Country), stored!.Content)));
        }
        return answers;
    }
}
