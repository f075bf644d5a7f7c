using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>Movements of one office of departure: opened here ever, and now in each status.</summary>
public sealed record OfficeFigures(string Office, long Opened, StatusFigures Now);
