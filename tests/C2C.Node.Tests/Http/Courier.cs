using C2C.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

/// <summary>
/// Carries what one node's outbox holds to the partner node over HTTP (as that administration, with the signature
/// the sending node applied). The end-to-end tests use the real broker instead; this isolates ingest and the process
/// managers from messaging.
/// </summary>
internal static class Courier
{
    public static async Task<List<Answer>> DeliverAsync(InProcessNode from, InProcessNode to)
    {
        var index = from.Services.GetRequiredService<IMovementIndex>();
        var archive = from.Services.GetRequiredService<IMessageArchive>();
        var answers = new List<Answer>();
        foreach (var item in await index.PendingOutboxAsync(100, CancellationToken.None))
        {
            if (item.DestinationCountry != to.Country)
                continue;
            var stored = await archive.ReadAsync(item.ArchiveName, CancellationToken.None);
            answers.Add(await Answer.ReadAsync(await InProcessNode.PostAsync(to.Administration(from.Country), stored!.Content)));
            await index.MarkPublishedAsync([item], CancellationToken.None);
        }
        return answers;
    }
}
