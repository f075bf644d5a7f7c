using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <param name="Declarations">Transit declarations (IE015) received that day.</param>
public sealed record DayFigures(DateOnly Day, long Opened, long Declarations, IReadOnlyDictionary<string, long> Entered, IReadOnlyDictionary<string, long> Nacks,
    IReadOnlyDictionary<string, long> Received, IReadOnlyDictionary<string, long> Sent);
