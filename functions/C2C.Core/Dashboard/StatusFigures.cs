using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>Movements now in each status (zeros left out), and the groups the dashboard leads with.</summary>
public sealed record StatusFigures(IReadOnlyDictionary<string, long> ByStatus, long InTransit, long Overdue, long UnderEnquiry, long Total)
{
    public static StatusFigures Of(IReadOnlyDictionary<string, long> byStatus)
    {
        var held = byStatus.Where(p => p.Value != 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new(held, CorridorDashboard.InTransitStatuses.Sum(s => held.GetValueOrDefault(s)), held.GetValueOrDefault(nameof(TransitStatus.Overdue)),
            held.GetValueOrDefault(nameof(TransitStatus.UnderEnquiry)), held.Values.Sum());
    }
}
