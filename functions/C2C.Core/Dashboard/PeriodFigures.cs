using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>What happened over some days: movements opened and the statuses they entered.</summary>
public sealed record PeriodFigures(long Opened, long Declarations, IReadOnlyDictionary<string, long> Entered, IReadOnlyDictionary<string, long> Nacks)
{
    public static PeriodFigures Of(IEnumerable<DayFigures> days)
    {
        var list = days.ToList();
        return new(list.Sum(d => d.Opened), list.Sum(d => d.Declarations), CorridorDashboard.Sum(list.Select(d => d.Entered)), CorridorDashboard.Sum(list.Select(d => d.Nacks)));
    }
}
